import * as path from 'path';
import type { Finding } from '../types';
import type { DocumentContext } from '../check/document-context';
import {
  extractImports,
  importLanguage,
  isGoStd,
  isJdk,
  isNodeBuiltin,
  isPythonStdlib,
  javaPackage,
  normalizeDist,
  npmPackageName,
  PYTHON_IMPORT_ALIASES,
  resolveImport,
  type ImportLanguage,
  type ImportRef,
  type JsParser,
  type Resolution,
} from '../imports';
import { compileBoundaries, type CompiledBoundaries, type LayerDecision } from './config';
import { packageStatus, type PackageStatus } from './packages';
import { reexportFix } from './reexport-fix';
import { BANNED_PACKAGE, BOUNDARY_RULE_IDS, LAYER_VIOLATION, PRIVATE_IMPORT, UNDECLARED_PACKAGE, UNRESOLVED_IMPORT } from './rules';

export interface BoundaryCheckOptions {
  docsUrl(ruleId: string, explicit?: string): string | undefined;
  /** Test hook: force a JS parser. */
  jsParser?: JsParser;
}

/** One import of a document with everything the boundary rules decide about it. */
export interface AnalyzedImport {
  ref: ImportRef;
  resolution: Resolution;
  /** Workspace-relative target, for local resolutions inside the workspace. */
  target?: string;
  fromLayer?: string;
  toLayer?: string;
  /** Set for imports between two different declared layers. */
  decision?: LayerDecision;
  /** An import of a non-public file of `toLayer` from outside it. */
  privateTarget?: boolean;
  /** Layer checks skipped (type-only import with `typeOnlyImports: ignore`). */
  layerSkipped?: boolean;
}

export interface AnalyzedDocument {
  language: ImportLanguage;
  fromLayer?: string;
  imports: AnalyzedImport[];
  boundaries: CompiledBoundaries;
}

/**
 * Extracts and resolves a document's imports and takes the layer decisions. Per document only: the
 * file system is consulted through caches keyed by directory and manifest, never a project graph.
 * Undefined when the policy has no `boundaries` section or the language has no import grammar.
 */
export function analyzeDocument(ctx: DocumentContext, jsParser?: JsParser): AnalyzedDocument | undefined {
  const resolved = ctx.policy.resolved.boundaries;
  const language = resolved && importLanguage(ctx.syntax.id);
  if (!resolved || !language) {
    return undefined;
  }
  const b = compileBoundaries(resolved);
  const refs = extractImports(ctx.text, language, ctx.doc.relPath, () => ctx.spans, { jsParser });
  const root = ctx.doc.root ? path.resolve(ctx.doc.root) : undefined;
  const fromLayer = b.layerOf(ctx.doc.relPath);
  const importer = root
    ? {
        root,
        file: path.resolve(root, ctx.doc.relPath),
        language,
        javaPackage: language === 'java' ? javaPackage(ctx.text, ctx.spans) : undefined,
      }
    : undefined;
  const imports = refs.map((ref): AnalyzedImport => {
    const resolution = importer ? resolveImport(ref, importer) : classifyWithoutRoot(ref, language);
    const a: AnalyzedImport = { ref, resolution, fromLayer };
    if (resolution.kind !== 'local' || resolution.relPath.startsWith('../')) {
      return a;
    }
    a.target = resolution.relPath;
    a.toLayer = b.layerOf(resolution.relPath);
    if (ref.typeOnly && resolved.typeOnlyImports === 'ignore') {
      a.layerSkipped = true;
      return a;
    }
    if (a.toLayer && a.toLayer !== fromLayer) {
      if (fromLayer) {
        a.decision = b.decide(fromLayer, a.toLayer);
      }
      if (!a.decision || a.decision.allowed) {
        a.privateTarget = !b.isPublic(a.toLayer, resolution.relPath);
      }
    }
    return a;
  });
  return { language, fromLayer, imports, boundaries: b };
}

/** Without a workspace root nothing is resolved; a bare name is still known to be a package. */
function classifyWithoutRoot(ref: ImportRef, language: ImportLanguage): Resolution {
  const s = ref.specifier;
  switch (language) {
    case 'js':
      if (/^[./#]/.test(s) || s.includes(':') && !s.startsWith('node:')) {
        return { kind: 'unknown' };
      }
      return isNodeBuiltin(s) ? { kind: 'builtin', name: s } : { kind: 'external', name: npmPackageName(s), ecosystem: 'npm' };
    case 'python': {
      if (s.startsWith('.')) {
        return { kind: 'unknown' };
      }
      const top = s.split('.')[0];
      return isPythonStdlib(top) ? { kind: 'builtin', name: top } : { kind: 'external', name: top, ecosystem: 'pypi' };
    }
    case 'go':
      return isGoStd(s) ? { kind: 'builtin', name: s } : { kind: 'external', name: s, ecosystem: 'go' };
    case 'java':
      return isJdk(s) ? { kind: 'builtin', name: s } : { kind: 'external', name: s, ecosystem: 'maven' };
  }
}

/** The boundary rules' findings for one document (check-document.ts appends them before suppressions). */
export function checkBoundaries(ctx: DocumentContext, options: BoundaryCheckOptions, analyzed?: AnalyzedDocument): Finding[] {
  if (!ctx.policy.resolved.boundaries || !BOUNDARY_RULE_IDS.some((id) => ctx.rules.has(id))) {
    return [];
  }
  const doc = analyzed ?? analyzeDocument(ctx, options.jsParser);
  if (!doc) {
    return [];
  }
  const b = doc.boundaries;
  const root = ctx.doc.root ? path.resolve(ctx.doc.root) : undefined;
  const dir = root ? path.dirname(path.resolve(root, ctx.doc.relPath)) : undefined;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (ruleId: string, a: AnalyzedImport, message: string, properties: Record<string, unknown>, extraFixes: Finding['fixes'] = []): void => {
    const rule = ctx.rules.get(ruleId);
    const key = `${ruleId}\0${a.ref.start}\0${a.target ?? ''}\0${message}`;
    if (!rule || seen.has(key)) {
      return;
    }
    seen.add(key);
    findings.push({
      ruleId,
      severity: rule.severity,
      message,
      range: ctx.lines.rangeOf(a.ref.start, a.ref.end),
      fixes: [...extraFixes, ...removeImportFix(ctx, a)],
      docsUrl: options.docsUrl(ruleId),
      origin: rule.origin,
      properties: { specifier: a.ref.specifier, kind: a.ref.kind, ...(a.ref.typeOnly ? { typeOnly: true } : {}), ...properties },
    });
  };

  for (const a of doc.imports) {
    const r = a.resolution;
    if (a.decision && !a.decision.allowed && a.fromLayer && a.toLayer) {
      const why =
        a.decision.via === 'deny'
          ? `denied by boundaries.deny: ${a.decision.reason.replace(/\.$/, '')}`
          : b.config.allow?.has(a.fromLayer)
            ? `boundaries.allow.${a.fromLayer} does not list '${a.toLayer}'`
            : `boundaries.allow has no entry for '${a.fromLayer}'`;
      const throughAllowedLayer =
        root && a.target && doc.language === 'js'
          ? reexportFix(ctx, b, root, { start: a.ref.start, end: a.ref.end, target: a.target, fromLayer: a.fromLayer, toLayer: a.toLayer })
          : [];
      add(LAYER_VIOLATION, a, `Layer '${a.fromLayer}' may not import '${a.toLayer}' (${a.target}): ${why}. ${b.describeAllowed(a.fromLayer)}`, {
        from: ctx.doc.relPath,
        to: a.target,
        fromLayer: a.fromLayer,
        toLayer: a.toLayer,
        ...(a.decision.via === 'deny' ? { reason: a.decision.reason, declaredIn: a.decision.origin } : {}),
      }, throughAllowedLayer);
    } else if (a.privateTarget && a.toLayer) {
      const entries = b.publicEntries(a.toLayer);
      const from = a.fromLayer ? `layer '${a.fromLayer}'` : `${ctx.doc.relPath} (in no layer)`;
      add(
        PRIVATE_IMPORT,
        a,
        `'${a.target}' is private to layer '${a.toLayer}' (boundaries.layers.${a.toLayer}.public): from ${from}, import its public entry points only: ${entries.join(', ')}.`,
        { from: ctx.doc.relPath, to: a.target, fromLayer: a.fromLayer, toLayer: a.toLayer, public: entries },
      );
    }

    if (r.kind === 'unresolved') {
      add(UNRESOLVED_IMPORT, a, `Cannot resolve '${a.ref.specifier}'${a.ref.name ? ` (importing ${a.ref.name})` : ''} from ${ctx.doc.relPath}: ${r.reason}. Possibly a hallucinated module.`, {});
      continue;
    }
    if (r.kind === 'external' || r.kind === 'builtin') {
      const banned = bannedBy(b, r, a.ref, doc.language);
      if (banned) {
        add(BANNED_PACKAGE, a, `Package '${banned.shown}' is banned by boundaries.packages.deny: ${banned.reason}`, { package: banned.shown, reason: banned.reason, declaredIn: banned.origin });
        continue;
      }
    }
    if (r.kind === 'external' && root && dir && b.config.packages.requireDeclared && !b.packageAllowed(r.name)) {
      const status = packageStatus(r.name, r.ecosystem, a.ref.specifier, dir, root);
      if (status && !status.declared) {
        add(UNDECLARED_PACKAGE, a, undeclaredMessage(r.name, r.ecosystem, status), {
          package: r.name,
          ecosystem: r.ecosystem,
          manifest: status.manifest,
          ...(status.installed !== undefined ? { installed: status.installed } : {}),
          ...(status.installed === false ? { possiblyHallucinated: true } : {}),
          ...(status.fix ? { manifestFix: status.fix } : {}),
        });
      }
    }
  }
  return findings;
}

function undeclaredMessage(name: string, ecosystem: string, s: PackageStatus): string {
  const where = ecosystem === 'npm' ? `${s.manifest} (dependencies, devDependencies, peerDependencies or optionalDependencies)` : s.manifest;
  if (s.installed === true) {
    return `Package '${name}' is installed but not declared in ${where}. ${s.fix ? `Quick fix: ${s.fix.title}.` : `Declare it in ${s.manifest}.`}`;
  }
  if (s.installed === false) {
    return `Package '${name}' is not declared in ${where} and is not installed: possibly a hallucinated package. Check that it exists before adding it to ${s.manifest}.`;
  }
  const hint = ecosystem === 'go' ? `Run \`go get\` for it (if the module does not exist, the import is hallucinated).` : `Check that it exists, then declare it (possibly a hallucinated package).`;
  return `Package '${name}' is not declared in ${where}. ${hint}`;
}

/** The deny entry banning a package: npm names, Python import or distribution names, Go/Java prefixes. */
function bannedBy(b: CompiledBoundaries, r: Extract<Resolution, { kind: 'external' | 'builtin' }>, ref: ImportRef, language: ImportLanguage): { shown: string; reason: string; origin: string } | undefined {
  if (b.packageDeny.length === 0) {
    return undefined;
  }
  let names: string[];
  let shown = r.name;
  if (language === 'js') {
    const bare = ref.specifier.replace(/^node:/, '');
    shown = r.kind === 'builtin' ? bare.split('/')[0] : r.name;
    names = [shown, npmPackageName(bare), ref.specifier];
  } else if (language === 'python') {
    const top = ref.specifier.split('.')[0];
    shown = top;
    names = [top, normalizeDist(top), ...(PYTHON_IMPORT_ALIASES[top] ?? []), ref.specifier];
  } else {
    names = [ref.specifier];
  }
  const python = language === 'python';
  for (const d of b.packageDeny) {
    if (names.some((n) => d.match.match(n) || (python && normalizeDist(n) === normalizeDist(d.name)))) {
      return { shown, reason: d.reason, origin: d.origin };
    }
    if ((language === 'go' && ref.specifier.startsWith(d.name + '/')) || (language === 'java' && ref.specifier.startsWith(d.name + '.'))) {
      return { shown: d.name, reason: d.reason, origin: d.origin };
    }
  }
  return undefined;
}

/** One-line import statements, the only ones "Remove this import" deletes (a multi-line one is left to the user). */
const IMPORT_LINE = /^\s*(import\b.*['"`];?|export\b.*\bfrom\s*['"`].*['"`];?|from\s+[\w.]+\s+import\b.*|import\s+[\w.]+(\s+as\s+\w+)?|(const|let|var)\s+[\w${}\s,:]+=\s*require\(\s*['"`][^'"`]+['"`]\s*\);?)\s*$/;

/** "Remove this import": deletes the whole line of a single-line import; never applied by Fix all. */
function removeImportFix(ctx: DocumentContext, a: AnalyzedImport): Finding['fixes'] {
  const line = ctx.lines.positionAt(a.ref.start).line;
  if (line !== ctx.lines.positionAt(a.ref.end).line || !IMPORT_LINE.test(ctx.lines.lineText(line))) {
    return [];
  }
  const end = line + 1 < ctx.lines.lineCount ? { line: line + 1, character: 0 } : { line, character: ctx.lines.lineText(line).length };
  return [{ title: `Remove the import of '${a.ref.specifier}'`, edits: [{ range: { start: { line, character: 0 }, end }, newText: '' }], safe: false }];
}
