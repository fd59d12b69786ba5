import * as assert from 'node:assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parse } from 'jsonc-parser';
import { loadRules, policyFor, REPO_ROOT, RULES_DIR, scan } from './helpers';

interface PatternJson {
  id: string;
  severity?: string;
  keywords?: string[];
}
interface RuleFileJson {
  name: string;
  extends?: string[];
  patterns?: PatternJson[];
  rules?: Record<string, { severity: string; aiSeverity?: string }>;
}

/** scripts/gen-rule-docs.mjs, loaded in this process (an ES module: imported, not required). */
interface RuleDocGenerator {
  BEGIN: string;
  END: string;
  staleRuleDocs(root?: string): string[];
  ruleDocPages(root?: string): { file: string; text?: string; error?: string }[];
}
const ruleDocGenerator = async (): Promise<RuleDocGenerator> => (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'gen-rule-docs.mjs')).href)) as RuleDocGenerator;

const read = (name: string): RuleFileJson => parse(fs.readFileSync(path.join(RULES_DIR, `${name}.jsonc`), 'utf8')) as RuleFileJson;
const MINE = ['secrets', 'security', 'data'];

describe('built-in rulesets', () => {
  for (const name of [...MINE, 'strict-ai']) {
    it(`conductor:${name} loads with zero problems and names itself`, () => {
      const policy = policyFor(name);
      assert.strictEqual(read(name).name, `conductor:${name}`);
      assert.ok(policy.resolved.patterns.size > 0);
    });
  }

  it('all rulesets load together without conflicting ids', () => {
    const seen = new Map<string, string>();
    for (const name of ['recommended', ...MINE]) {
      for (const p of read(name).patterns ?? []) {
        assert.ok(!seen.has(p.id), `${p.id} is defined in ${seen.get(p.id)} and ${name}`);
        seen.set(p.id, name);
        assert.ok(p.id.startsWith(`${name === 'recommended' ? '' : name}`), `${p.id} in ${name}`);
      }
    }
    policyFor('recommended', ...MINE);
  });

  it('writes keywords in lower case (the prefilter compares lower-cased text)', () => {
    for (const name of MINE) {
      for (const p of read(name).patterns ?? []) {
        for (const k of p.keywords ?? []) {
          assert.strictEqual(k, k.toLowerCase(), `${p.id}: ${k}`);
        }
      }
    }
  });

  describe('conductor:strict-ai', () => {
    it('extends the other rulesets and raises every rule to error inside AI regions', () => {
      const strict = read('strict-ai');
      assert.deepStrictEqual(strict.extends, ['conductor:recommended', 'conductor:secrets', 'conductor:security', 'conductor:data']);
      const expected: Record<string, { severity: string; aiSeverity: string }> = {};
      for (const name of ['recommended', ...MINE]) {
        for (const p of read(name).patterns ?? []) {
          expected[p.id] = { severity: p.severity ?? 'warning', aiSeverity: 'error' };
        }
      }
      assert.deepStrictEqual(strict.rules, expected, 'strict-ai.jsonc must list every built-in pattern with its own severity and aiSeverity "error"');
    });

    it('keeps severities outside AI regions and reports errors inside them', () => {
      const policy = policyFor('strict-ai');
      const line = 'logger.info("signup", user.email);';
      const text = ['function a() {', `  ${line}`, '}', '// @ai-generated begin id=7f3a tool=copilot', `${line}`, '// @ai-generated end id=7f3a', ''].join('\n');
      const findings = scan(policy, 'src/a.ts', text).filter((f) => f.ruleId === 'data/pii-in-logs');
      assert.deepStrictEqual(findings.map((f) => [f.range.start.line, f.severity]), [[1, 'warning'], [4, 'error']]);
    });

    it('lets a team turn a rule down on top of it', () => {
      const { policy, problems } = loadRules({ extends: ['conductor:strict-ai'], rules: { 'secrets/jwt': 'off', 'data/pii-in-logs': 'info' } });
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(policy!.rulesFor('a.ts').get('secrets/jwt'), undefined);
      assert.strictEqual(policy!.rulesFor('a.ts').get('data/pii-in-logs')?.severity, 'info');
    });
  });

  describe('documentation pages', () => {
    it('exist for every rule and their generated blocks match the rulesets (node scripts/gen-rule-docs.mjs)', async () => {
      assert.deepStrictEqual((await ruleDocGenerator()).staleRuleDocs(), []);
    });

    it('the generator rewrites only the block between the markers and reports a stale one', async () => {
      const gen = await ruleDocGenerator();
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-rule-docs-'));
      try {
        fs.cpSync(RULES_DIR, path.join(root, 'rules'), { recursive: true });
        const page = path.join(root, 'rules', 'docs', 'secrets', 'aws-access-key-id.md');
        const original = fs.readFileSync(page, 'utf8');
        const prose = original.replace('On its own it identifies a key', 'Alone it identifies a key');
        fs.writeFileSync(page, prose.replace('**Default:** error', '**Default:** info'));
        assert.deepStrictEqual(gen.staleRuleDocs(root), [`${page}: generated block out of date`]);
        const [updated] = gen.ruleDocPages(root).filter((p) => p.file === page);
        assert.strictEqual(updated.text, prose, 'the block is regenerated and the edited prose is kept');
        fs.writeFileSync(page, original.replace(gen.BEGIN, ''));
        assert.deepStrictEqual(gen.staleRuleDocs(root), [`${page}: no ${gen.BEGIN} … ${gen.END} block`]);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });

    const EXT: Record<string, string> = { ts: 'ts', js: 'js', py: 'py', java: 'java', go: 'go', json: 'json', yaml: 'yaml', sh: 'sh', ini: 'ini', cs: 'cs' };
    const policy = policyFor(...MINE);
    for (const name of MINE) {
      for (const p of read(name).patterns ?? []) {
        it(`${p.id}: the Bad example is reported and the Good one is not`, () => {
          const md = fs.readFileSync(path.join(RULES_DIR, 'docs', `${p.id}.md`), 'utf8');
          for (const section of ['How it matches', 'Bad', 'Good', 'When to suppress']) {
            assert.ok(md.includes(`## ${section}\n`), `${p.id}: missing "## ${section}"`);
          }
          const [bad, good] = ['Bad', 'Good'].map((s) => new RegExp(`## ${s}\\n\`\`\`(\\w+)\\n([\\s\\S]*?)\\n\`\`\``).exec(md));
          assert.ok(bad && good, `${p.id}: code blocks`);
          const file = (lang: string) => `${p.id.startsWith('data/') && p.id.includes('fixture') ? 'test/fixtures/' : 'src/'}example.${EXT[lang] ?? 'txt'}`;
          const hits = (m: RegExpExecArray) => scan(policy, file(m[1]), m[2] + '\n').filter((f) => f.ruleId === p.id).length;
          if (!bad[2].includes('…')) {
            assert.ok(hits(bad) > 0, `${p.id}: Bad example not reported`);
          }
          assert.strictEqual(hits(good), 0, `${p.id}: Good example reported`);
        });
      }
    }
  });

  it('leaves no credential-shaped literal in the rulesets, their docs, tests or generator', () => {
    const policy = policyFor('secrets');
    const files: string[] = [path.join(REPO_ROOT, 'scripts', 'gen-rule-docs.mjs')];
    const walk = (dir: string, ext: RegExp): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          walk(p, ext);
        } else if (ext.test(e.name)) {
          files.push(p);
        }
      }
    };
    walk(RULES_DIR, /\.(jsonc|md)$/);
    walk(path.join(REPO_ROOT, 'test', 'unit', 'rulesets'), /\.ts$/);
    const found = files.flatMap((f) =>
      scan(policy, path.relative(REPO_ROOT, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8')).map(
        (x) => `${path.relative(REPO_ROOT, f)}:${x.range.start.line + 1} ${x.ruleId}`,
      ),
    );
    assert.deepStrictEqual(found, []);
  });

  describe('performance', () => {
    const policy = policyFor('strict-ai');
    const inputs: Record<string, string> = {
      'one long line of letters': 'a'.repeat(300_000),
      'long base64 run': 'QUJD'.repeat(75_000),
      'many secret-looking assignments': 'const token = getToken(request, options);\n'.repeat(10_000),
      'many quotes and SQL words': `q = "SELECT a FROM t WHERE x = '" + "'";\n`.repeat(5_000),
      'minified-style code': ('console.log(a.b,c.d);logger.info("x",{e:f});var token=g(h);').repeat(8_000),
      'deep nesting': '('.repeat(50_000) + ')'.repeat(50_000),
      'unterminated key header': '-----BEGIN RSA PRIVATE KEY-----\n' + 'A'.repeat(200_000),
    };
    for (const [label, text] of Object.entries(inputs)) {
      it(`scans ${label} (${Math.round(text.length / 1000)} KB) quickly`, function () {
        this.timeout(20_000);
        const start = Date.now();
        for (const file of ['src/a.ts', 'app/a.py', 'test/fixtures/a.json', '.env']) {
          scan(policy, file, text);
        }
        assert.ok(Date.now() - start < 8_000, `${Date.now() - start} ms`);
      });
    }
  });
});
