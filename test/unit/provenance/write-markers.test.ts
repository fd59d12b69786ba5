import * as assert from 'node:assert/strict';
import {
  beginMarker,
  canHoldMarkers,
  endMarker,
  formatMarkerTime,
  newMarkerId,
  parseMarkers,
  removeMarkerField,
  removeMarkers,
  setMarkerField,
  wrapInMarkers,
  type AiRegion,
  type MarkerFields,
} from '../../../server/src/engine/provenance';
import { syntaxFor } from '../../../server/src/engine/text/languages';
import { applyEdits, textOf } from './apply-edits';

const ts = syntaxFor(undefined, 'a.ts');
const fields: MarkerFields = { id: '7f3a', tool: 'copilot', useCase: 'tests', at: '2026-11-24T10:31Z' };
const whole = (line: number): AiRegion['contentRange'] => ({ start: { line, character: 0 }, end: { line, character: 0 } });

function onlyRegion(text: string, path = 'a.ts'): AiRegion {
  const { regions, problems } = parseMarkers(text, syntaxFor(undefined, path));
  assert.deepEqual(problems, []);
  assert.equal(regions.length, 1);
  return regions[0];
}

describe('provenance markers: writing', () => {
  describe('beginMarker and endMarker', () => {
    it('writes the spec example in each comment style', () => {
      const body = '@ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z';
      assert.equal(beginMarker(ts, fields), `// ${body}`);
      assert.equal(beginMarker(syntaxFor(undefined, 'a.py'), fields), `# ${body}`);
      assert.equal(beginMarker(syntaxFor(undefined, 'q.sql'), fields), `-- ${body}`);
      assert.equal(beginMarker(syntaxFor(undefined, 'i.html'), fields), `<!-- ${body} -->`);
      assert.equal(beginMarker(syntaxFor(undefined, 's.css'), fields), `/* ${body} */`);
      assert.equal(beginMarker(syntaxFor(undefined, 'x.unknown'), fields), `# ${body}`);
      assert.equal(endMarker(syntaxFor(undefined, 's.css'), '7f3a'), '/* @ai-generated end id=7f3a */');
    });

    it('orders known fields, then extra ones, quoting values with spaces or quotes', () => {
      const text = beginMarker(ts, {
        id: 'abcdef',
        tool: 'claude',
        reviewedAt: '2026-11-25T09:00:30Z',
        reviewedBy: 'Jane "JD" Doe',
        acceptedBy: 'dev@example.com',
        extra: { risk: 'low' },
      });
      assert.equal(
        text,
        '// @ai-generated begin id=abcdef tool=claude accepted-by=dev@example.com reviewed-by="Jane \\"JD\\" Doe" reviewed-at=2026-11-25T09:00:30Z risk=low',
      );
    });

    it('refuses values the grammar cannot hold', () => {
      assert.throws(() => beginMarker(ts, { ...fields, id: 'xyz' }), RangeError);
      assert.throws(() => beginMarker(ts, { ...fields, at: '2026-11-24 10:31' }), RangeError);
      assert.throws(() => beginMarker(ts, { ...fields, useCase: 'two\nlines' }), RangeError);
      assert.throws(() => beginMarker(ts, { ...fields, useCase: 'a */ b' }), RangeError);
      assert.throws(() => beginMarker(ts, { ...fields, tool: '' }), RangeError);
      assert.throws(() => beginMarker(ts, { ...fields, extra: { use: 'x' } }), RangeError);
      assert.throws(() => beginMarker(ts, { ...fields, extra: { 'Bad Key': 'x' } }), RangeError);
    });

    it('has no markers for JSON, which has no comments', () => {
      const json = syntaxFor(undefined, 'package.json');
      assert.equal(canHoldMarkers(json), false);
      assert.equal(canHoldMarkers(ts), true);
      assert.throws(() => endMarker(json, '7f3a'), RangeError);
      assert.deepEqual(wrapInMarkers('{}\n', whole(0), fields, json), []);
    });

    it('makes 6-digit random hex ids and minute-precision times', () => {
      const ids = new Set(Array.from({ length: 50 }, newMarkerId));
      assert.ok([...ids].every((id) => /^[0-9a-f]{6}$/.test(id)));
      assert.ok(ids.size > 45);
      assert.equal(formatMarkerTime(new Date(Date.UTC(2026, 10, 24, 10, 31, 59))), '2026-11-24T10:31Z');
    });
  });

  describe('wrapInMarkers', () => {
    it('wraps whole lines with the first line’s indentation', () => {
      const text = 'function f() {\n    const a = 1;\n  return a;\n}\n';
      const range = { start: { line: 1, character: 10 }, end: { line: 2, character: 3 } };
      const wrapped = applyEdits(text, wrapInMarkers(text, range, fields, ts));
      assert.equal(
        wrapped,
        'function f() {\n    // @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\n    const a = 1;\n  return a;\n    // @ai-generated end id=7f3a\n}\n',
      );
      const r = onlyRegion(wrapped);
      assert.equal(textOf(wrapped, r.contentRange), '    const a = 1;\n  return a;\n');
    });

    it('leaves out the line where the range merely ends at column 0', () => {
      const text = 'a\nb\nc\n';
      const wrapped = applyEdits(text, wrapInMarkers(text, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, fields, ts));
      assert.equal(textOf(wrapped, onlyRegion(wrapped).contentRange), 'b\n');
    });

    it('uses CRLF in CRLF documents and wraps a last line without a line break', () => {
      const text = 'a\r\nb';
      const wrapped = applyEdits(text, wrapInMarkers(text, whole(1), fields, ts));
      assert.equal(wrapped, 'a\r\n// @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\r\nb\r\n// @ai-generated end id=7f3a');
      assert.equal(applyEdits(wrapped, removeMarkers(wrapped, onlyRegion(wrapped))), text);
    });

    it('wraps an empty document', () => {
      const wrapped = applyEdits('', wrapInMarkers('', whole(0), fields, syntaxFor(undefined, 'a.py')));
      assert.equal(wrapped, '# @ai-generated begin id=7f3a tool=copilot use=tests at=2026-11-24T10:31Z\n\n# @ai-generated end id=7f3a');
      assert.equal(textOf(wrapped, onlyRegion(wrapped, 'a.py').contentRange), '\n');
    });

    it('refuses to put a marker inside a multi-line string or block comment', () => {
      const tpl = 'const t = `\nline\n`;\n';
      assert.deepEqual(wrapInMarkers(tpl, whole(1), fields, ts), []);
      const py = 'x = """\ndoc\n"""\n';
      assert.deepEqual(wrapInMarkers(py, whole(1), fields, syntaxFor(undefined, 'a.py')), []);
      const css = '/* a\nb */\n';
      assert.deepEqual(wrapInMarkers(css, whole(1), fields, syntaxFor(undefined, 's.css')), []);
      assert.equal(wrapInMarkers(tpl, { start: { line: 0, character: 0 }, end: { line: 2, character: 2 } }, fields, ts).length, 2);
    });
  });

  describe('editing markers', () => {
    const text = '  # @ai-generated begin id=7f3a tool=copilot use=tests\n  x = 1\n  # @ai-generated end id=7f3a\n';

    it('adds review fields after the last field', () => {
      let r = onlyRegion(text, 'a.py');
      let next = applyEdits(text, [setMarkerField(text, r, 'reviewed-by', 'Jane Doe')]);
      r = onlyRegion(next, 'a.py');
      next = applyEdits(next, [setMarkerField(next, r, 'reviewed-at', '2026-11-25T09:00Z')]);
      assert.equal(next.split('\n')[0], '  # @ai-generated begin id=7f3a tool=copilot use=tests reviewed-by="Jane Doe" reviewed-at=2026-11-25T09:00Z');
      r = onlyRegion(next, 'a.py');
      assert.deepEqual([r.reviewedBy, r.reviewedAt], ['Jane Doe', '2026-11-25T09:00Z']);
    });

    it('replaces an existing value in place', () => {
      const r = onlyRegion(text, 'a.py');
      const next = applyEdits(text, [setMarkerField(text, r, 'use', 'data migration')]);
      assert.equal(next, text.replace('use=tests', 'use="data migration"'));
      assert.equal(onlyRegion(next, 'a.py').useCase, 'data migration');
    });

    it('adds fields before a block comment closer', () => {
      const html = '<!-- @ai-generated begin id=7f3a tool=copilot -->\n<p>x</p>\n<!-- @ai-generated end id=7f3a -->\n';
      const r = onlyRegion(html, 'i.html');
      const next = applyEdits(html, [setMarkerField(html, r, 'reviewed-by', 'jane')]);
      assert.equal(next.split('\n')[0], '<!-- @ai-generated begin id=7f3a tool=copilot reviewed-by=jane -->');
    });

    it('refuses to change the id or write invalid values', () => {
      const r = onlyRegion(text, 'a.py');
      assert.throws(() => setMarkerField(text, r, 'id', 'abcd'), RangeError);
      assert.throws(() => setMarkerField(text, r, 'reviewed-at', 'yesterday'), RangeError);
      assert.throws(() => setMarkerField('changed\n', r, 'use', 'x'), RangeError);
    });

    it('removes one field', () => {
      const r = onlyRegion(text, 'a.py');
      const edit = removeMarkerField(text, r, 'use');
      assert.ok(edit);
      assert.equal(applyEdits(text, [edit]), text.replace(' use=tests', ''));
      assert.equal(removeMarkerField(text, r, 'reviewed-by'), undefined);
    });

    it('removes both markers and keeps the code', () => {
      const r = onlyRegion(text, 'a.py');
      assert.equal(applyEdits(text, removeMarkers(text, r)), '  x = 1\n');
    });

    it('removes the markers of an empty block at the end of a file', () => {
      const empty = 'x\n# @ai-generated begin id=7f3a tool=copilot\n# @ai-generated end id=7f3a';
      assert.equal(applyEdits(empty, removeMarkers(empty, onlyRegion(empty, 'a.py'))), 'x');
    });
  });
});
