// Any tool's SARIF 2.1.0, flattened to what the AI-vs-human split needs: tool, rule, level, the file
// (absolute path) and line of each result, and the revision the run analysed (versionControlProvenance).
import * as path from 'path';
import { fileURLToPath } from 'url';
import { ReportInputError, readJsonFile } from './read-json';

/** SARIF logs of big repositories run to tens of MB; beyond this the input is refused, not truncated. */
export const MAX_SARIF_BYTES = 256 * 1024 * 1024;

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifFinding {
  tool: string;
  ruleId: string;
  level: SarifLevel;
  /** Absolute path of the result's file; undefined when the result names no file or a non-file URI. */
  file: string | undefined;
  /** 1-based start line; undefined for a file-level result. */
  line: number | undefined;
  /** The commit the run analysed, when the log says. */
  revision: string | undefined;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const LEVELS: readonly string[] = ['error', 'warning', 'note', 'none'];

/**
 * Resolves an artifact URI against its uriBaseId (through originalUriBaseIds, chained) and, for a
 * relative URI without a known base, against `srcRoot` (the repository root: CodeQL's %SRCROOT%).
 */
function resolveUri(uri: string, baseId: string | undefined, bases: Json, srcRoot: string, depth = 0): string | undefined {
  if (/^file:/i.test(uri)) {
    return fileURLToPath(uri);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
    return undefined; // https:, git: … — not a file of this checkout
  }
  const rel = decodeURIComponent(uri);
  const base = baseId === undefined ? undefined : obj(bases[baseId]);
  const baseUri = str(base?.uri);
  if (baseUri === undefined || depth > 8) {
    return path.resolve(srcRoot, rel);
  }
  const resolvedBase = resolveUri(baseUri, str(base?.uriBaseId), bases, srcRoot, depth + 1);
  return resolvedBase === undefined ? undefined : path.resolve(resolvedBase, rel);
}

/** A malformed URI (bad percent-encoding, a relative file: URI) names no file: the result stays unattributed. */
function safeResolve(uri: string, baseId: string | undefined, bases: Json, srcRoot: string): string | undefined {
  try {
    return resolveUri(uri, baseId, bases, srcRoot);
  } catch {
    return undefined;
  }
}

/** Reads one SARIF file; an unreadable file, invalid JSON or another version is an error naming the file. */
export function readSarif(file: string, srcRoot: string): SarifFinding[] {
  const log = obj(readJsonFile(file, MAX_SARIF_BYTES, 'SARIF file'));
  if (!log || log.version !== '2.1.0' || !Array.isArray(log.runs)) {
    throw new ReportInputError(`SARIF file ${file} is not a SARIF 2.1.0 log (version "2.1.0" and a runs array)`);
  }
  const out: SarifFinding[] = [];
  for (const runValue of log.runs) {
    const run = obj(runValue) ?? {};
    const driver = obj(obj(run.tool)?.driver) ?? {};
    const tool = str(driver.name) ?? 'unknown';
    const rules = arr(driver.rules).map(obj);
    const artifacts = arr(run.artifacts).map(obj);
    const bases = obj(run.originalUriBaseIds) ?? {};
    const revision = str(obj(arr(run.versionControlProvenance)[0])?.revisionId);
    for (const resultValue of arr(run.results)) {
      const result = obj(resultValue) ?? {};
      // Only failures are findings: pass, notApplicable, informational and review results are not.
      if ((str(result.kind) ?? 'fail') !== 'fail') {
        continue;
      }
      const rule = typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined;
      const ruleId = str(result.ruleId) ?? str(obj(result.rule)?.id) ?? str(rule?.id) ?? 'unknown';
      const levelValue = str(result.level) ?? str(obj(rule?.defaultConfiguration)?.level) ?? 'warning';
      const level = (LEVELS.includes(levelValue) ? levelValue : 'warning') as SarifLevel;
      const physical = obj(obj(arr(result.locations)[0])?.physicalLocation);
      let location = obj(physical?.artifactLocation);
      if (location && str(location.uri) === undefined && typeof location.index === 'number') {
        location = obj(artifacts[location.index]?.location);
      }
      const uri = str(location?.uri);
      const startLine = obj(physical?.region)?.startLine;
      out.push({
        tool,
        ruleId,
        level,
        file: uri === undefined ? undefined : safeResolve(uri, str(location?.uriBaseId), bases, srcRoot),
        line: typeof startLine === 'number' && Number.isInteger(startLine) && startLine >= 1 ? startLine : undefined,
        revision,
      });
    }
  }
  return out;
}
