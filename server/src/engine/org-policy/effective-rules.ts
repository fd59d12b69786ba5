import * as path from 'path';
import type { ConfigProblem } from '../types';
import type { Policy } from '../config/policy';
import { BUILTIN_PREFIX } from '../config/config-host';
import { explainPolicy } from '../explain';

// "Conductor: Show Effective Rules": what is in force for a folder (or one file), where each setting
// comes from, and what the org ruleset locks — the policy explained (engine/explain), rendered as Markdown
// with the configuration around it (rule files, org ruleset, overrides, boundaries, ignore, problems).

/** What the host knows about the org ruleset (the language server's OrgStatus fits). */
export interface OrgSummary {
  source?: string;
  /** Where the source was configured: machine policy file, setting, environment, flag. */
  configuredBy?: string;
  name?: string;
  sha256?: string;
  verifiedBy?: string[];
  verifiedAt?: string;
  lastRefreshAt?: string;
  error?: string;
}

export interface EffectiveRulesInput {
  policy: Policy;
  /** The workspace folder. */
  root?: string;
  ruleFile?: string;
  /** Workspace-relative posix path of the file to list the rules for; file-wide settings when absent. */
  relPath?: string;
  problems?: readonly ConfigProblem[];
  org?: OrgSummary;
  builtinDir?: string;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

export function effectiveRulesMarkdown(input: EffectiveRulesInput): string {
  const { policy } = input;
  const resolved = policy.resolved;
  const orgFile = policy.org?.info.file;
  const rel = (f: string): string => (input.root && !path.relative(input.root, f).startsWith('..') ? path.relative(input.root, f).split(path.sep).join('/') : f);
  const display = (f: string): string =>
    policy.org && f === orgFile
      ? `org ruleset ${policy.org.name}`
      : input.builtinDir && path.dirname(f) === path.resolve(input.builtinDir) && f.endsWith('.jsonc')
        ? BUILTIN_PREFIX + path.basename(f, '.jsonc')
        : rel(f);
  const origin = (o: string): string => (path.isAbsolute(o) ? display(o) : o);
  const out: string[] = [];
  out.push('# Conductor — effective rules', '');
  if (input.root) {
    out.push(`**Folder:** ${code(input.root)}  `);
  }
  out.push(`**For:** ${input.relPath ? code(input.relPath) : 'every file (file-wide settings; per-file overrides are listed below)'}  `);
  out.push(`**Rule file:** ${input.ruleFile ? code(rel(input.ruleFile)) : 'none (built-in default)'} — ruleset ${code(policy.name)}`, '');

  out.push('## Layers (lowest first; later layers win, except where the org ruleset locks)', '');
  const builtins = resolved.files.filter((f) => display(f).startsWith(BUILTIN_PREFIX));
  const team = resolved.files.filter((f) => f !== orgFile && !builtins.includes(f));
  out.push(`1. **Built-in rulesets:** ${builtins.length ? builtins.map((f) => code(display(f))).join(', ') : 'none'}`);
  out.push(`2. **Org ruleset:** ${policy.org ? `${code(policy.org.name)}${input.org?.verifiedBy?.length ? ` (verified by ${input.org.verifiedBy.join(' + ')})` : ''}` : 'none'}`);
  out.push(`3. **Team:** ${team.length ? team.map((f) => code(display(f))).join(', ') : 'none'}`);
  out.push('4. **User settings:** none (Conductor has no per-user rule layer)', '');

  if (input.org && (input.org.source || input.org.error)) {
    const o = input.org;
    out.push('## Org ruleset', '');
    const row = (k: string, v: string | undefined): void => void (v && out.push(`- **${k}:** ${v}`));
    row('Name', o.name && code(o.name));
    row('Source', o.source && code(o.source));
    row('Configured by', o.configuredBy);
    row('Verified by', o.verifiedBy?.join(' + '));
    row('Content sha256', o.sha256 && code(o.sha256));
    row('Verified at', o.verifiedAt);
    row('Last refresh', o.lastRefreshAt);
    row('ERROR', o.error);
    out.push('');
  }

  const locks = policy.org?.info.locks;
  if (locks && !locks.isEmpty) {
    const d = locks.describe();
    out.push('## Locked by the org ruleset', '');
    out.push('Lower layers may raise these, or add entries; they cannot lower, disable, override, suppress or baseline them.', '');
    if (d.rules.length) {
      out.push(`- **Rules:** ${d.rules.map(code).join(', ')}`);
    }
    if (d.sections.length) {
      out.push(`- **Sections:** ${d.sections.map(code).join(', ')}`);
    }
    if (d.impliedRules.length) {
      out.push(`- **Rules locked with their sections:** ${d.impliedRules.map(code).join(', ')}`);
    }
    if (locks.reason) {
      out.push(`- **Reason:** ${locks.reason}`);
    }
    out.push('');
  }

  const explained = explainPolicy(policy, input.relPath ?? '');
  out.push(`## Rules in force (${explained.rules.length})`, '');
  out.push('| Rule | Severity | In AI code | Locked | Set by |', '|---|---|---|---|---|');
  for (const r of explained.rules) {
    const ai = r.aiOnly ? `${r.aiSeverity ?? r.severity} (AI code only)` : (r.aiSeverity ?? '');
    out.push(`| ${code(r.id)} | ${r.severity} | ${cell(ai)} | ${r.locked ? '🔒 yes' : ''} | ${cell(origin(r.origin))} |`);
  }
  if (explained.off.length) {
    out.push('', `**Off (${explained.off.length}):** ${explained.off.map(code).join(', ')}`);
  }
  out.push('');

  if (resolved.overrides.length) {
    out.push('## Overrides (per-file settings)', '');
    for (const o of resolved.overrides) {
      const settings = [...o.rules].map(([id, s]) => `${code(id)}: ${s.severity}`).join(', ');
      const excluded = o.excludedFiles.length ? ` except ${o.excludedFiles.map(code).join(', ')}` : '';
      out.push(`- ${o.files.map(code).join(', ')}${excluded} → ${settings} _(from ${cell(origin(o.origin))})_`);
    }
    out.push('');
  }

  const ai = explained.ai;
  if (ai.declared) {
    out.push('## AI policy', '');
    for (const f of ai.forbidden) {
      out.push(`- **Forbidden:** ${f.paths.map(code).join(', ')} — ${f.reason} _(from ${cell(origin(f.origin))})_`);
    }
    if (ai.excluded.length) {
      out.push(`- **Excluded from AI assistants:** ${ai.excluded.map((e) => code(e.glob)).join(', ')}`);
    }
    if (ai.useCases) {
      const cases = ai.useCases.map((u) => `${code(u.name)} in ${u.paths.map(code).join(', ')}${u.maxLines ? ` (max ${u.maxLines} lines)` : ''}`);
      out.push(`- **Approved use cases:** ${cases.length ? cases.join('; ') : 'none'}`);
    }
    const review = ai.review;
    if (review.declared) {
      const req = review.required;
      out.push(`- **Human review required:** ${req === true ? 'everywhere' : req === false ? 'no' : `in ${req.map(code).join(', ')}`}${review.allowSelfReview ? ' (self-review allowed)' : ''}${review.maxUnreviewedDays ? `; error after ${review.maxUnreviewedDays} days` : ''}`);
    }
    if (ai.unclassifiedDeclared) {
      out.push(`- **Blocks without a use case:** ${ai.unclassified}`);
    }
    out.push('');
  }

  const b = resolved.boundaries;
  if (b) {
    out.push('## Boundaries', '');
    for (const l of b.layers.values()) {
      out.push(`- **Layer ${code(l.name)}:** ${l.paths.map(code).join(', ')}${l.public ? `; public: ${l.public.map(code).join(', ')}` : ''}`);
    }
    if (b.allow) {
      for (const [from, e] of b.allow) {
        out.push(`- ${code(from)} may import: ${e.to.length ? e.to.map(code).join(', ') : 'no other layer'}`);
      }
    }
    for (const d of b.deny) {
      out.push(`- **Denied:** ${code(d.from)} → ${code(d.to)} — ${d.reason}`);
    }
    out.push(`- **Packages:** declaration ${b.packages.requireDeclared ? 'required' : 'not required'}${b.packages.allow.length ? `; allowed: ${b.packages.allow.map(code).join(', ')}` : ''}${b.packages.deny.length ? `; banned: ${b.packages.deny.map((d) => code(d.name)).join(', ')}` : ''}`);
    out.push('');
  }

  // With locked rules, a lower layer's ignore globs silence only its own rules (Policy.rulesFor).
  const orgIgnore = policy.org?.locksRules ? policy.org.floor.resolved.ignore : resolved.ignore;
  const lockedOnly = resolved.ignore.filter((g) => !orgIgnore.includes(g));
  if (orgIgnore.length) {
    out.push('## Never checked (ignore)', '', orgIgnore.map(code).join(', '), '');
  }
  if (lockedOnly.length) {
    out.push('## Only locked rules checked (team ignore)', '', lockedOnly.map(code).join(', '), '');
  }

  const problems = input.problems ?? [];
  if (problems.length) {
    out.push(`## Rule-file problems (${problems.length})`, '');
    for (const p of problems) {
      out.push(`- ${p.severity}: ${code(`${display(p.file)}:${p.range.start.line + 1}`)} ${p.message}`);
    }
    out.push('');
  }
  return out.join('\n');
}
