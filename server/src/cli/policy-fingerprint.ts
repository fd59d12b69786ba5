import { createHash } from 'crypto';
import type { ConfigHost, Policy } from '../engine';
import { UsageError } from './cli-config';

/**
 * SHA-256 of what decides the findings: the tool version, the text of every rule file the policy was
 * resolved from (in resolution order, not their absolute paths, which differ between runners) and the
 * org ruleset's hash. `conductor merge` refuses shard reports whose fingerprints differ.
 */
export function policyFingerprint(toolVersion: string, policy: Policy, host: ConfigHost, orgSha256?: string): string {
  const h = createHash('sha256');
  h.update(`conductor ${toolVersion}\0`);
  for (const file of policy.resolved.files) {
    const text = host.readFile(file);
    if (typeof text !== 'string') {
      // Loaded a moment ago: a file that vanished or changed meanwhile must not yield a made-up hash.
      throw new UsageError(`Cannot fingerprint the rule file ${file}: ${text === undefined ? 'it disappeared' : text.error}`);
    }
    h.update(`${Buffer.byteLength(text)}\0${text}\0`);
  }
  h.update(`org ${orgSha256 ?? '-'}`);
  return h.digest('hex');
}
