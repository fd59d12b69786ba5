import * as assert from 'node:assert';
import { checkDocument, DocumentContext, type Finding } from '../../../server/src/engine';
import { shannonEntropy } from '../../../server/src/engine/check/secret-entropy';
import { checkedValue, maskSecret } from '../../../server/src/engine/check/secret-mask';
import { loadRules, scan } from './helpers';

/** A policy made of the given patterns (message defaults to a constant). */
function withPatterns(...patterns: Record<string, unknown>[]) {
  const { policy, problems } = loadRules({ patterns: patterns.map((p) => ({ message: 'found', ...p })) });
  assert.deepStrictEqual(problems, []);
  return policy!;
}

function exec(regex: RegExp, text: string): RegExpExecArray {
  const m = regex.exec(text);
  assert.ok(m);
  return m;
}

describe('pattern extras for secrets (keywords, allow, minEntropy, secret)', () => {
  describe('keywords', () => {
    it('skips the regex when no keyword occurs, case-insensitively', () => {
      const policy = withPatterns({ id: 't/kw', regex: 'value=\\d+', keywords: ['Needle'] });
      assert.deepStrictEqual(scan(policy, 'a.txt', 'value=42\n'), []);
      assert.strictEqual(scan(policy, 'a.txt', 'NEEDLE value=42\n').length, 1);
    });

    it('does not run the regex at all on files without a keyword', () => {
      const policy = withPatterns({ id: 't/kw', regex: 'x', keywords: ['needle'] }, { id: 't/plain', regex: 'y' });
      let calls = 0;
      const re = policy.resolved.patterns.get('t/kw')!.compiled;
      const original = re.exec.bind(re);
      re.exec = (s: string) => {
        calls++;
        return original(s);
      };
      scan(policy, 'a.txt', 'x y x y\n');
      assert.strictEqual(calls, 0);
      scan(policy, 'a.txt', 'x needle\n');
      assert.ok(calls > 0);
    });

    it('credits keywords that are prefixes or inside other keywords', () => {
      const policy = withPatterns(
        { id: 't/long', regex: 'L', keywords: ['sk-ant-'] },
        { id: 't/prefix', regex: 'P', keywords: ['sk-'] },
        { id: 't/inner', regex: 'I', keywords: ['ant'] },
        { id: 't/absent', regex: 'A', keywords: ['zzz'] },
      );
      const ids = scan(policy, 'a.txt', 'sk-ant- L P I A\n').map((f) => f.ruleId);
      assert.deepStrictEqual(ids.sort(), ['t/inner', 't/long', 't/prefix']);
    });

    it('lower-cases the document once, lazily', () => {
      const policy = withPatterns({ id: 't/x', regex: 'x' });
      const ctx = new DocumentContext({ relPath: 'a.txt', text: 'ABC' }, policy);
      assert.strictEqual(ctx.lowerText, 'abc');
      assert.strictEqual(ctx.lowerText, ctx.lowerText);
    });
  });

  describe('minEntropy', () => {
    it('measures bits per character', () => {
      assert.strictEqual(shannonEntropy(''), 0);
      assert.strictEqual(shannonEntropy('aaaa'), 0);
      assert.strictEqual(shannonEntropy('abcd'), 2);
      assert.ok(shannonEntropy('k8Qz2RmXwP4vN7tY') > 3.5);
    });

    it('drops matches whose checked value is below the threshold', () => {
      const policy = withPatterns({ id: 't/ent', regex: 'key=(\\w+)', minEntropy: 3 });
      assert.deepStrictEqual(scan(policy, 'a.txt', 'key=aaaabbbbaaaa\n'), []);
      assert.strictEqual(scan(policy, 'a.txt', 'key=k8Qz2RmXwP4v\n').length, 1);
    });
  });

  describe('checked value', () => {
    it('is the group named secret, else the first group that matched, else the whole match', () => {
      assert.strictEqual(checkedValue(exec(/(a)(?<secret>b)/, 'ab')), 'b');
      assert.strictEqual(checkedValue(exec(/(x)|(y)/, 'y')), 'y');
      assert.strictEqual(checkedValue(exec(/ab/, 'ab')), 'ab');
    });
  });

  describe('allow', () => {
    it('drops matches whose checked value matches an allow regex (case-insensitive)', () => {
      const policy = withPatterns({ id: 't/allow', regex: 'host=(\\S+)', allow: ['^localhost$', '\\.test$'] });
      const hosts = (text: string) => scan(policy, 'a.txt', text).length;
      assert.strictEqual(hosts('host=LOCALHOST\n'), 0);
      assert.strictEqual(hosts('host=api.test\n'), 0);
      assert.strictEqual(hosts('host=api.acme.io\n'), 1);
    });

    it('applies the built-in placeholder list only to secret patterns', () => {
      const plain = withPatterns({ id: 't/plain', regex: 'k=(\\w+)' });
      const secret = withPatterns({ id: 't/secret', regex: 'k=(\\w+)', secret: true });
      for (const value of ['AKIAIOSFODNN7EXAMPLE', 'xxxxxxxxxxxx', 'changeme', 'your_api_key', 'aaaaaaaaaaaa']) {
        assert.strictEqual(scan(plain, 'a.txt', `k=${value}\n`).length, 1, value);
        assert.strictEqual(scan(secret, 'a.txt', `k=${value}\n`).length, 0, value);
      }
      for (const value of ['${API_KEY}', '<token>', '{{ vault_token }}']) {
        const s = withPatterns({ id: 't/secret2', regex: 'k="([^"]+)"', secret: true });
        assert.strictEqual(scan(s, 'a.txt', `k="${value}"\n`).length, 0, value);
      }
    });

    it('rejects unsafe allow regexes when the rule file loads, at their place', () => {
      const { policy, problems } = loadRules(
        '{\n  "patterns": [\n    { "id": "t/a", "regex": "x", "message": "m", "allow": ["ok", "(?:a{1,30})+$"] }\n  ]\n}\n',
      );
      assert.strictEqual(policy, undefined);
      assert.strictEqual(problems.length, 1);
      assert.match(problems[0].message, /exponential time/);
      assert.match(problems[0].message, /patterns\[0\]\.allow\[1\]/);
      assert.strictEqual(problems[0].range.start.line, 2);
    });

    it('rejects allow regexes that do not compile or use backreferences', () => {
      for (const bad of ['(unclosed', '(a)\\1']) {
        const { problems } = loadRules({ patterns: [{ id: 't/a', regex: 'x', message: 'm', allow: [bad] }] });
        assert.strictEqual(problems.length, 1, bad);
      }
    });
  });

  describe('secret masking', () => {
    // Built at run time so the literal is not itself a finding in this repository.
    const secret = ['Zq8w', 'Lm3R', 't7Yp', '2Kd9'].join('');

    it('masks to a short prefix and the length', () => {
      assert.strictEqual(maskSecret('AKIA' + 'Z7VQ3RTY2PLM4XBN'), 'AKIA…(20 chars)');
      assert.strictEqual(maskSecret('short'), 's…(5 chars)');
      assert.strictEqual(maskSecret('abc'), '…(3 chars)');
    });

    it('masks $masked, $&, $1, $<secret> in messages and keeps other groups', () => {
      const policy = withPatterns({
        id: 't/mask',
        regex: '(?<name>\\w+)=(?<secret>\\w{16})',
        message: 'masked=$masked all=$& one=$1 two=$2 named=$<secret> name=$<name> literal=$$masked',
        secret: true,
      });
      const [f] = scan(policy, 'a.txt', `apiKey=${secret}\n`);
      assert.strictEqual(
        f.message,
        'masked=Zq8…(16 chars) all=Zq8…(16 chars) one=apiKey two=Zq8…(16 chars) named=Zq8…(16 chars) name=apiKey literal=$masked',
      );
      assert.deepStrictEqual(f.properties?.secret, { masked: 'Zq8…(16 chars)', length: 16 });
    });

    it('drops fixes that would show the secret and keeps the others', () => {
      const leaky = withPatterns({ id: 't/leak', regex: 'k=(\\w{16})', fix: 'k=$1 # moved', secret: true });
      const [f1] = scan(leaky, 'a.txt', `k=${secret}\n`);
      assert.deepStrictEqual(f1.fixes, []);
      const clean = withPatterns({ id: 't/clean', regex: 'k=(\\w{16})', fix: 'k=os.environ["K"]', secret: true });
      const [f2] = scan(clean, 'a.txt', `k=${secret}\n`);
      assert.strictEqual(f2.fixes.length, 1);
      assertClean([f1, f2], secret);
    });

    it('leaves non-secret patterns untouched', () => {
      const policy = withPatterns({ id: 't/plain', regex: 'k=(\\w+)', message: 'value $1' });
      const [f] = scan(policy, 'a.txt', `k=${secret}\n`);
      assert.strictEqual(f.message, `value ${secret}`);
      assert.strictEqual(f.properties, undefined);
    });

    it('reports text matched by two secret patterns once, for the first declared', () => {
      const policy = withPatterns(
        { id: 't/specific', regex: 'tok_\\w{16}', secret: true },
        { id: 't/generic', regex: 'token = "(\\w+)"', secret: true },
        { id: 't/other', regex: 'tok_(\\w{16})' },
      );
      const findings = checkDocument({ relPath: 'a.txt', text: `token = "tok_${secret}"\n` }, policy, { docsUrl: () => undefined });
      assert.deepStrictEqual(findings.map((f) => f.ruleId).sort(), ['t/other', 't/specific']);
    });

    it('accepts the new fields in the JSON schema with descriptions', () => {
      const { policy } = loadRules({ patterns: [{ id: 't/a', regex: 'x', message: 'm', secret: true, keywords: ['x'], minEntropy: 2.5, allow: ['^y$'] }] });
      assert.ok(policy);
      const { problems } = loadRules({ patterns: [{ id: 't/a', regex: 'x', message: 'm', minEntropy: -1 }] });
      assert.strictEqual(problems.length, 1);
    });
  });
});

function assertClean(findings: Finding[], secret: string): void {
  assert.ok(!JSON.stringify(findings).includes(secret), JSON.stringify(findings));
}
