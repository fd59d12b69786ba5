import { createHash } from 'crypto';
import * as path from 'path';
import type { ConfigHost, Policy } from '../engine';
import type { OrgLayer } from '../engine/org-policy/precedence';
import { UsageError } from './cli-config';

/**
 * SHA-256 of what decides the findings: the tool version and the text of every rule file the policy
 * was resolved from, in resolution order (not their absolute paths, which differ between runners).
 * The org ruleset counts with its verified text, which may never have been on disk.
 * `conductor merge` refuses shard reports whose fingerprints differ.
 */
export function policyFingerprint(toolVersion: string, policy: Policy, host: ConfigHost, org?: OrgLayer): string {
  const h = createHash('sha256');
  h.update(`conductor ${toolVersion}\0`);
  const orgFile = org ? path.resolve(org.file) : undefined;
  for (const file of policy.resolved.files) {
    const text = org && path.resolve(file) === orgFile ? org.text : host.readFile(file);
    if (typeof text !== 'string') {
      // Loaded a moment ago: a file that vanished meanwhile must not yield a made-up hash.
      throw new UsageError(`Cannot fingerprint the rule file ${file}: ${text === undefined ? 'it disappeared' : text.error}`);
    }
    h.update(`${Buffer.byteLength(text)}\0${text}\0`);
  }
  return h.digest('hex');
}
