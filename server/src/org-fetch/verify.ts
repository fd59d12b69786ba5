// Trust for org rulesets: a pinned SHA-256 of the exact bytes, or an ed25519 detached signature.
// node:crypto only; ed25519 signs the message itself, so sign/verify take a null digest algorithm.
import * as crypto from 'crypto';

export interface Trust {
  /** Lower-case hex SHA-256 of the ruleset's bytes. */
  sha256?: string;
  /** An ed25519 public key (SPKI PEM). */
  publicKey?: string;
}

export type TrustMethod = 'sha256' | 'signature';

export class VerificationError extends Error {}

export function sha256Hex(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** `sha256:ABC…`, upper case, or with spaces → `abc…`; undefined unless it is 64 hex digits. */
export function normalizeSha256(value: string): string | undefined {
  const hex = value.trim().replace(/^sha256[:=]/i, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/** An ed25519 public key from PEM; anything else (RSA, EC, a private key, garbage) is an error. */
export function ed25519PublicKey(pem: string): crypto.KeyObject {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey(pem);
  } catch (e) {
    throw new VerificationError(`the public key is not a valid PEM public key (${(e as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new VerificationError(`the public key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not ed25519`);
  }
  return key;
}

/** A detached signature file: base64 text (what `conductor org sign` writes) or the raw 64 bytes. */
export function decodeSignature(data: Buffer): Buffer {
  if (data.length === 64) {
    return data;
  }
  const text = data.toString('utf8').trim();
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    const raw = Buffer.from(text, 'base64');
    if (raw.length === 64) {
      return raw;
    }
  }
  throw new VerificationError('the signature is not an ed25519 signature (64 bytes, raw or base64)');
}

/**
 * Verifies content against every trust anchor given (at least one is required). Returns how it was
 * verified; throws VerificationError with a message fit for the user otherwise.
 */
export function verifyContent(content: Buffer, trust: Trust, signature?: Buffer): TrustMethod[] {
  if (!trust.sha256 && !trust.publicKey) {
    throw new VerificationError('no trust anchor: configure the sha256 of the ruleset or an ed25519 publicKey');
  }
  const methods: TrustMethod[] = [];
  if (trust.sha256) {
    const expected = normalizeSha256(trust.sha256);
    if (!expected) {
      throw new VerificationError(`the configured sha256 "${trust.sha256}" is not 64 hex digits`);
    }
    const actual = sha256Hex(content);
    if (!crypto.timingSafeEqual(Buffer.from(actual, 'hex'), Buffer.from(expected, 'hex'))) {
      throw new VerificationError(`sha256 mismatch: the content has sha256 ${actual}, the pin is ${expected}`);
    }
    methods.push('sha256');
  }
  if (trust.publicKey) {
    const key = ed25519PublicKey(trust.publicKey);
    if (!signature) {
      throw new VerificationError('a publicKey is configured but no signature was found');
    }
    if (!crypto.verify(null, content, key, decodeSignature(signature))) {
      throw new VerificationError('the ed25519 signature does not match the content (wrong key, or the ruleset was changed after signing)');
    }
    methods.push('signature');
  }
  return methods;
}

export function generateEd25519KeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Signs content with an ed25519 private key (PKCS#8 PEM); returns the base64 detached signature. */
export function signContent(content: Buffer, privateKeyPem: string): string {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(privateKeyPem);
  } catch (e) {
    throw new VerificationError(`the private key is not a valid PEM private key (${(e as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new VerificationError(`the private key is ${key.asymmetricKeyType}, not ed25519`);
  }
  return crypto.sign(null, content, key).toString('base64');
}
