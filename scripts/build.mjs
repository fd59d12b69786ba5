// Bundles the three entry points with esbuild and generates the rule-file JSON Schema from zod.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const production = process.argv.includes('--production');
const uplotText = (file) => JSON.stringify(readFileSync(require.resolve(`uplot/dist/${file}`), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  // uPlot, inlined as text into the HTML report and the dashboard webview (server/src/report/html/uplot-assets.ts).
  define: { VERSION: JSON.stringify(pkg.version), UPLOT_JS: uplotText('uPlot.iife.min.js'), UPLOT_CSS: uplotText('uPlot.min.css') },
};

mkdirSync('dist', { recursive: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // The CLI's scan workers (worker_threads) load their own entry, next to cli.js.
  esbuild.build({ ...common, entryPoints: ['server/src/scan/scan-worker.ts'], outfile: 'dist/scan-worker.js' }),
  esbuild.build({ ...common, sourcemap: false, entryPoints: ['server/src/engine/config/schema.ts'], outfile: 'dist/.schema.cjs' }),
]);

// The JSON Schema VS Code uses for IntelliSense is derived from the zod schema, never written by hand.
const { ruleFile } = require('../dist/.schema.cjs');
const { z } = require('zod');
const schema = z.toJSONSchema(ruleFile, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
schema.title = 'Conductor rule file';
writeFileSync('dist/rules.schema.json', JSON.stringify(schema, null, 2) + '\n');
rmSync('dist/.schema.cjs');
