import * as assert from 'node:assert/strict';
import { parseRuleFile } from '../../../server/src/engine/config/parse-rule-file';
import type { ConfigProblem } from '../../../server/src/engine';

const FILE = '/ws/.conductor/rules.jsonc';

/** [line, character] of each problem's start, 0-based. */
function starts(problems: ConfigProblem[]): [number, number][] {
  return problems.map((p) => [p.range.start.line, p.range.start.character]);
}

describe('engine: parseRuleFile', () => {
  describe('JSONC syntax errors are reported where they are', () => {
    const cases: { name: string; text: string; at: [number, number]; message: RegExp }[] = [
      {
        name: 'missing comma between properties',
        text: '{\n  "name": "x"\n  "description": "y"\n}\n',
        at: [2, 2],
        message: /comma expected/,
      },
      {
        name: 'trailing garbage after the object',
        text: '{\n  "name": "x"\n}\nnot json\n',
        at: [3, 0],
        message: /Invalid JSONC/,
      },
      {
        name: 'unterminated object',
        text: '// comment\n{\n  "name": ',
        at: [2, 10],
        message: /value expected/,
      },
      {
        name: 'empty file',
        text: '',
        at: [0, 0],
        message: /The rule file is empty: expected an object/,
      },
      {
        name: 'only whitespace and comments',
        text: '// nothing here\n/* or here */\n  \n',
        at: [0, 0],
        message: /The rule file is empty/,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const parsed = parseRuleFile(FILE, c.text);
        assert.equal(parsed.value, undefined);
        assert.ok(parsed.problems.length >= 1, 'expected a problem');
        assert.deepEqual(starts(parsed.problems)[0], c.at);
        assert.match(parsed.problems[0].message, c.message);
        assert.ok(parsed.problems.every((p) => p.file === FILE && p.severity === 'error'));
      });
    }

    it('accepts comments and trailing commas (JSONC)', () => {
      const parsed = parseRuleFile(FILE, '// team rules\n{\n  /* block */ "name": "team",\n  "extends": ["conductor:recommended",],\n}\n');
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.value?.name, 'team');
      assert.deepEqual(parsed.value?.extends, ['conductor:recommended']);
    });
  });

  describe('schema errors point at the offending key or value', () => {
    it('unknown top-level key: the range is exactly the key, with the allowed keys', () => {
      const text = '{\n  "name": "x",\n  "rulez": {}\n}\n';
      const [p, ...rest] = parseRuleFile(FILE, text).problems;
      assert.equal(rest.length, 0);
      assert.deepEqual(p.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } }); // "rulez" with quotes
      assert.match(p.message, /Unknown key "rulez"/);
      assert.match(p.message, /Allowed keys: .*extends.*patterns/);
    });

    it('unknown key inside a pattern is reported at that key with its path', () => {
      const text = [
        '{',
        '  "patterns": [',
        '    {',
        '      "id": "team/x",',
        '      "regex": "x",',
        '      "message": "m",',
        '      "severty": "error"',
        '    }',
        '  ]',
        '}',
      ].join('\n');
      const problems = parseRuleFile(FILE, text).problems;
      assert.equal(problems.length, 1);
      assert.deepEqual(starts(problems), [[6, 6]]);
      assert.match(problems[0].message, /Unknown key "severty" at patterns\[0\]/);
    });

    const wrongTypes: { name: string; text: string; at: [number, number]; message: RegExp }[] = [
      { name: 'extends is a string, not an array', text: '{\n  "extends": "conductor:recommended"\n}', at: [1, 13], message: /extends/ },
      { name: 'a severity that does not exist', text: '{\n  "rules": {\n    "security/no-eval": "fatal"\n  }\n}', at: [2, 24], message: /rules\.security\/no-eval/ },
      { name: 'a number as severity', text: '{\n  "rules": { "security/no-eval": 2 }\n}', at: [1, 33], message: /rules\.security\/no-eval/ },
      {
        name: 'a pattern without a message',
        text: '{\n  "patterns": [\n    { "id": "team/x", "regex": "x" }\n  ]\n}',
        at: [2, 4],
        message: /patterns\[0\]\.message|message/,
      },
      {
        name: 'a pattern id that is not lower-case/slash-separated',
        text: '{\n  "patterns": [\n    { "id": "NoSlash", "regex": "x", "message": "m" }\n  ]\n}',
        at: [2, 12],
        message: /rule ids look like/,
      },
      {
        name: 'regex flag g is not allowed',
        text: '{\n  "patterns": [\n    { "id": "team/x", "regex": "x", "flags": "g", "message": "m" }\n  ]\n}',
        at: [2, 45],
        message: /allowed regex flags/,
      },
      { name: 'in: with an unknown place', text: '{"patterns":[{"id":"team/x","regex":"x","message":"m","in":"docs"}]}', at: [0, 59], message: /patterns\[0\]\.in/ },
      { name: 'an override without files', text: '{\n  "overrides": [\n    { "rules": {} }\n  ]\n}', at: [2, 4], message: /files/ },
      { name: 'the file is an array', text: '[\n]', at: [0, 0], message: /expected object/ },
    ];
    for (const c of wrongTypes) {
      it(`wrong type: ${c.name}`, () => {
        const parsed = parseRuleFile(FILE, c.text);
        assert.equal(parsed.value, undefined);
        assert.ok(parsed.problems.length >= 1);
        assert.deepEqual(starts(parsed.problems)[0], c.at, parsed.problems.map((p) => p.message).join('; '));
        assert.match(parsed.problems[0].message, c.message);
      });
    }
  });

  it('fills defaults of a valid pattern', () => {
    const parsed = parseRuleFile(FILE, '{"patterns":[{"id":"team/x","regex":"x","message":"m"}]}');
    assert.deepEqual(parsed.problems, []);
    const p = parsed.value?.patterns?.[0];
    assert.equal(p?.severity, 'warning');
    assert.equal(p?.in, 'any');
    assert.equal(p?.fixSafe, true);
  });
});
