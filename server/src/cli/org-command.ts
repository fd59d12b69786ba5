// `conductor org keygen | sign | verify`: the org side of signed org rulesets (ed25519, node:crypto).
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { checkOrgRuleset } from '../engine/org-policy';
import { generateEd25519KeyPair, normalizeSha256, sha256Hex, signContent, VerificationError, verifyContent } from '../org-fetch/verify';
import { UsageError } from './cli-config';
import { diskHost } from '../host/disk-config-host';
import { CONFIG_MAX_BYTES, readBounded } from '../host/read-bounded';

export const ORG_HELP = `Usage: conductor org <keygen|sign|verify> [options]

  keygen [--out DIR] [--force]
      Create an ed25519 key pair: DIR/org-ruleset.key (private, keep it secret: CI secret store or
      HSM-backed vault) and DIR/org-ruleset.pub (public, goes into the machine policy file).
  sign RULESET --key PRIVATE.pem [--out SIG]
      Write the detached signature RULESET.sig (base64) and print the ruleset's sha256.
      The ruleset is validated first: an invalid org ruleset is not signed.
  verify RULESET (--key PUBLIC.pem [--sig FILE] | --sha256 HEX)
      Check the signature (default RULESET.sig) or the pin, and that the ruleset is a valid org ruleset.

Exit codes: 0 ok, 1 verification failed or the ruleset is invalid, 2 usage error.
`;

export function runOrg(argv: string[]): number {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'keygen':
      return keygen(rest);
    case 'sign':
      return sign(rest);
    case 'verify':
      return verify(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(ORG_HELP);
      return sub === undefined ? 2 : 0;
    default:
      throw new UsageError(`Unknown org command "${sub}".\n\n${ORG_HELP}`);
  }
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(argv: string[], options: T): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function read(file: string, what: string): Buffer {
  const r = readBounded(file, { maxBytes: CONFIG_MAX_BYTES });
  if (!r.ok) {
    throw new UsageError(`Cannot read ${what} ${file}: ${r.reason}`);
  }
  return r.buffer;
}

function keygen(argv: string[]): number {
  const { values } = parse(argv, { out: { type: 'string' }, force: { type: 'boolean' } });
  const dir = path.resolve(typeof values.out === 'string' ? values.out : '.');
  const priv = path.join(dir, 'org-ruleset.key');
  const pub = path.join(dir, 'org-ruleset.pub');
  if (!values.force && (fs.existsSync(priv) || fs.existsSync(pub))) {
    throw new UsageError(`${fs.existsSync(priv) ? priv : pub} exists; use --force to replace the key pair`);
  }
  const keys = generateEd25519KeyPair();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(priv, keys.privateKey, { mode: 0o600 });
  fs.writeFileSync(pub, keys.publicKey, { mode: 0o644 });
  process.stdout.write(
    `Wrote ${priv} (private: keep it out of the repository)\nWrote ${pub}\n\nPublic key for the machine policy file ("publicKey"):\n${keys.publicKey}`,
  );
  return 0;
}

/** Validates a ruleset as an org ruleset; returns error lines (empty when valid). */
function validate(file: string, content: Buffer): string[] {
  const check = checkOrgRuleset({ file: path.resolve(file), text: content.toString('utf8') }, diskHost());
  return check.problems.filter((p) => p.severity === 'error').map((p) => `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
}

function sign(argv: string[]): number {
  const { values, positionals } = parse(argv, { key: { type: 'string' }, out: { type: 'string' } });
  const [ruleset] = positionals;
  if (!ruleset || positionals.length > 1 || typeof values.key !== 'string') {
    throw new UsageError(`sign needs RULESET and --key PRIVATE.pem\n\n${ORG_HELP}`);
  }
  const content = read(ruleset, 'the ruleset');
  const errors = validate(ruleset, content);
  if (errors.length > 0) {
    process.stderr.write(`Not signed: ${ruleset} is not a valid org ruleset:\n${errors.join('\n')}\n`);
    return 1;
  }
  let signature: string;
  try {
    signature = signContent(content, read(values.key, 'the private key').toString('utf8'));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const out = typeof values.out === 'string' ? values.out : `${ruleset}.sig`;
  fs.writeFileSync(out, signature + '\n');
  process.stdout.write(`Wrote ${out}\nsha256 ${sha256Hex(content)}\n`);
  return 0;
}

function verify(argv: string[]): number {
  const { values, positionals } = parse(argv, { key: { type: 'string' }, sig: { type: 'string' }, sha256: { type: 'string' } });
  const [ruleset] = positionals;
  if (!ruleset || positionals.length > 1 || (typeof values.key !== 'string' && typeof values.sha256 !== 'string')) {
    throw new UsageError(`verify needs RULESET and --key PUBLIC.pem (or --sha256 HEX)\n\n${ORG_HELP}`);
  }
  if (typeof values.sha256 === 'string' && !normalizeSha256(values.sha256)) {
    throw new UsageError(`--sha256 must be 64 hex digits (got "${values.sha256}")`);
  }
  const content = read(ruleset, 'the ruleset');
  const publicKey = typeof values.key === 'string' ? read(values.key, 'the public key').toString('utf8') : undefined;
  const sigFile = typeof values.sig === 'string' ? values.sig : `${ruleset}.sig`;
  const signature = publicKey ? read(sigFile, 'the signature') : undefined;
  let methods: string[];
  try {
    methods = verifyContent(content, { sha256: typeof values.sha256 === 'string' ? values.sha256 : undefined, publicKey }, signature);
  } catch (e) {
    if (e instanceof VerificationError) {
      process.stderr.write(`FAILED: ${ruleset}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const errors = validate(ruleset, content);
  if (errors.length > 0) {
    process.stderr.write(`FAILED: ${ruleset} verifies (${methods.join(' + ')}) but is not a valid org ruleset:\n${errors.join('\n')}\n`);
    return 1;
  }
  process.stdout.write(`OK: ${ruleset} verified by ${methods.join(' + ')}; sha256 ${sha256Hex(content)}\n`);
  return 0;
}
