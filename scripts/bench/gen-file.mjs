// Generates a realistic, deterministic TypeScript file of an exact number of lines: imports, JSDoc,
// interfaces, classes, functions with string and template literals, line and block comments, and a
// few planted violations (some in code, some only in comments or strings, where `in: code` rules must
// stay quiet). Secret-looking values are assembled at run time so this source file contains none.
import { rng } from './util.mjs';

const WORDS = [
  'order', 'invoice', 'customer', 'payment', 'session', 'cache', 'report', 'ledger', 'shipment', 'token',
  'account', 'profile', 'event', 'metric', 'queue', 'worker', 'policy', 'review', 'document', 'batch',
];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

// Planted violations, one per block index; each says whether an `in: code` rule should report it.
function violations() {
  const awsKeyId = ['AK', 'IA', 'QYLPMN5', 'HHDXT', 'JZ7B'].join('');
  const pemHeader = ['-----BEGIN', ' RSA PRIVATE', ' KEY-----'].join('');
  const ghToken = ['gh', 'p_', 'x7Kq2LmN9pR4sT6vW8yZ', 'a1B3c5D7e9F0g2H4'].join('');
  return [
    ['  const parsed = eval("(" + raw + ")");'],
    ['  // We used to call eval(payload) here; JSON.parse is safer.'],
    ['  const help = "never call eval(x) on user input";'],
    ['  const fn = new Function("a", "b", "return a + b");'],
    ['  const agent = new https.Agent({ rejectUnauthorized: false });'],
    ['  debugger;'],
    ['  // conductor-disable-next-line security/no-eval -- sandboxed expression evaluator, reviewed in SEC-112', '  const value = eval(expression);'],
    [`  const awsAccessKeyId = "${awsKeyId}";`],
    [`  const pem = "${pemHeader}\\nMIIEow...";`],
    [`  const githubToken = '${ghToken}';`],
    ['  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";'],
    ['  /* describe.only( is handy locally but must never be committed */'],
  ];
}

function block(r, i, planted) {
  const a = WORDS[i % WORDS.length];
  const b = WORDS[(i * 7 + 3) % WORDS.length];
  const n = Math.floor(r() * 900) + 100;
  const A = cap(a);
  const B = cap(b);
  const out = [];
  const kind = i % 4;
  if (kind === 0) {
    out.push(
      `/**`,
      ` * ${A} ${b} record #${n}: the shape the ${b} service returns.`,
      ` * Fields are optional when the upstream API omits them.`,
      ` */`,
      `export interface ${A}${B}${i} {`,
      `  id: string;`,
      `  ${b}Id?: string;`,
      `  amount: number;`,
      `  createdAt: Date;`,
      `  tags: string[];`,
      `}`,
      ``,
    );
  }
  out.push(
    `/** Loads ${a} data for a ${b} and normalises it (${n} ms budget). */`,
    `export async function load${A}For${B}${i}(id: string, opts: { retries?: number } = {}): Promise<${A}${B}Result> {`,
    `  const url = \`\${BASE_URL}/${a}s/\${encodeURIComponent(id)}?include=${b}\`;`,
    `  const retries = opts.retries ?? ${(i % 5) + 1};`,
    `  // Retry transient failures with exponential backoff; give up after \${retries} attempts.`,
    `  for (let attempt = 0; attempt < retries; attempt++) {`,
    `    const res = await fetch(url, { headers: { 'x-request-id': newId('${a}') } });`,
    `    if (res.ok) {`,
    `      const body = (await res.json()) as Raw${A};`,
    `      return { id, ${b}: body.${b} ?? null, total: body.items.reduce((s, x) => s + x.amount, 0) };`,
    `    }`,
    `    await sleep(${n} * 2 ** attempt);`,
    `  }`,
  );
  for (const line of planted ?? []) {
    out.push(line);
  }
  out.push(`  throw new Error('Could not load ${a} ' + id + ' for ${b}: "' + url + '"');`, `}`, ``);
  if (kind === 1) {
    out.push(
      `export class ${A}Repository${i} {`,
      `  private readonly cache = new Map<string, ${A}${B}Result>();`,
      ``,
      `  constructor(private readonly db: Database, private readonly log: Logger) {}`,
      ``,
      `  /* Reads through the cache; a miss goes to the database. */`,
      `  async get(id: string): Promise<${A}${B}Result | undefined> {`,
      `    const hit = this.cache.get(id);`,
      `    if (hit) {`,
      `      this.log.debug(\`cache hit for ${a} \${id}\`);`,
      `      return hit;`,
      `    }`,
      `    const row = await this.db.query('SELECT * FROM ${a}s WHERE id = $1 AND status <> \\'deleted\\'', [id]);`,
      `    return row ? this.remember(id, row) : undefined;`,
      `  }`,
      ``,
      `  private remember(id: string, row: Row): ${A}${B}Result {`,
      `    const value = { id, ${b}: row.${b}_id ?? null, total: Number(row.total) };`,
      `    this.cache.set(id, value);`,
      `    return value;`,
      `  }`,
      `}`,
      ``,
    );
  } else if (kind === 2) {
    out.push(
      `const ${a}Labels${i}: Record<string, string> = {`,
      `  pending: 'Waiting for ${b}',`,
      `  active: "In progress (${n})",`,
      `  done: \`Finished \${new Date().getFullYear()}\`, // shown in the footer`,
      `};`,
      ``,
      `export function format${A}${i}(x: ${A}${B}Result, locale = 'en-US'): string {`,
      `  const total = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(x.total);`,
      `  return \`${A} \${x.id}: \${total} (\${${a}Labels${i}[x.${b} ? 'active' : 'pending']})\`;`,
      `}`,
      ``,
    );
  } else if (kind === 3) {
    out.push(
      `// ---------------------------------------------------------------------------`,
      `// ${A} validation: pure functions, no I/O. See docs/${a}.md for the rules.`,
      `// ---------------------------------------------------------------------------`,
      `export function validate${A}${i}(input: unknown): input is ${A}${B}Result {`,
      `  if (typeof input !== 'object' || input === null) {`,
      `    return false;`,
      `  }`,
      `  const o = input as Record<string, unknown>;`,
      `  return typeof o.id === 'string' && /^[a-z0-9-]{8,}$/.test(o.id) && typeof o.total === 'number';`,
      `}`,
      ``,
    );
  }
  return out;
}

/** Returns { text, lines, planted } with exactly `lineCount` lines (LF, trailing newline). */
export function generateTypeScript(lineCount = 5000, seed = 42) {
  const planted = violations();
  // First pass counts the blocks that fit, second pass spreads the planted lines evenly over them.
  const blocks = build(lineCount, seed, new Map()).blocks;
  const plantAt = new Map(planted.map((p, k) => [Math.floor(((k + 0.5) * blocks) / planted.length), p]));
  const { lines } = build(lineCount, seed, plantAt);
  return { text: lines.join('\n') + '\n', lines, planted: planted.length };
}

function build(lineCount, seed, plantAt) {
  const r = rng(seed);
  const lines = [
    `// Generated by scripts/bench/gen-file.mjs: a realistic service module for latency benchmarks.`,
    `import * as https from 'https';`,
    `import { Database, Logger, Row } from './infra';`,
    `import { newId, sleep } from './util';`,
    ``,
    `const BASE_URL = process.env.API_URL ?? 'https://api.example.com/v2';`,
    ``,
    `export interface BaseResult { id: string; total: number }`,
    ``,
  ];
  const tail = [`// end of generated module`];
  let i = 0;
  for (;;) {
    const next = block(r, i, plantAt.get(i));
    if (lines.length + next.length + tail.length > lineCount) {
      break;
    }
    lines.push(...next);
    i++;
  }
  while (lines.length + tail.length < lineCount) {
    const k = lines.length;
    lines.push(`export const CONSTANT_${k} = ${k} as const; // padding`);
  }
  lines.push(...tail);
  return { lines, blocks: i };
}
