// Bundles the engine (and, for the phase profile, the CLI's scan helpers) into .bench/engine.cjs with
// esbuild, so the benchmarks run exactly the code the server and CLI bundle, in this process.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';

const require = createRequire(import.meta.url);

/** Namespace re-exports never fail on a renamed export; missing files are left out. */
const OPTIONAL_INTERNALS = {
  lexer: 'server/src/engine/text/lexer.ts',
  patternCheck: 'server/src/engine/check/pattern-check.ts',
  secretScreen: 'server/src/engine/check/secret-screen.ts',
  documentContext: 'server/src/engine/check/document-context.ts',
  walk: 'server/src/host/walk-files.ts',
  readText: 'server/src/host/read-text-file.ts',
  jsonFormat: 'server/src/cli/format/json.ts',
};

export async function buildEngine(repo, outDir) {
  mkdirSync(outDir, { recursive: true });
  const lines = ["export * from './server/src/engine/index.ts';"];
  for (const [name, file] of Object.entries(OPTIONAL_INTERNALS)) {
    if (existsSync(path.join(repo, file))) {
      lines.push(`export * as ${name} from './${file}';`);
    }
  }
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const outfile = path.join(outDir, 'engine.cjs');
  await esbuild.build({
    stdin: { contents: lines.join('\n'), resolveDir: repo, sourcefile: 'bench-engine-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    define: { VERSION: JSON.stringify(pkg.version) },
    outfile,
  });
  delete require.cache[outfile];
  return require(outfile);
}

/** A config host on disk, with the repo's built-in rulesets (what dist/server.js and dist/cli.js use). */
export function diskHost(repo) {
  return {
    builtinDir: path.join(repo, 'rules'),
    readFile(file) {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
