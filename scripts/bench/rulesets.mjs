// Which built-in rulesets the editor benchmark extends: conductor:recommended always, plus
// conductor:secrets and conductor:security when their files exist and load without errors.
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { diskHost } from './engine.mjs';

export const CANDIDATES = ['recommended', 'secrets', 'security'];

export function ruleFileText(names) {
  return JSON.stringify({ name: 'bench', extends: names.map((n) => `conductor:${n}`) }, null, 2) + '\n';
}

/**
 * Copies the active built-in rulesets into dir, so the long CLI runs use the rules as they were when
 * this run started (others may be editing rules/ meanwhile), and returns a rule file text extending them.
 */
export function snapshotRulesets(repo, names, dir) {
  mkdirSync(dir, { recursive: true });
  for (const n of names) {
    copyFileSync(path.join(repo, 'rules', `${n}.jsonc`), path.join(dir, `${n}.jsonc`));
  }
  return JSON.stringify({ name: 'bench-shipped', extends: names.map((n) => `./${path.basename(dir)}/${n}.jsonc`) }, null, 2) + '\n';
}

/** Loads each candidate alone, then the combination; returns what is active and why others are not. */
export function detectRulesets(engine, repo) {
  const host = diskHost(repo);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'conductor-bench-rulesets-'));
  const active = [];
  const inactive = [];
  try {
    mkdirSync(path.join(tmp, '.conductor'));
    const file = path.join(tmp, '.conductor', 'rules.jsonc');
    const load = (names) => {
      writeFileSync(file, ruleFileText(names));
      return engine.loadWorkspaceConfig(tmp, host);
    };
    for (const name of CANDIDATES) {
      if (!existsSync(path.join(repo, 'rules', `${name}.jsonc`))) {
        inactive.push({ name, reason: 'file does not exist' });
        continue;
      }
      const loaded = load([name]);
      const errors = loaded.problems.filter((p) => p.severity === 'error');
      if (!loaded.policy || errors.length > 0) {
        inactive.push({ name, reason: `does not load: ${errors[0]?.message ?? 'no policy'}` });
        continue;
      }
      active.push(name);
    }
    const combined = load(active);
    if (!combined.policy) {
      throw new Error(`The combination ${active.join(' + ')} does not load: ${combined.problems[0]?.message}`);
    }
    const patterns = [...combined.policy.resolved.patterns.values()];
    return { active, inactive, patternCount: patterns.length, ruleCount: combined.policy.rulesFor('').size };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
