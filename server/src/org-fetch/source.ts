// Where the org ruleset comes from and how it is trusted, from (strongest first) the machine policy
// file an administrator manages, the machine-scoped `conductor.orgRuleset` setting, the environment
// (CI), or command-line flags.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { z } from 'zod';
import { maskSecretsIn } from '../engine/check/secret-mask';
import { isHttpsUrl } from './fetch';
import { normalizeSha256 } from './verify';

export type OrgSourceOrigin = 'policy-file' | 'setting' | 'environment' | 'command-line';

export interface OrgSourceConfig {
  /** An https:// URL or an absolute file path. */
  source: string;
  sha256?: string;
  /** ed25519 public key, SPKI PEM text. */
  publicKey?: string;
  /** Where the detached signature is (URL or path); default: the source + `.sig`. */
  signature?: string;
  /** Extra CA certificates (PEM file) to trust for fetching. */
  caFile?: string;
  refreshMinutes?: number;
  origin: OrgSourceOrigin;
  /** Human-readable: "machine policy file /etc/conductor/policy.json". */
  configuredBy: string;
}

export type SourceResult = { config: OrgSourceConfig } | { error: string; configuredBy: string };

/** Test and CI hook: another machine policy file. As strong as whoever controls the environment. */
export const POLICY_FILE_ENV = 'CONDUCTOR_POLICY_FILE';

export const ENV = {
  ruleset: 'CONDUCTOR_ORG_RULESET',
  sha256: 'CONDUCTOR_ORG_SHA256',
  publicKey: 'CONDUCTOR_ORG_PUBLIC_KEY',
  signature: 'CONDUCTOR_ORG_SIGNATURE',
  caFile: 'CONDUCTOR_ORG_CA_FILE',
} as const;

/** The machine-level managed policy file (not user-writable when installed by an administrator or MDM). */
export function machinePolicyFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env[POLICY_FILE_ENV]) {
    return path.resolve(env[POLICY_FILE_ENV]);
  }
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Conductor', 'policy.json');
  }
  if (platform === 'darwin') {
    return '/Library/Application Support/Conductor/policy.json';
  }
  return '/etc/conductor/policy.json';
}

const orgRulesetObject = z
  .object({
    source: z.string().min(1),
    sha256: z.string().optional(),
    publicKey: z.string().optional(),
    publicKeyFile: z.string().optional(),
    signatureUrl: z.string().optional(),
    caFile: z.string().optional(),
    refreshMinutes: z.number().min(1).max(7 * 24 * 60).optional(),
  })
  .strict();

const orgRulesetSetting = z.union([z.string().min(1), orgRulesetObject]);

export const policyFileSchema = z.object({ orgRuleset: orgRulesetSetting.optional() }).passthrough();

/**
 * An `orgRuleset` value (policy file or setting): a string `SOURCE` or `SOURCE#sha256=HEX`, or an
 * object `{ source, sha256?, publicKey?, publicKeyFile?, signatureUrl?, caFile?, refreshMinutes? }`.
 * Relative paths resolve against `baseDir`; without one they must be absolute.
 */
export function parseOrgRuleset(raw: unknown, origin: OrgSourceOrigin, configuredBy: string, baseDir: string | undefined, env: NodeJS.ProcessEnv = process.env): SourceResult {
  const parsed = orgRulesetSetting.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${configuredBy}: invalid orgRuleset${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}`, configuredBy };
  }
  const v: z.infer<typeof orgRulesetObject> = typeof parsed.data === 'string' ? splitPinned(parsed.data) : parsed.data;
  let publicKey = v.publicKey;
  if (v.publicKeyFile) {
    const keyPath = resolvePath(v.publicKeyFile, baseDir);
    if (!keyPath) {
      return { error: `${configuredBy}: publicKeyFile must be an absolute path`, configuredBy };
    }
    try {
      publicKey = fs.readFileSync(keyPath, 'utf8');
    } catch (e) {
      return { error: `${configuredBy}: cannot read publicKeyFile ${keyPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, configuredBy };
    }
  }
  return build({ source: v.source, sha256: v.sha256, publicKey, signature: v.signatureUrl, caFile: v.caFile, refreshMinutes: v.refreshMinutes }, origin, configuredBy, baseDir, env);
}

/** `https://x/r.jsonc#sha256=abc…` → source + pin. */
function splitPinned(s: string): { source: string; sha256?: string } {
  const m = /^(.*)#sha256=([0-9a-fA-F]{64})$/.exec(s.trim());
  return m ? { source: m[1], sha256: m[2] } : { source: s.trim() };
}

function resolvePath(p: string, baseDir: string | undefined): string | undefined {
  if (p.startsWith('file://')) {
    try {
      return fileURLToPath(p);
    } catch {
      return undefined;
    }
  }
  if (path.isAbsolute(p)) {
    return path.resolve(p);
  }
  return baseDir ? path.resolve(baseDir, p) : undefined;
}

/** A public key given as PEM text, or as the path of a PEM file. */
function readKey(value: string | undefined, baseDir: string | undefined): { key?: string; error?: string } {
  if (!value) {
    return {};
  }
  if (value.includes('-----BEGIN')) {
    return { key: value.replace(/\\n/g, '\n') };
  }
  const p = resolvePath(value, baseDir);
  if (!p) {
    return { error: `publicKey must be PEM text or an absolute path (got "${value}")` };
  }
  try {
    return { key: fs.readFileSync(p, 'utf8') };
  } catch (e) {
    return { error: `cannot read the public key ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

function build(
  v: { source: string; sha256?: string; publicKey?: string; signature?: string; caFile?: string; refreshMinutes?: number },
  origin: OrgSourceOrigin,
  configuredBy: string,
  baseDir: string | undefined,
  env: NodeJS.ProcessEnv,
): SourceResult {
  // Messages quote the configured values: URL credentials and key material are masked.
  const fail = (message: string): SourceResult => ({ error: maskSecretsIn(`${configuredBy}: ${message}`), configuredBy });
  let source: string;
  if (/^http:\/\//i.test(v.source)) {
    return fail(`plain http:// is not allowed for the org ruleset (${v.source}); use https://`);
  }
  if (isHttpsUrl(v.source)) {
    source = v.source;
  } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(v.source) && !v.source.startsWith('file://')) {
    return fail(`unsupported org ruleset source ${v.source}: use an https:// URL or a file path`);
  } else {
    const p = resolvePath(v.source, baseDir);
    if (!p) {
      return fail(`the org ruleset path must be absolute (got "${v.source}")`);
    }
    source = p;
  }
  if (!v.sha256 && !v.publicKey) {
    return fail('the org ruleset needs a trust anchor: the sha256 of its content, or an ed25519 publicKey (with a detached signature)');
  }
  if (v.sha256 && !normalizeSha256(v.sha256)) {
    return fail(`sha256 must be 64 hex digits (got "${v.sha256}")`);
  }
  const key = readKey(v.publicKey, baseDir);
  if (key.error) {
    return fail(key.error);
  }
  let signature = v.signature;
  if (signature && !isHttpsUrl(signature)) {
    if (/^http:\/\//i.test(signature)) {
      return fail('plain http:// is not allowed for the signature; use https://');
    }
    const p = resolvePath(signature, baseDir);
    if (!p) {
      return fail(`the signature path must be absolute (got "${signature}")`);
    }
    signature = p;
  }
  const caFile = v.caFile ? resolvePath(v.caFile, baseDir) : env[ENV.caFile] ? path.resolve(env[ENV.caFile] as string) : undefined;
  return {
    config: {
      source,
      ...(v.sha256 && { sha256: normalizeSha256(v.sha256) }),
      ...(key.key && { publicKey: key.key }),
      signature: signature ?? `${source}.sig`,
      ...(caFile && { caFile }),
      ...(v.refreshMinutes && { refreshMinutes: v.refreshMinutes }),
      origin,
      configuredBy,
    },
  };
}

/** The machine policy file's org ruleset: undefined when there is no policy file or it names none. */
export function readMachinePolicy(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): SourceResult | undefined {
  const file = machinePolicyFile(env, platform);
  const configuredBy = `machine policy file ${file}`;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { error: `${configuredBy}: cannot read it (${code ?? (e as Error).message})`, configuredBy };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { error: `${configuredBy}: not valid JSON (${(e as Error).message})`, configuredBy };
  }
  const parsed = policyFileSchema.safeParse(json);
  if (!parsed.success) {
    return { error: `${configuredBy}: ${parsed.error.issues[0].message}`, configuredBy };
  }
  if (parsed.data.orgRuleset === undefined) {
    return undefined;
  }
  return parseOrgRuleset(parsed.data.orgRuleset, 'policy-file', configuredBy, path.dirname(file), env);
}

/** CONDUCTOR_ORG_RULESET (+ _SHA256, _PUBLIC_KEY, _SIGNATURE, _CA_FILE); relative paths against `cwd`. */
export function envOrgSource(env: NodeJS.ProcessEnv, cwd: string): SourceResult | undefined {
  const source = env[ENV.ruleset];
  if (!source) {
    return undefined;
  }
  const pinned = splitPinned(source);
  return build(
    { source: pinned.source, sha256: pinned.sha256 ?? (env[ENV.sha256] || undefined), publicKey: env[ENV.publicKey] || undefined, signature: env[ENV.signature] || undefined },
    'environment',
    `environment variable ${ENV.ruleset}`,
    cwd,
    env,
  );
}

/** Command-line flags; trust flags fall back to their environment variables. */
export function flagOrgSource(
  flags: { ruleset?: string; sha256?: string; publicKey?: string; signature?: string; caFile?: string },
  env: NodeJS.ProcessEnv,
  cwd: string,
): SourceResult | undefined {
  if (!flags.ruleset) {
    return undefined;
  }
  const pinned = splitPinned(flags.ruleset);
  return build(
    {
      source: pinned.source,
      sha256: flags.sha256 ?? pinned.sha256 ?? (env[ENV.sha256] || undefined),
      publicKey: flags.publicKey ?? (env[ENV.publicKey] || undefined),
      signature: flags.signature ?? (env[ENV.signature] || undefined),
      caFile: flags.caFile,
    },
    'command-line',
    '--org-ruleset',
    cwd,
    env,
  );
}
