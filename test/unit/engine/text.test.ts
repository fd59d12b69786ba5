import * as assert from 'node:assert/strict';
import { LineIndex, languageIdForPath, syntaxFor } from '../../../server/src/engine';
import { kindAt, lex } from '../../../server/src/engine/text/lexer';

describe('engine: text utilities', () => {
  describe('LineIndex', () => {
    const index = new LineIndex('ab\r\ncd\n\nef');
    it('maps offsets to positions and back', () => {
      assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
      assert.deepEqual(index.positionAt(9), { line: 3, character: 1 });
      assert.deepEqual(index.positionAt(999), { line: 3, character: 2 });
      assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
      assert.equal(index.offsetAt({ line: 0, character: 99 }), 2, 'clamped before \\r\\n');
    });
    it('knows lines without their line ends', () => {
      assert.equal(index.lineCount, 4);
      assert.deepEqual([0, 1, 2, 3].map((l) => index.lineText(l)), ['ab', 'cd', '', 'ef']);
    });
    it('detects the end-of-line style from the first line', () => {
      assert.equal(index.eol, '\r\n');
      assert.equal(new LineIndex('a\nb').eol, '\n');
      assert.equal(new LineIndex('single').eol, '\n');
    });
  });

  describe('languages', () => {
    const table: [string, string][] = [
      ['src/a.ts', 'typescript'],
      ['a.PY', 'python'],
      ['db/schema.sql', 'sql'],
      ['Dockerfile', 'dockerfile'],
      ['.env.local', 'properties'],
      ['x/y/README', 'plaintext'],
      ['win\\path\\a.rb', 'ruby'],
    ];
    for (const [p, id] of table) {
      it(`${p} → ${id}`, () => assert.equal(languageIdForPath(p), id));
    }
    it('typescriptreact maps to typescript syntax; unknown ids fall back to the path', () => {
      assert.equal(syntaxFor('typescriptreact', 'a.txt').id, 'typescript');
      assert.equal(syntaxFor('no-such-language', 'a.py').id, 'python');
    });
  });

  describe('lexer', () => {
    it('shell ${#arr[@]} is code, not a comment', () => {
      const text = 'n=${#arr[@]}; MARK # count';
      const spans = lex(text, syntaxFor(undefined, 'a.sh'));
      assert.equal(kindAt(spans, text.indexOf('#arr')), 'code');
      assert.equal(kindAt(spans, text.indexOf('MARK')), 'code');
      assert.equal(kindAt(spans, text.indexOf('# count')), 'comment');
    });
    it('shell $# and Ruby #{…} are code, not comments', () => {
      const text = 'n=$# # count';
      const spans = lex(text, syntaxFor(undefined, 'a.sh'));
      assert.equal(kindAt(spans, text.indexOf('#')), 'code');
      const rb = 'puts "#{x}" + #{y} # note';
      const rbSpans = lex(rb, syntaxFor(undefined, 'a.rb'));
      assert.equal(kindAt(rbSpans, rb.indexOf('#{y}')), 'code');
      assert.equal(kindAt(rbSpans, rb.indexOf('# note')), 'comment');
      assert.equal(kindAt(spans, text.indexOf('# count')), 'comment');
    });
    it('an unterminated string ends at the line break', () => {
      const text = 'x = "open\ncode';
      const spans = lex(text, syntaxFor(undefined, 'a.js'));
      assert.equal(kindAt(spans, text.indexOf('open')), 'string');
      assert.equal(kindAt(spans, text.indexOf('code')), 'code');
    });
    it('an unterminated block comment runs to the end', () => {
      const text = 'a /* b\nc';
      assert.equal(kindAt(lex(text, syntaxFor(undefined, 'a.c')), text.length - 1), 'comment');
    });
  });
});
