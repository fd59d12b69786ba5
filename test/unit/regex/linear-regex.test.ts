import * as assert from 'node:assert/strict';
import { foldCase } from '../../../server/src/engine/regex/case-fold';
import { compileRuleRegex } from '../../../server/src/engine/regex/linear-regex';

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
  it('a case-insensitive pattern gets the linear-engine guard', () => {
    const r = compileRuleRegex('(\\w|\\d)*$', 'i');
    assert.ok('regex' in r && r.guard === 'linear-fallback');
  });

  it('the exponential (\\w|\\d)*$ with the i flag finishes on a hostile line', () => {
    const r = compileRuleRegex('(\\w|\\d)*$', 'i');
    assert.ok('regex' in r);
    const line = '1'.repeat(40) + '!';
    r.regex.lastIndex = 0;
    assert.equal(r.regex.exec(line)?.index, line.length); // only the empty match at the end
  });

  it('nested quantifiers that the linear engine cannot take are refused with a reason', () => {
    const r = compileRuleRegex('(a+)+[A-Za-z0-9]{40}');
    assert.ok('error' in r);
    assert.match(r.error, /exponential/);
  });

  it('backreferences and lookbehind are refused', () => {
    assert.ok('error' in compileRuleRegex('(a)\\1'));
    assert.ok('error' in compileRuleRegex('(?<=a)b'));
  });
});

describe('regex safety: repeated alternations without the linear guard', () => {
  it('refuses /(a|a)*(?=c)/ (exponential, star height 1, lookahead keeps it off the linear engine)', () => {
    const r = compileRuleRegex('(a|a)*(?=c)');
    assert.ok('error' in r);
    assert.match(r.error, /alternation inside a repeated group/);
  });

  it('accepts an alternation that is not repeated, and one the linear engine guards', () => {
    assert.ok('regex' in compileRuleRegex('(?:ghp|gho)_[A-Za-z0-9]{36}(?![A-Za-z0-9])'));
    assert.ok('regex' in compileRuleRegex('(?:ab|cd)+x'));
  });

  it('treats {n,} and {n,m} with m > 1 as repeats, {1} and ? as not', () => {
    assert.ok('error' in compileRuleRegex('(a|ab){2,}(?=c)'));
    assert.ok('error' in compileRuleRegex('(a|ab){1,20}(?=c)'));
    assert.ok('regex' in compileRuleRegex('(a|ab){1}(?=c)'));
    assert.ok('regex' in compileRuleRegex('(a|ab)?(?=c)'));
    assert.ok('regex' in compileRuleRegex('(a|b)+(?=c)'), 'disjoint first characters choose deterministically');
  });
});
