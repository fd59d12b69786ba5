import { CodeAction, CodeActionKind, CreateFile, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { findRegion, setUseCaseEdits, type AiAction } from '../engine/ai-policy';
import type { AiRegion, Finding, Range } from '../engine';
import { Commands } from '../protocol/messages';
import { quickFix } from './to-lsp';

/**
 * Code actions for an AI-policy finding, from the plain `properties.aiActions` the engine attaches.
 * `languageId` is the document's (the checker parsed the markers with it); pass it when known.
 */
export function aiCodeActions(
  uri: string,
  text: string,
  finding: Finding,
  diagnostic: Diagnostic,
  relPath: string,
  folderRoot?: string,
  languageId?: string,
): CodeAction[] {
  const actions = (finding.properties?.aiActions ?? []) as AiAction[];
  const out: CodeAction[] = [];
  for (const a of actions) {
    switch (a.kind) {
      case 'markReviewed':
        out.push(command('Mark AI block as reviewed', Commands.markReviewed, [uri, a.regionId], diagnostic));
        break;
      case 'setUseCase': {
        const region = regionOf(relPath, text, a.regionId, finding.range, languageId);
        for (const choice of region ? a.choices : []) {
          out.push(quickFix(`Set AI use case to "${choice}"`, uri, setUseCaseEdits(text, region!, choice), diagnostic));
        }
        break;
      }
      case 'takeOwnership':
        out.push(command('Take ownership (remove AI markers)…', Commands.takeOwnership, [uri, a.regionId], diagnostic));
        break;
      case 'createTest':
        if (folderRoot) {
          const create = CodeAction.create(`Create test file ${a.path}`, { documentChanges: [CreateFile.create(URI.file(`${folderRoot}/${a.path}`).toString(), { ignoreIfExists: true })] }, CodeActionKind.QuickFix);
          create.diagnostics = [diagnostic];
          out.push(create);
        }
        break;
      case 'explain':
        out.push(command('Explain the policy', Commands.explain, [a.docsUrl], diagnostic));
        break;
    }
  }
  return out;
}

function command(title: string, name: string, args: unknown[], diagnostic: Diagnostic): CodeAction {
  const action = CodeAction.create(title, { title, command: name, arguments: args }, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  return action;
}

// One language per comment style markers are written in: //, #, --, --[[ ]], {- -}, /* */, <!-- -->, ; and REM.
const COMMENT_STYLES = ['typescript', 'python', 'sql', 'lua', 'haskell', 'css', 'html', 'ini', 'bat'];

/**
 * The block a finding is about, parsed as the checker parsed it. Without the document's language id
 * the file name decides the comment syntax, which fails for untitled buffers and files whose
 * language is not in their name (e.g. `Untitled-1` in TypeScript); then the block is the one with
 * this id whose begin marker is exactly where the finding is, in whichever comment style.
 */
function regionOf(relPath: string, text: string, regionId: string, at: Range, languageId: string | undefined): AiRegion | undefined {
  const byName = findRegion(relPath, text, regionId, languageId);
  if (byName || languageId) {
    return byName;
  }
  for (const style of COMMENT_STYLES) {
    const r = findRegion(relPath, text, regionId, style);
    if (r && sameRange(r.beginRange, at)) {
      return r;
    }
  }
  return undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
