import * as assert from 'node:assert/strict';
import { foldCase } from '../../../server/src/engine/regex/case-fold';
import { compileRuleRegex, linearTwin } from '../../../server/src/engine/regex/linear-regex';
import { splitCountedRepeats } from '../../../server/src/engine/regex/split-counted-repeats';

describe('regex safety: case folding for the linear engine', () => {
  const cases: [source: string, folded: string | undefined][] = [
    ['abc', '[aA][bB][cC]'],
    ['a1_', '[aA]1_'],
    ['\\bpassword\\s*=', '\\b[pP][aA][sS][sS][wW][oO][rR][dD]\\s*='],
    ['[a-z0-9]+', '[a-zA-Z0-9]+'],
    ['[^a-f]', '[^a-fA-F]'],
    ['[xY]', '[xXYy]'],
    ['\\x41b', '\\x41[bB]'],
    ['\\u00e9', '\\u00e9'],
    ['a{2,5}', '[aA]{2,5}'],
    ['(?<key>k)', '(?<key>[kK])'],
    ['(?:ab)', '(?:[aA][bB])'],
    ['[0-z]', undefined],
    ['\\p{L}', undefined],
    ['é', undefined],
    ['\\.{3}|…', '\\.{3}|…'],
    ['[…]', undefined],
  ];
  for (const [source, folded] of cases) {
    it(`${source} → ${folded ?? '(cannot fold)'}`, () => {
      assert.equal(foldCase(source), folded);
    });
  }

  it('matches the same strings as the i flag', () => {
    const samples = ['Password = 1', 'PASSWORD=', 'pAsSwOrD  =', 'passwd =', 'a-F', 'Z9'];
    for (const [source, flags] of [['\\bpassword\\s*=', 'i'], ['[a-f]-[A-F]', 'i'], ['[a-z]\\d', 'i']] as const) {
      const folded = new RegExp(foldCase(source) as string);
      const reference = new RegExp(source, flags);
      for (const s of samples) {
        assert.equal(folded.test(s), reference.test(s), `${source} on ${s}`);
      }
    }
  });
});

describe('regex safety: what rule files may use', () => {
  it('a case-insensitive pattern gets V8\'s per-exec fallback and a linear twin', () => {
    const r = compileRuleRegex('(\\w|\\d)*$', 'i');
    assert.ok('regex' in r);
    assert.equal(r.regex.flags, 'g', 'folded, so V8 can re-run a runaway exec on the linear engine');
    assert.equal(linearTwin(r.regex).flags, 'gl');
  });

  it('the exponential (\\w|\\d)*$ with the i flag finishes on a hostile line', () => {
    const r = compileRuleRegex('(\\w|\\d)*$', 'i');
    assert.ok('regex' in r);
    const line = '1'.repeat(40) + '!';
    r.regex.lastIndex = 0;
    assert.equal(r.regex.exec(line)?.index, line.length); // only the empty match at the end
  });

  it('nested quantifiers that V8 cannot fall back from (a count above 16) are refused with a reason', () => {
    const r = compileRuleRegex('(a+)+[A-Za-z0-9]{40}');
    assert.ok('error' in r);
    assert.match(r.error, /exponential/);
  });

  it('a count above 16 keeps its form for the backtracking engine and is spelled out in the twin', () => {
    const r = compileRuleRegex('\\bghp_[A-Za-z0-9]{36}');
    assert.ok('regex' in r);
    assert.equal(r.regex.source, '\\bghp_[A-Za-z0-9]{36}');
    assert.equal(linearTwin(r.regex).source, '\\bghp_[A-Za-z0-9]{16}[A-Za-z0-9]{16}[A-Za-z0-9]{4}');
  });

  it('backreferences, lookbehind and lookahead are refused', () => {
    assert.ok('error' in compileRuleRegex('(a)\\1'));
    assert.ok('error' in compileRuleRegex('(?<=a)b'));
    assert.ok('error' in compileRuleRegex('(a|a)*(?=c)'));
    assert.ok('error' in compileRuleRegex('(?:ghp|gho)_[A-Za-z0-9]{36}(?![A-Za-z0-9])'));
  });

  it('repeated alternations that V8 can fall back from are accepted', () => {
    assert.ok('regex' in compileRuleRegex('(?:ab|cd)+x'));
    assert.ok('regex' in compileRuleRegex('(a|ab){2,}c'));
    assert.ok('regex' in compileRuleRegex('(a|ab){1,16}c'));
  });
});

describe('regex safety: splitting counted repeats for the linear engine', () => {
  const cases: [source: string, split: string][] = [
    ['a{16}', 'a{16}'],
    ['a{36}', 'a{16}a{16}a{4}'],
    ['[a-f]{40,}', '[a-f]{16}[a-f]{16}[a-f]{8,}'],
    ['[^;]{0,17}?', '(?:[^;]'.repeat(17) + ')??'.repeat(17)],
    ['\\w{20,22}', '\\w{16}\\w{4}(?:\\w(?:\\w)?)?'],
    ['\\x41{17}', '\\x41{16}\\x41{1}'],
    ['[]a]{17}', '[]a]{16}]{1}'],
    ['(?:ab){20}', '(?:ab){20}'],
    ['a{2000}', 'a{2000}'],
    ['x{', 'x{'],
  ];
  for (const [source, split] of cases) {
    it(`${source} → ${split}`, () => {
      assert.equal(splitCountedRepeats(source), split);
    });
  }

  it('finds the same matches on the linear engine as the original on the backtracking one', () => {
    const texts = ['key=' + 'ab'.repeat(30) + ';', 'x'.repeat(50), 'key=' + 'c'.repeat(17) + 'zz', 'a'.repeat(40) + 'b'];
    for (const source of ['[a-z]{0,40}?z', '[a-c]{17,30}', 'x{20,}', 'a{0,35}b', '=[a-z]{3,33}?;']) {
      for (const text of texts) {
        const original = new RegExp(source, 'g');
        const split = new RegExp(splitCountedRepeats(source), 'gl');
        assert.deepEqual([...text.matchAll(split)].map((m) => [m.index, m[0]]), [...text.matchAll(original)].map((m) => [m.index, m[0]]), `${source} on ${text}`);
      }
    }
  });
});
