import * as assert from 'node:assert/strict';
import { fingerprints } from '../../../server/src/engine';
import { check, policyOf } from '../../helpers/engine';

const policy = policyOf({ patterns: [{ id: 'test/bad', regex: 'bad\\(\\)', message: 'no bad()' }, { id: 'test/other', regex: 'bad', message: 'other' }] });

function printsOf(relPath: string, text: string, ruleId = 'test/bad'): string[] {
  const findings = check(policy, relPath, text).filter((f) => f.ruleId === ruleId);
  return fingerprints(relPath, text, findings);
}

describe('engine: fingerprints', () => {
  const original = 'function f() {\n  return bad();\n}\n';

  it('are 32 hex characters and deterministic', () => {
    const [a] = printsOf('src/a.ts', original);
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.deepEqual(printsOf('src/a.ts', original), [a]);
  });

  it('stay the same when unrelated lines are inserted above (line numbers are not part of them)', () => {
    const shifted = '// header\nimport x from "y";\n\n' + original;
    assert.equal(check(policy, 'src/a.ts', shifted)[0].range.start.line, 4);
    assert.deepEqual(printsOf('src/a.ts', shifted), printsOf('src/a.ts', original));
  });

  it('ignore changes of indentation and inner whitespace on the finding line', () => {
    assert.deepEqual(printsOf('src/a.ts', 'function f() {\n\treturn   bad();\n}\n'), printsOf('src/a.ts', original));
  });

  it('change when the finding line changes, with the file path, and with the rule', () => {
    const [base] = printsOf('src/a.ts', original);
    assert.notEqual(printsOf('src/a.ts', 'function f() {\n  return bad() + 1;\n}\n')[0], base);
    assert.notEqual(printsOf('src/b.ts', original)[0], base);
    assert.notEqual(printsOf('src/a.ts', original, 'test/other')[0], base);
  });

  it('differ for two identical lines (occurrence index), and stay stable in order', () => {
    const text = 'x = bad();\ny = 1;\nx = bad();\n';
    const prints = printsOf('a.ts', text);
    assert.equal(prints.length, 2);
    assert.notEqual(prints[0], prints[1]);
    // Inserting a line above both keeps each occurrence's fingerprint.
    assert.deepEqual(printsOf('a.ts', 'z = 0;\n' + text), prints);
    // Removing the first occurrence makes the second inherit occurrence #0 (documented behaviour of index-based keys).
    assert.deepEqual(printsOf('a.ts', 'y = 1;\nx = bad();\n'), [prints[0]]);
  });
});
