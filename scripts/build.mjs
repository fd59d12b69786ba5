// Bundles the three entry points with esbuild and generates the rule-file JSON Schema from zod.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const production = process.argv.includes('--production');
// --outdir DIR: bundle elsewhere than dist/ (scripts/pack-cli.mjs stages the npm package this way).
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex === -1 ? 'dist' : process.argv[outIndex + 1];
const uplotText = (file) => JSON.stringify(readFileSync(require.resolve(`uplot/dist/${file}`), 'utf8'));
const PAGE_DIR = 'server/src/report/html/page';

// The report pages' scripts (browser TypeScript, their own tsconfig with DOM types) as text for the
// renderer to inline; the same options as server/src/report/html/page-scripts.ts uses unbundled.
const pageText = async (name) => {
  const out = await esbuild.build({
    entryPoints: [`${PAGE_DIR}/${name}-page.ts`],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    minify: production,
    write: false,
    logLevel: 'warning',
  });
  return JSON.stringify(out.outputFiles[0].text);
};
const [reportPage, orgPage] = await Promise.all([pageText('report'), pageText('org')]);

/** esbuild does not type-check: the page project is checked here, as `npm run compile` checks the rest. */
function typeCheckPages() {
  const ts = require('typescript');
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
  const config = ts.getParsedCommandLineOfConfigFile(`${PAGE_DIR}/tsconfig.json`, {}, host);
  const problems = [...config.errors, ...ts.getPreEmitDiagnostics(ts.createProgram(config.fileNames, config.options))];
  if (problems.length > 0) {
    fail(problems);
  }
  function fail(diagnostics) {
    const format = { getCanonicalFileName: (f) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
    console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, format));
    process.exit(1);
  }
}
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
  // The pages' own scripts likewise (server/src/report/html/page-scripts.ts).
  define: {
    VERSION: JSON.stringify(pkg.version),
    UPLOT_JS: uplotText('uPlot.iife.min.js'),
    UPLOT_CSS: uplotText('uPlot.min.css'),
    REPORT_PAGE_JS: reportPage,
    ORG_PAGE_JS: orgPage,
  },
};

mkdirSync(outdir, { recursive: true });
const bundles = Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: `${outdir}/server.js` }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: `${outdir}/cli.js` }),
  // The CLI's scan workers (worker_threads) load their own entry, next to cli.js.
  esbuild.build({ ...common, entryPoints: ['server/src/scan/scan-worker.ts'], outfile: `${outdir}/scan-worker.js` }),
  // The GitHub Action's entry (action.yml): it runs the cli.js next to it.
  esbuild.build({ ...common, entryPoints: ['server/src/action/run-action.ts'], outfile: `${outdir}/action.js` }),
  esbuild.build({ ...common, sourcemap: false, entryPoints: ['server/src/engine/config/schema.ts'], outfile: `${outdir}/.schema.cjs` }),
]);
typeCheckPages(); // while esbuild bundles in its own process
await bundles;

// The JSON Schema VS Code uses for IntelliSense is derived from the zod schema, never written by hand.
const { ruleFile } = require(path.resolve(outdir, '.schema.cjs'));
const { z } = require('zod');
const schema = z.toJSONSchema(ruleFile, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
schema.title = 'Conductor rule file';
writeFileSync(`${outdir}/rules.schema.json`, JSON.stringify(schema, null, 2) + '\n');
rmSync(`${outdir}/.schema.cjs`);
