// Packs the npm package @conductor-dev/cli (packages/cli/package.json): the production bundles, the built-in
// rulesets and the rule docs the findings link to, staged in a temp folder so the repository's own
// package.json (the VS Code extension manifest) is never what gets packed.
// Usage: node scripts/pack-cli.mjs [--out DIR]   → prints the tarball's path.
import { execFileSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex === -1 ? '.' : process.argv[outIndex + 1]);
const stage = mkdtempSync(path.join(os.tmpdir(), 'conductor-pack-'));
try {
  execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--outdir', path.join(stage, 'dist')], { cwd: root, stdio: 'inherit' });
  // The extension's client bundle needs `vscode`, and the GitHub Action's entry runs from this repository.
  rmSync(path.join(stage, 'dist', 'client.js'));
  rmSync(path.join(stage, 'dist', 'action.js'));
  cpSync(path.join(root, 'rules'), path.join(stage, 'rules'), { recursive: true });
  cpSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
  cpSync(path.join(root, 'packages', 'cli', 'README.md'), path.join(stage, 'README.md'));
  const manifest = JSON.parse(readFileSync(path.join(root, 'packages', 'cli', 'package.json'), 'utf8'));
  manifest.version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const packed = JSON.parse(execFileSync('npm', ['pack', stage, '--pack-destination', out, '--json'], { encoding: 'utf8' }));
  process.stdout.write(path.join(out, packed[0].filename) + '\n');
} finally {
  rmSync(stage, { recursive: true, force: true });
}
