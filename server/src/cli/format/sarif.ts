import type { Finding, Severity } from '../../engine';
import { fingerprints } from '../../engine';
import type { FileResult } from '../../scan/scan-workspace';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  toolVersion: string;
  /** Absolute URL prefix of the rule docs, for rules without their own docs link. */
  docsBaseUrl: string;
  /** file:// URI of the checked root, ending in `/`. */
  rootUri: string;
}

/** SARIF 2.1.0 with one run, relative paths under %SRCROOT% and line-independent fingerprints. */
export function formatSarif(files: FileResult[], o: SarifOptions): string {
  const rules = new Map<string, Finding>();
  for (const f of files) {
    for (const x of f.findings) {
      if (!rules.has(x.ruleId)) {
        rules.set(x.ruleId, x);
      }
    }
  }
  const ruleIds = [...rules.keys()].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = files.flatMap((f) => {
    const prints = f.text !== undefined ? fingerprints(f.relPath, f.text, f.findings) : [];
    return f.findings.map((x, i) => ({
      ruleId: x.ruleId,
      ruleIndex: index.get(x.ruleId),
      level: LEVEL[x.severity],
      message: { text: x.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.relPath), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: x.range.start.line + 1,
              startColumn: x.range.start.character + 1,
              endLine: x.range.end.line + 1,
              endColumn: x.range.end.character + 1,
            },
          },
        },
      ],
      ...(prints[i] ? { partialFingerprints: { 'conductorFingerprint/v1': prints[i] } } : {}),
      ...(x.properties ? { properties: x.properties } : {}),
    }));
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Conductor',
            informationUri: 'https://github.com/conductor-dev/conductor',
            version: o.toolVersion,
            rules: ruleIds.map((id) => {
              const sample = rules.get(id) as Finding;
              const helpUri = sample.docsUrl?.startsWith('http') ? sample.docsUrl : `${o.docsBaseUrl}${id}.md`;
              return {
                id,
                name: id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
                shortDescription: { text: id },
                helpUri,
                help: { text: `See ${helpUri}` },
                defaultConfiguration: { level: LEVEL[sample.severity] },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: o.rootUri } },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
