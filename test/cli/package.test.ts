// The npm package as a team gets it: `scripts/pack-cli.mjs` packs it, `npm install --save-dev` puts it
// into a fresh project (offline: it has no dependencies), and `npx conductor check` finds the
// project's own findings only.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/paths';

interface JsonResult {
  path: string;
  findings: { ruleId: string; docsUrl?: string }[];
}

describe('npm package @conductor-dev/cli', function () {
  this.timeout(180000);
  let tmp: string;
  let tarball: string;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-package-')));
    tarball = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'pack-cli.mjs'), '--out', tmp], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is publishable, lean and carries only what runs', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.notStrictEqual(manifest.private, true);
    assert.strictEqual(manifest.dependencies, undefined, 'the bundles inline their dependencies');
    assert.ok(fs.statSync(tarball).size < 3 * 1024 * 1024, `tarball is ${fs.statSync(tarball).size} bytes`);
    const entries = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    const outside = entries.filter((e) => !/^package\/(dist\/(cli|server|scan-worker)\.js|dist\/rules\.schema\.json|rules\/.+\.(jsonc|md)|LICENSE|README\.md|package\.json)$/.test(e));
    assert.deepStrictEqual(outside, []);
    for (const required of ['package/dist/cli.js', 'package/dist/scan-worker.js', 'package/rules/recommended.jsonc', 'package/rules/docs/security/no-eval.md']) {
      assert.ok(entries.includes(required), `${required} is packed`);
    }
    const packed = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as { version: string };
    assert.strictEqual(packed.version, (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('installs as a devDependency of a fresh project and checks that project only', () => {
    const project = path.join(tmp, 'project');
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'fresh-project', version: '1.0.0', private: true }));
    fs.writeFileSync(path.join(project, '.gitignore'), 'node_modules/\n');
    fs.writeFileSync(path.join(project, 'src', 'app.js'), 'export function run(code) {\n  return eval(code);\n}\n');
    execFileSync('git', ['init', '-q'], { cwd: project });
    execFileSync('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'pipe' });
    const installed = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    assert.ok(installed.devDependencies['@conductor-dev/cli']);

    const run = spawnSync('npx', ['--offline', 'conductor', 'check', '--format', 'json', '--fail-on', 'never'], { cwd: project, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    assert.strictEqual(run.status, 0, run.stderr);
    const results = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
    assert.deepStrictEqual(
      results.flatMap((r) => r.findings.map((f) => [r.path, f.ruleId])),
      [['src/app.js', 'security/no-eval']],
    );
    // The docs link points into the installed package, at a page that is there.
    const docs = results[0].findings[0].docsUrl ?? '';
    assert.ok(docs.includes('/node_modules/@conductor-dev/cli/rules/docs/'), docs);
    assert.ok(fs.existsSync(new URL(docs)));
  });
});
