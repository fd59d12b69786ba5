// Copilot's path-specific files (`applyTo:` front matter): the restricted paths, and one file per layer.
import { braceExpand } from 'minimatch';
import { excludedGlobs, forbiddenEntries, hasLayers, type Facts } from './facts';
import { layerRules } from './import-sections';
import { code, codes, prose } from './markdown';
import { source, wrap } from './main-body';
import type { GeneratedFile } from './section';
import { SCOPED_DIR, SCOPED_PREFIX, SCOPED_SUFFIX } from './targets';

/** Copilot's `applyTo`: comma-separated globs, so `{a,b}` alternatives are expanded first. */
function applyToFrontMatter(globs: readonly string[]): string {
  const expanded = [...new Set(globs.flatMap((g) => braceExpand(g)))];
  return ['---', `applyTo: ${JSON.stringify(expanded.join(','))}`, '---', ''].join('\n');
}

export function scopedFiles(facts: Facts): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const dir = `${SCOPED_DIR}/${SCOPED_PREFIX}`;
  const forbiddenList = forbiddenEntries(facts);
  const excludedList = excludedGlobs(facts);
  if (forbiddenList.length || excludedList.length) {
    const lines = ['## Conductor: restricted paths', '', `These paths are restricted by ${source(facts)}:`, ''];
    for (const f of forbiddenList) {
      lines.push(`- ${codes(f.paths)}: AI-written code is forbidden (${prose(f.reason)}). Do not write or change code here; describe the change and leave it to a human author.`);
    }
    if (excludedList.length) {
      lines.push(`- ${codes(excludedList)}: excluded from AI assistants. Do not open, read, quote, summarise or edit these files.`);
    }
    files.push({
      path: `${dir}restricted${SCOPED_SUFFIX}`,
      frontMatter: applyToFrontMatter([...forbiddenList.flatMap((f) => f.paths), ...excludedList]),
      section: wrap(lines),
    });
  }
  const i = facts.policy.imports;
  if (i && hasLayers(facts)) {
    const byName = new Map(i.layers.map((l) => [l.name, l]));
    for (const l of i.layers) {
      const lines = [`## Conductor: layer ${code(l.name)}`, ''];
      lines.push(`Files here belong to the layer ${code(l.name)}${l.description ? ` (${prose(l.description)})` : ''} unless an earlier layer claims them.`, '');
      if (i.enforced.layerViolation) {
        const { allowed, denied } = layerRules(l);
        lines.push(allowed.length ? `- May import ${codes(allowed)} and its own files.` : '- May import only its own files.');
        const where = (layer: string): string => `${code(layer)} (${codes(byName.get(layer)!.paths)})`;
        for (const d of denied.filter((x) => x.reason)) {
          lines.push(`- Must not import ${where(d.layer)}: ${prose(d.reason!).replace(/\.$/, '')}.`);
        }
        const plain = denied.filter((x) => !x.reason);
        if (plain.length) {
          lines.push(`- Must not import ${plain.map((d) => where(d.layer)).join(', ')}.`);
        }
      }
      if (i.enforced.privateImport) {
        const reachable = new Set(l.imports.filter((x) => !i.enforced.layerViolation || x.allowed).map((x) => x.layer));
        for (const o of i.layers.filter((o) => reachable.has(o.name) && o.public?.length)) {
          lines.push(`- Import ${code(o.name)} only through its public entry points: ${codes(o.public!)}.`);
        }
        if (l.public?.length) {
          lines.push(`- Other layers may import only ${codes(l.public)} from here: keep the public API there.`);
        }
      }
      files.push({ path: `${dir}layer-${l.name}${SCOPED_SUFFIX}`, frontMatter: applyToFrontMatter(l.paths), section: wrap(lines) });
    }
  }
  return files;
}
