// A seeded fuzzer for the built language server: random and hostile edits (out-of-range and reversed
// ranges, huge inserts, CR/CRLF, provenance marker fragments, suppression comments) and rule-file
// edits that are sometimes invalid, then the final diagnostics are compared with a fresh
// `conductor check --format json` of the final texts. Used by fuzz.test.ts (small) and scripts/fuzz-lsp.mjs (large).
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeTextDocumentNotification, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { makeTempWorkspace, ruleFileText } from '../helpers/temp-workspace';
import { LspClient } from './lsp-client';
import { runCli } from '../cli/run-cli';

export interface FuzzResult {
  ops: number;
  seed: number;
  ms: number;
  /** Rule-file edits, and how many of them were invalid. */
  ruleEdits: number;
  invalidRuleEdits: number;
  finalBytes: number;
  /** Diagnostics as `ruleId@line:char-line:char`, sorted: the server's and the CLI's. */
  server: string[];
  cli: string[];
  stderr: string;
  exitCode: number | null | undefined;
}

const PATTERN_A = [
  { id: 'fuzz/no-exec', regex: '\\bexec\\(', message: 'No exec()', severity: 'error', in: 'code', fix: 'run(' },
  { id: 'fuzz/fixme', regex: 'FIXME', message: 'Resolve the FIXME', severity: 'warning', in: 'comments' },
  { id: 'fuzz/todo', regex: 'TODO', message: 'A TODO', severity: 'info', in: 'any' },
];
const PATTERN_B = [{ id: 'fuzz/console', regex: 'console\\.log\\(', message: 'No console.log', severity: 'warning', in: 'code' }];
const VALID_RULES = [ruleFileText({ name: 'fuzz-a', patterns: PATTERN_A }), ruleFileText({ name: 'fuzz-b', patterns: [...PATTERN_A.slice(0, 1), ...PATTERN_B] })];
const INVALID_RULES = [
  '{ "name": "broken", "patterns": [',
  ruleFileText({ name: 5 }),
  ruleFileText({ name: 'redos', patterns: [{ id: 'fuzz/redos', regex: '(a+)+$', message: 'm' }] }),
  ruleFileText({ name: 'unknown', extends: ['conductor:does-not-exist'] }),
  '{"name": "deep", "rules": ' + '{"a": '.repeat(20_000) + '1' + '}'.repeat(20_000) + '}',
];
const FINAL_RULES = ruleFileText({ name: 'fuzz-final', patterns: [...PATTERN_A, ...PATTERN_B] });

const FRAGMENTS = [
  'exec(x); ',
  'console.log(1);',
  '// FIXME later',
  'TODO',
  '\n',
  '\r\n',
  '\r',
  '  ',
  'é中ß',
  'const a = "exec(";',
  '/* exec( */',
  '`${exec(',
  '// @ai-generated begin id=f1 tool=copilot use=tests at=2026-11-24T10:31Z\n',
  '// @ai-generated end id=f1\n',
  '// @ai-generated begin id=f2\r\n',
  '// @ai-generated end id=zz\n',
  '@ai-generated',
  '// @end-ai-generated',
  '// @ai-generated',
  '// conductor-disable-next-line fuzz/no-exec -- fuzzing\n',
  '// conductor-disable-next-line fuzz/unknown -- why\n',
  '// conductor-disable-next-line fuzz/no-exec\n',
  '// conductor-disable-next-line\n',
];
/** Keeps the document well under the server's and the CLI's size limits. */
const MAX_TEXT = 300_000;

/** mulberry32: the same seed gives the same run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runFuzz(seed: number, ops: number, log: (line: string) => void = () => undefined): Promise<FuzzResult> {
  const random = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const start = performance.now();
  const ws = makeTempWorkspace({ '.conductor/rules.jsonc': VALID_RULES[0], 'src/f.ts': 'export const a = 1;\n' }, 'conductor-fuzz-');
  const client = await LspClient.start({ folders: [ws.root] });
  try {
    const uri = ws.uri('src/f.ts');
    const rulesUri = ws.uri('.conductor/rules.jsonc');
    let doc = TextDocument.create(uri, 'typescript', 1, 'export const a = 1;\n');
    await client.open(uri, doc.getText(), 'typescript');
    await client.open(rulesUri, VALID_RULES[0], 'jsonc');
    let ruleEdits = 0;
    let invalidRuleEdits = 0;

    const send = async (changes: TextDocumentContentChangeEvent[]): Promise<void> => {
      doc = TextDocument.update(doc, changes, doc.version + 1);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: changes });
    };
    const position = (): { line: number; character: number } => ({ line: int(-2, doc.lineCount + 2), character: int(-2, 90) });
    const edit = (): TextDocumentContentChangeEvent => {
      const s = position();
      const r = random();
      const e = r < 0.6 ? s : r < 0.95 ? { line: s.line + int(-1, 3), character: int(-2, 90) } : position();
      const text = random() < 0.02 ? pick(FRAGMENTS).repeat(int(500, 6000)) : random() < 0.2 ? '' : Array.from({ length: int(1, 3) }, () => pick(FRAGMENTS)).join('');
      return { range: { start: s, end: e }, text };
    };

    for (let i = 0; i < ops; i++) {
      const r = random();
      if (doc.getText().length > MAX_TEXT) {
        await send([{ range: { start: { line: int(0, 10), character: 0 }, end: { line: doc.lineCount + 5, character: 0 } }, text: '' }]);
      } else if (r < 0.83) {
        await send(Array.from({ length: random() < 0.8 ? 1 : int(2, 4) }, edit));
      } else if (r < 0.85) {
        await send([{ text: Array.from({ length: int(0, 200) }, () => pick(FRAGMENTS)).join('') }]);
      } else if (r < 0.9) {
        ruleEdits++;
        const invalid = random() < 0.5;
        invalidRuleEdits += invalid ? 1 : 0;
        await client.setText(rulesUri, invalid ? pick(INVALID_RULES) : pick(VALID_RULES));
      } else {
        // A sync point: let the server catch up with the current version before more changes.
        const version = doc.version;
        await client.waitForDiagnostics(uri, (_d, p) => p.version === version, { what: `diagnostics for version ${version}`, timeoutMs: 60_000 });
      }
      if (i % 1000 === 999) {
        log(`  ${i + 1} ops, ${doc.getText().length} chars, version ${doc.version}`);
      }
    }

    // End on a known valid rule file, wait until the server has loaded it, then ask for the final version's diagnostics.
    await client.setText(rulesUri, FINAL_RULES);
    await client.waitForStatus((s) => s.folders[0]?.rulesetName === 'fuzz-final' && s.folders[0].configErrors === 0, 60_000);
    await send([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const final = doc.version;
    const diagnostics = await client.waitForDiagnostics(uri, (_d, p) => p.version === final, { what: `the final version ${final}`, timeoutMs: 60_000 });

    fs.writeFileSync(ws.path('src/f.ts'), doc.getText());
    fs.writeFileSync(ws.path('.conductor/rules.jsonc'), FINAL_RULES);
    return {
      ops,
      seed,
      ms: performance.now() - start,
      ruleEdits,
      invalidRuleEdits,
      finalBytes: Buffer.byteLength(doc.getText()),
      server: diagnostics.map(serverKey).sort(),
      cli: cliFindings(ws.root),
      stderr: client.stderr,
      exitCode: client.exitCode,
    };
  } finally {
    client.dispose();
    ws.remove();
  }
}

function serverKey(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${String(d.code)}@${start.line}:${start.character}-${end.line}:${end.character}`;
}

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The CLI's findings for src/f.ts, in the same form as serverKey. */
function cliFindings(root: string): string[] {
  const r = runCli(['check', '--format', 'json', '--fail-on', 'never'], root);
  if (r.status !== 0) {
    throw new Error(`conductor check exited ${r.status}: ${r.stderr}`);
  }
  const report = JSON.parse(r.stdout) as { results: { path: string; findings: JsonFinding[] }[] };
  const file = report.results.find((f) => f.path === 'src/f.ts');
  return (file?.findings ?? []).map((f) => `${f.ruleId}@${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1}`).sort();
}
