import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { checkDocument, type Finding, type Policy } from '../engine';
import { formatBytes } from '../host/read-text-file';
import { toPosix } from '../host/paths';
import type { FolderConfig } from './folder-configs';

export interface CheckedDocument {
  version: number;
  findings: Finding[];
  /** Why the document was not checked, when it was not. */
  skipped?: string;
  ms: number;
}

export interface CheckTarget {
  uri: string;
  file: string;
  version: number;
  text: string;
  languageId: string;
}

/** Runs the engine on one document and keeps its findings for code actions. */
export class DocumentChecker {
  private readonly results = new Map<string, CheckedDocument>();

  constructor(private readonly docsUrl: (ruleId: string, explicit?: string) => string | undefined) {}

  check(doc: CheckTarget, folder: FolderConfig | undefined, fallback: Policy, maxBytes: number): CheckedDocument {
    const start = performance.now();
    const policy = folder?.policy ?? fallback;
    const rel = folder ? toPosix(path.relative(folder.root, doc.file)) : path.basename(doc.file);
    let result: CheckedDocument;
    if (doc.text.length > maxBytes / 3 && Buffer.byteLength(doc.text) > maxBytes) {
      result = { version: doc.version, findings: [], skipped: `file is larger than ${formatBytes(maxBytes)} (conductor.maxFileSizeMB)`, ms: 0 };
    } else if (policy.isIgnored(rel)) {
      result = { version: doc.version, findings: [], skipped: 'ignored by the rule file', ms: 0 };
    } else {
      const root = folder?.root;
      const findings = checkDocument({ relPath: rel, text: doc.text, languageId: doc.languageId, root }, policy, {
        docsUrl: this.docsUrl,
        fileExists: root ? (p) => fs.existsSync(path.join(root, p)) : undefined,
      });
      result = { version: doc.version, findings, ms: 0 };
    }
    result.ms = performance.now() - start;
    this.results.set(doc.uri, result);
    return result;
  }

  get(uri: string): CheckedDocument | undefined {
    return this.results.get(uri);
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }
}

