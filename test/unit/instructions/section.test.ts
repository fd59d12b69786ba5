// The generated section inside hand-written files: only the section (and front matter Conductor owns) changes,
// everything around it stays byte for byte, in LF and CRLF files.
import * as assert from 'node:assert/strict';
import {
  BEGIN_MARKER,
  END_MARKER,
  applyOffsetEdits,
  findSection,
  generatedEdits,
  updatedText,
  withoutSection,
  SectionError,
  type GeneratedFile,
} from '../../../server/src/instructions';

const SECTION = [BEGIN_MARKER, '## Conductor policy', '', '- rule one', END_MARKER].join('\n');
const NEW_SECTION = [BEGIN_MARKER, '## Conductor policy', '', '- rule one', '- rule two', END_MARKER].join('\n');
const file = (section = NEW_SECTION, frontMatter?: string): GeneratedFile => ({ path: 'AGENTS.md', section, ...(frontMatter !== undefined && { frontMatter }) });

/** Hand-written text around a section, in a line-break style. */
function handWritten(eol: string, section: string): { text: string; before: string; after: string } {
  const before = ['# Our agents guide', '', 'Use pnpm, not npm.  ', '\tTabs and trailing spaces stay.', '', ''].join(eol);
  const after = [eol, '## Hand-written after', 'Ünïcödé and emoji 🎉 stay too.', ''].join(eol);
  return { text: before + section.replace(/\n/g, eol) + after, before, after };
}

describe('instructions: the generated section', () => {
  it('creates a missing file with just the section (and front matter)', () => {
    assert.equal(updatedText(undefined, file()), `${NEW_SECTION}\n`);
    assert.equal(updatedText(undefined, file(NEW_SECTION, '---\nalwaysApply: true\n---\n')), `---\nalwaysApply: true\n---\n${NEW_SECTION}\n`);
  });

  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`replaces only the section and keeps hand-written text byte for byte (${name})`, () => {
      const { text, before, after } = handWritten(eol, SECTION);
      const out = updatedText(text, file());
      assert.ok(out.startsWith(before), 'text before the section changed');
      assert.ok(out.endsWith(after), 'text after the section changed');
      assert.equal(out, before + NEW_SECTION.replace(/\n/g, eol) + after);
      if (eol === '\r\n') {
        assert.doesNotMatch(out.replace(/\r\n/g, ''), /\n/, 'a lone LF in a CRLF file');
      }
      // One edit, exactly the section's range.
      const edits = generatedEdits(text, file());
      const found = findSection(text);
      assert.ok('found' in found);
      assert.deepEqual(edits.map((e) => [e.start, e.end]), [[found.found.start, found.found.end]]);
      // Up to date: no edits, same bytes.
      assert.deepEqual(generatedEdits(out, file()), []);
      assert.equal(updatedText(out, file()), out);
    });

    it(`appends the section to a file without one, after a blank line (${name})`, () => {
      const own = ['# Notes', 'keep me'].join(eol);
      assert.equal(updatedText(own, file()), own + eol + eol + NEW_SECTION.replace(/\n/g, eol) + eol);
      assert.equal(updatedText(own + eol, file()), own + eol + eol + NEW_SECTION.replace(/\n/g, eol) + eol);
      assert.equal(updatedText(own + eol + eol, file()), own + eol + eol + NEW_SECTION.replace(/\n/g, eol) + eol);
    });
  }

  it('replaces an older begin marker wording, indented markers included', () => {
    const text = `intro\n  <!-- conductor:begin old wording -->\nold\n<!-- conductor:end -->\noutro\n`;
    assert.equal(updatedText(text, file()), `intro\n  ${NEW_SECTION}\noutro\n`);
  });

  it('does not take a marker in the middle of a line, and refuses a begin marker without an end marker', () => {
    assert.ok('missing' in findSection('see `<!-- conductor:begin` in the docs\n'));
    const text = `keep\n${BEGIN_MARKER}\nno end here\n`;
    assert.throws(() => generatedEdits(text, file()), (e: unknown) => e instanceof SectionError && e.offset === 5);
  });

  it('owns the front matter of its files: replaces it, or inserts it at the very start', () => {
    const fm = '---\ndescription: Conductor\nalwaysApply: true\n---\n';
    const old = `---\ndescription: old\n---\n${SECTION}\n\nmine\n`;
    assert.equal(updatedText(old, file(NEW_SECTION, fm)), `${fm}${NEW_SECTION}\n\nmine\n`);
    // No front matter yet, section at the very start: the front matter goes in front of it.
    assert.equal(updatedText(`${SECTION}\nmine\n`, file(NEW_SECTION, fm)), `${fm}${NEW_SECTION}\nmine\n`);
    // An empty file: front matter and section.
    assert.equal(updatedText('', file(NEW_SECTION, fm)), `${fm}${NEW_SECTION}\n`);
    // CRLF front matter.
    const crlf = `---\r\ndescription: old\r\n---\r\n${SECTION.replace(/\n/g, '\r\n')}\r\n`;
    assert.equal(updatedText(crlf, file(NEW_SECTION, fm)), `${fm}${NEW_SECTION}\n`.replace(/\n/g, '\r\n'));
  });

  it('removes an obsolete section, and the file when nothing else is in it', () => {
    assert.equal(withoutSection(`---\napplyTo: "x"\n---\n${SECTION}\n`), undefined);
    assert.equal(withoutSection(`mine\n\n${SECTION}\n`), 'mine\n');
    assert.equal(withoutSection('no section\n'), 'no section\n');
  });

  it('applies offset edits last first, replacement before insertion at one offset', () => {
    assert.equal(applyOffsetEdits('abcdef', [{ start: 0, end: 0, newText: 'X' }, { start: 0, end: 2, newText: 'Y' }, { start: 4, end: 5, newText: 'Z' }]), 'XYcdZf');
  });
});
