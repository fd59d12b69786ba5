import * as assert from 'node:assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'jsonc-parser';
import type { Finding, Policy } from '../../../server/src/engine';
import { assertNoLeak, policyFor, RULES_DIR, scan } from './helpers';
import { secretCases, secretNegatives, type SecretCase } from './secret-cases';

interface PatternJson {
  id: string;
  secret?: boolean;
  severity?: string;
}

const patterns = (parse(fs.readFileSync(path.join(RULES_DIR, 'secrets.jsonc'), 'utf8')) as { patterns: PatternJson[] }).patterns;

describe('conductor:secrets', () => {
  let policy: Policy;
  before(() => {
    policy = policyFor('secrets');
  });

  it('loads with zero problems and covers at least 40 credential types', () => {
    assert.ok(patterns.length >= 40, `${patterns.length} patterns`);
    assert.strictEqual(policy.resolved.patterns.size, patterns.length);
  });

  it('marks every pattern `secret: true` and names it secrets/<type>', () => {
    for (const p of patterns) {
      assert.ok(p.secret, p.id);
      assert.match(p.id, /^secrets\/[a-z0-9-]+$/);
    }
  });

  it('has a positive case for every rule', () => {
    const covered = new Set(secretCases().map((c) => c.id));
    assert.deepStrictEqual(patterns.map((p) => p.id).filter((id) => !covered.has(id)), []);
  });

  describe('finds each planted credential, masked', () => {
    for (const c of secretCases()) {
      it(`${c.id} in ${c.path}`, () => {
        const findings = scan(policy, c.path, c.text);
        const mine = findings.filter((f) => f.ruleId === c.id);
        assert.strictEqual(mine.length, 1, `expected one ${c.id} finding, got ${JSON.stringify(findings.map((f) => f.ruleId))}`);
        assertMasked(mine[0], c);
        assertNoLeak(findings, c.secret, c.id);
        for (const fragment of c.fragments ?? []) {
          assertNoLeak(findings, fragment, c.id);
        }
      });
    }
  });

  describe('ignores near-misses', () => {
    for (const n of secretNegatives()) {
      it(`${n.id}: ${n.why}`, () => {
        const findings = scan(policy, n.path, n.text).filter((f) => f.ruleId === n.id);
        assert.deepStrictEqual(findings, []);
      });
    }
  });

  it('never leaks any planted secret when all of them share one file', () => {
    const cases = secretCases(99);
    const byPath = new Map<string, SecretCase[]>();
    for (const c of cases) {
      // Path-restricted rules keep their own file; everything else goes into one TypeScript file.
      const key = c.id === 'secrets/generic-config-assignment' || c.id === 'secrets/datadog-api-key' ? c.path : 'src/everything.ts';
      byPath.set(key, [...(byPath.get(key) ?? []), c]);
    }
    const found = new Set<string>();
    let all: Finding[] = [];
    for (const [file, group] of byPath) {
      const findings = scan(policy, file, group.map((c) => c.text).join('\n'));
      all = all.concat(findings);
      findings.forEach((f) => found.add(f.ruleId));
    }
    for (const c of cases) {
      assertNoLeak(all, c.secret, c.id);
      for (const fragment of c.fragments ?? []) {
        assertNoLeak(all, fragment, c.id);
      }
    }
    assert.deepStrictEqual(patterns.map((p) => p.id).filter((id) => !found.has(id)), []);
  });

  it('reports one finding per secret when a specific and a generic rule both match', () => {
    const key = secretCases().find((c) => c.id === 'secrets/aws-secret-access-key')!.secret;
    const findings = scan(policy, 'src/aws.ts', `const cfg = { secretAccessKey: "${key}" };\n`);
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['secrets/aws-secret-access-key']);
  });

  it('reports test-mode Stripe keys at a lower severity than live keys', () => {
    const sev = (id: string) => policy.rulesFor('x.ts').get(id)?.severity;
    assert.strictEqual(sev('secrets/stripe-secret-key'), 'error');
    assert.strictEqual(sev('secrets/stripe-test-key'), 'warning');
  });

  it('finds secrets in comments too (commented-out keys still leak)', () => {
    const c = secretCases().find((x) => x.id === 'secrets/github-classic-token')!;
    const findings = scan(policy, 'src/a.ts', `// old token: ${c.secret}\n`);
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['secrets/github-classic-token']);
    assertNoLeak(findings, c.secret);
  });
});

function assertMasked(f: Finding, c: SecretCase): void {
  const masked = f.properties?.secret as { masked: string; length: number } | undefined;
  assert.ok(masked, `${c.id}: properties.secret`);
  assert.ok(f.message.includes(masked.masked), `${c.id}: message shows no masked value: ${f.message}`);
  assert.match(masked.masked, /^[^…]{0,4}…\(\d+ chars\)$/);
  if (!c.fragments) {
    // Single-line values: the whole value is what gets masked.
    assert.strictEqual(masked.masked, `${c.secret.slice(0, masked.masked.indexOf('…'))}…(${c.secret.length} chars)`, c.id);
  }
}
