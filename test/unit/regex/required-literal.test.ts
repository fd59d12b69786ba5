import * as assert from 'node:assert/strict';
import { requiredLiteral } from '../../../server/src/engine/regex/required-literal';

describe('regex: the literal every match contains', () => {
  const cases: [source: string, flags: string, literal: string | undefined][] = [
    ['\\beval\\s*\\(', '', 'eval'],
    ['\\bnew\\s+Function\\s*\\(', '', 'Function'],
    ['\\b(describe|it|test)\\.only\\s*\\(', '', '.only'],
    ['^[ \\t]*debugger[ \\t]*;?[ \\t]*(\\r?\\n|$)', 'm', 'debugger'],
    ['rejectUnauthorized\\s*:\\s*false|verify\\s*=\\s*False', '', undefined],
    ['AKIA[0-9A-Z]{16}', '', 'AKIA'],
    ['Password\\s*=', 'i', 'password'],
    ['colou?r', '', 'colo'],
    ['ab{0,2}cde', '', 'cde'],
    ['x+yzw', '', 'yzw'],
    ['x+yz', '', undefined],
    ['a{2}bcd', '', 'bcd'],
    ['a(?:bc|de)fgh', '', 'fgh'],
    ['[abc]def', '', 'def'],
    ['\\.\\.\\.', '', '...'],
    ['ab', '', undefined],
    ['\\x41bcd\\u0041efg', '', 'bcd'],
    ['\\p{L}xyz', 'u', 'xyz'],
    ['\\d+\\s+', '', undefined],
  ];
  for (const [source, flags, literal] of cases) {
    it(`/${source}/${flags} → ${literal ?? '(none)'}`, () => {
      assert.equal(requiredLiteral(source, flags), literal);
    });
  }

  it('every match really contains it (checked on samples)', () => {
    const samples = ['eval (x)', 'new  Function(', 'it.only(', 'colr', 'color', 'colour', 'acde', 'abbcde', 'xxyzw', 'aabcd', 'abcfgh', 'adefgh', 'cdef', '...'];
    for (const [source, flags] of cases) {
      const lit = requiredLiteral(source, flags);
      if (!lit) {
        continue;
      }
      const re = new RegExp(source, flags + 'g');
      for (const s of samples) {
        for (const m of s.matchAll(re)) {
          assert.ok((flags.includes('i') ? m[0].toLowerCase() : m[0]).includes(lit), `/${source}/ matched ${m[0]} without ${lit}`);
        }
      }
    }
  });
});
