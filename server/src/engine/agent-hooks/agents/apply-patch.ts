// Codex's apply_patch envelope (`*** Begin Patch` … `*** End Patch`) → one write per added or updated
// file. Each update hunk becomes a string replacement (context and `-` lines → context and `+` lines),
// so it is placed in the current file exactly like an Edit. Deleted files write no code.
import { PayloadError, type FileWrite, type TextEdit } from '../types';

const ADD = '*** Add File: ';
const UPDATE = '*** Update File: ';
const DELETE = '*** Delete File: ';
const MOVE = '*** Move to: ';

export function parseApplyPatch(patch: string): FileWrite[] {
  const lines = patch.replace(/\r\n/g, '\n').split('\n');
  let i = lines.findIndex((l) => l.trim() === '*** Begin Patch');
  if (i === -1) {
    throw new PayloadError('the patch has no "*** Begin Patch" line');
  }
  const writes: FileWrite[] = [];
  i++;
  while (i < lines.length && lines[i].trim() !== '*** End Patch') {
    const line = lines[i];
    if (line.startsWith(ADD)) {
      const added: string[] = [];
      for (i++; i < lines.length && lines[i].startsWith('+'); i++) {
        added.push(lines[i].slice(1));
      }
      writes.push({ path: line.slice(ADD.length).trim(), change: { kind: 'content', content: added.length > 0 ? `${added.join('\n')}\n` : '' } });
    } else if (line.startsWith(UPDATE)) {
      let file = line.slice(UPDATE.length).trim();
      i++;
      if (i < lines.length && lines[i].startsWith(MOVE)) {
        file = lines[i].slice(MOVE.length).trim();
        i++;
      }
      const edits: TextEdit[] = [];
      while (i < lines.length && !lines[i].startsWith('*** ')) {
        const hunk = { old: [] as string[], new: [] as string[] };
        if (lines[i].startsWith('@@')) {
          i++;
        }
        for (; i < lines.length && !lines[i].startsWith('@@') && !lines[i].startsWith('*** '); i++) {
          const l = lines[i];
          const body = l.slice(1);
          if (l.startsWith('-')) {
            hunk.old.push(body);
          } else if (l.startsWith('+')) {
            hunk.new.push(body);
          } else {
            hunk.old.push(body);
            hunk.new.push(body);
          }
        }
        if (hunk.old.length > 0 || hunk.new.length > 0) {
          edits.push({ oldString: hunk.old.join('\n'), newString: hunk.new.join('\n'), replaceAll: false });
        }
      }
      if (edits.length > 0) {
        writes.push({ path: file, change: { kind: 'edits', edits } });
      }
    } else if (line.startsWith(DELETE) || line.trim() === '') {
      i++;
    } else {
      throw new PayloadError(`unexpected patch line ${i + 1}: ${line.slice(0, 80)}`);
    }
  }
  return writes;
}
