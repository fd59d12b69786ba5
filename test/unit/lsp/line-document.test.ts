import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineDocument, splitLines } from '../../../server/src/lsp/line-document';

// The line document must give exactly the library's text after any sequence of changes, including
// CR/LF pairs split and joined, clamped columns, reversed ranges, and ranges past the end.
const piece = fc.constantFrom('', 'a', 'xyz', '\n', '\r', '\r\n', 'a\nb', 'a\r', '\nq', 'é😀', 'line\r\nline\n');
const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
const pos = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 8 }) });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: pos, end: pos }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

describe('LineDocument', () => {
  it('splits lines keeping each break, the last line without one', () => {
    assert.deepEqual(splitLines('a\r\nb\rc\n'), ['a\r\n', 'b\r', 'c\n', '']);
    assert.deepEqual(splitLines(''), ['']);
  });

  it('gives the library\'s text, line count and offsets after any changes', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 25 }), (initial, batches) => {
        let expected = TextDocument.create('file:///a.ts', 'typescript', 1, initial);
        const actual = LineDocument.create('file:///a.ts', 'typescript', 1, initial);
        batches.forEach((changes, i) => {
          expected = TextDocument.update(expected, changes, i + 2);
          LineDocument.update(actual, changes, i + 2);
          assert.equal(actual.getText(), expected.getText());
          assert.equal(actual.version, expected.version);
        });
        assert.equal(actual.lineCount, expected.lineCount);
        for (let line = 0; line < expected.lineCount; line++) {
          assert.equal(actual.offsetAt({ line, character: 3 }), expected.offsetAt({ line, character: 3 }));
        }
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });
});
