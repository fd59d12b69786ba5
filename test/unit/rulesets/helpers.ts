import * as assert from 'node:assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkDocument, loadWorkspaceConfig, type ConfigProblem, type Finding, type Policy } from '../../../server/src/engine';
import { builtinPlaceholders, isLowVariety } from '../../../server/src/engine/check/secret-placeholders';

/** Repository root (tests run from out/test/unit/rulesets). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const RULES_DIR = path.join(REPO_ROOT, 'rules');

/** Loads a rule file (object or JSONC text) as a temp workspace's .conductor/rules.jsonc, through the real loader. */
export function loadRules(ruleFile: object | string): { policy?: Policy; problems: ConfigProblem[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-rulesets-'));
  fs.mkdirSync(path.join(root, '.conductor'));
  fs.writeFileSync(path.join(root, '.conductor/rules.jsonc'), typeof ruleFile === 'string' ? ruleFile : JSON.stringify(ruleFile, null, 2));
  const host = { readFile: (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined), builtinDir: RULES_DIR };
  const loaded = loadWorkspaceConfig(root, host);
  fs.rmSync(root, { recursive: true, force: true });
  return { policy: loaded.policy, problems: loaded.problems };
}

/** A policy that extends the given built-in rulesets; fails the test on any config problem. */
export function policyFor(...rulesets: string[]): Policy {
  const { policy, problems } = loadRules({ extends: rulesets.map((r) => `conductor:${r}`) });
  assert.deepStrictEqual(problems.map((p) => `${p.file}:${p.range.start.line + 1} ${p.message}`), []);
  assert.ok(policy);
  return policy;
}

export function scan(policy: Policy, relPath: string, text: string): Finding[] {
  return checkDocument({ relPath, text }, policy, { docsUrl: () => undefined });
}

export function ruleIds(findings: Finding[]): string[] {
  return findings.map((f) => f.ruleId);
}

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const HEX = '0123456789abcdef';
export const BASE64 = ALNUM + '+/';
export const URLSAFE = ALNUM + '-_';

/**
 * Deterministic fake secrets, built at run time so no token literal sits in the repository (push
 * protection, secret scanners). Values that the built-in placeholder list would ignore are redrawn.
 */
export class FakeSecrets {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  chars(alphabet: string, length: number): string {
    for (;;) {
      let out = '';
      for (let i = 0; i < length; i++) {
        out += alphabet[Math.floor(this.next() * alphabet.length)];
      }
      // Short pieces (a check digit, a 3-letter prefix) are parts of a larger value: only whole values are screened.
      if (length < 8 || (!isLowVariety(out) && !builtinPlaceholders().some((re) => ((re.lastIndex = 0), re.test(out))))) {
        return out;
      }
    }
  }

  /** mulberry32 */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** Asserts that nothing a finding carries (message, fixes, properties) contains the secret or its tail. */
export function assertNoLeak(findings: Finding[], secret: string, label = secret.slice(0, 6)): void {
  const json = JSON.stringify(findings);
  assert.ok(!json.includes(secret), `${label}: raw secret appears in findings: ${json}`);
  const tail = secret.slice(-10);
  if (tail.length === 10) {
    assert.ok(!json.includes(tail), `${label}: the end of the secret appears in findings: ${json}`);
  }
}
