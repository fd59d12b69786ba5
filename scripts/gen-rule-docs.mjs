#!/usr/bin/env node
// The pages rules/docs/<id>.md of the built-in secrets, security and data rulesets are written by
// hand (what the rule is for, a bad and a good example, when to suppress), except one block per page
// between `<!-- generated:begin -->` and `<!-- generated:end -->`: the ruleset, default severity, fix,
// message and how it matches (regex, keywords, entropy, allow list, where, files), derived from the
// rule files, which are the source of truth for them. This script rewrites those blocks.
//
//   node scripts/gen-rule-docs.mjs           rewrite the generated blocks
//   node scripts/gen-rule-docs.mjs --check   exit 1 if a page is missing, has no block, or its block is out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const { parse } = createRequire(import.meta.url)('jsonc-parser');
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RULESETS = ['secrets', 'security', 'data'];
export const BEGIN = '<!-- generated:begin -->';
export const END = '<!-- generated:end -->';

/** How a fix reads to people (the rule file holds the replacement template). */
const FIX_LABEL = {
  'security/yaml-unsafe-load': '`yaml.load(…)` → `yaml.safe_load(…)`',
  'security/insecure-http-url': '`http://` → `https://`',
};

const PLACE = {
  any: 'anywhere in the file: code, strings and comments (a commented-out key is still leaked)',
  code: 'in **code only**: matches inside comments and string literals are ignored',
  strings: 'only inside **string literals** (not comments)',
  comments: 'only inside comments',
};

/** The generated block of one pattern's page, markers included. */
export function generatedBlock(rulesetName, p) {
  const severity = p.severity ?? 'warning';
  const fixLabel = FIX_LABEL[p.id] ?? `\`${p.fix}\``;
  const fix = p.fix === undefined ? 'none' : p.fixSafe === false ? `${fixLabel} (offered on request only)` : `${fixLabel} (safe, applied by fix-all)`;
  const aiNote =
    severity === 'error' ? '' : p.aiSeverity ? ` (${p.aiSeverity} inside AI-generated code)` : ' (error inside AI-generated code with `conductor:strict-ai`)';
  const facts = [];
  if (p.keywords) {
    facts.push(`**Keywords** (case-insensitive prefilter): ${p.keywords.map((k) => `\`${k}\``).join(', ')}. Files containing none of them are skipped without running the regex.`);
  }
  if (p.minEntropy !== undefined) {
    facts.push(`**Entropy gate:** the value must have at least ${p.minEntropy} bits of Shannon entropy per character.`);
  }
  if (p.allow) {
    facts.push(`**Allowed values** (case-insensitive regexes; a match whose value matches one is not reported): ${p.allow.map((a) => `\`${a}\``).join(', ')}.`);
  }
  if (p.secret) {
    facts.push('**Masked:** findings show only a short prefix and the length (e.g. `AKIA…(20 chars)`), never the value — in the editor, CLI output, SARIF and reports. Documentation placeholders (`EXAMPLE`, `xxxx`, `changeme`, `your-…`, `<…>`, `${…}`, `process.env…`, one repeated character) are ignored, and text another secrets rule already reported is not reported twice.');
  }
  facts.push(`**Where:** ${PLACE[p.in ?? 'any']}.`);
  facts.push(`**Files:** ${p.paths ? p.paths.map((g) => `\`${g}\``).join(', ') : 'all'}${p.exclude ? `; not ${p.exclude.map((g) => `\`${g}\``).join(', ')}` : ''}.`);
  return [
    BEGIN,
    `**Ruleset:** \`conductor:${rulesetName}\` · **Default:** ${severity}${aiNote} · **Fix:** ${fix}`,
    '',
    `> ${p.message.replace(/\$masked|\$<\w+>|\$\d/g, '…')}`,
    '',
    '## How it matches',
    `The regex${p.flags ? ` (flags \`${p.flags}\`)` : ''}:\n\n\`\`\`text\n${p.regex}\n\`\`\``,
    '',
    facts.map((f) => `- ${f}`).join('\n'),
    END,
  ].join('\n');
}

/** The page's text with its one generated block replaced, or why it cannot be. */
function withBlock(text, block) {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin === -1 || end < begin) {
    return { error: `no ${BEGIN} … ${END} block` };
  }
  if (text.indexOf(BEGIN, begin + 1) !== -1 || text.indexOf(END, end + 1) !== -1) {
    return { error: 'more than one generated block' };
  }
  return { text: text.slice(0, begin) + block + text.slice(end + END.length) };
}

/**
 * Every page of the generated rulesets: its file, its current text (undefined when missing), and
 * the text with an up-to-date block (or the error that prevents one).
 */
export function ruleDocPages(root = REPO_ROOT) {
  const pages = [];
  for (const name of RULESETS) {
    const { patterns } = parse(readFileSync(join(root, 'rules', `${name}.jsonc`), 'utf8'));
    for (const p of patterns) {
      const file = join(root, 'rules', 'docs', `${p.id}.md`);
      const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      const updated = current === undefined ? { error: 'missing: write the page, with an empty generated block' } : withBlock(current, generatedBlock(name, p));
      pages.push({ id: p.id, file, current, ...updated });
    }
  }
  return pages;
}

/** `file: reason` for every page that is missing, has no block, or whose block is out of date. */
export function staleRuleDocs(root = REPO_ROOT) {
  return ruleDocPages(root).flatMap((p) => (p.error ? [`${p.file}: ${p.error}`] : p.text !== p.current ? [`${p.file}: generated block out of date`] : []));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--check')) {
    const stale = staleRuleDocs();
    if (stale.length > 0) {
      console.error(`Rule docs to fix (then run node scripts/gen-rule-docs.mjs):\n${stale.join('\n')}`);
      process.exit(1);
    }
    console.log(`Checked ${ruleDocPages().length} rule pages.`);
  } else {
    const pages = ruleDocPages();
    const errors = pages.filter((p) => p.error).map((p) => `${p.file}: ${p.error}`);
    for (const p of pages.filter((x) => !x.error && x.text !== x.current)) {
      writeFileSync(p.file, p.text);
    }
    if (errors.length > 0) {
      console.error(errors.join('\n'));
      process.exit(1);
    }
    console.log(`Updated the generated blocks of ${pages.length} rule pages.`);
  }
}
