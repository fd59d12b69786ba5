#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns (its `vscodeExecutablePath`).
// It understands the arguments runTests passes to desktop VS Code and runs the same suite in code-server instead:
//   <folder>                              → the workspace to open (from launchArgs)
//   --extensionDevelopmentPath=<dir>      → the extension under test (repeatable)
//   --extensionTestsPath=<index.js>       → the mocha entry exporting run()
//   --user-data-dir=<dir>, --extensions-dir=<dir> → passed on to code-server
// Desktop-only flags (--no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome, --skip-release-notes,
// --no-cached-data, --disable-workspace-trust, …) are accepted and ignored: code-server runs with the equivalents.
// Not a VS Code argument, so it comes through the environment (runTests' extensionTestsEnv):
//   CONDUCTOR_E2E_TOOLS (required)  the toolchain dir made by setup-toolchain.sh
//   CONDUCTOR_E2E_SHOT              where to save a screenshot of the workbench when the suite ends
//   CONDUCTOR_E2E_TIMEOUT_MS        whole-run timeout (default 900000: the suite takes ~4 min on an idle 2-core machine, more under load)
'use strict';
const { runInCodeServer } = require('./run-in-code-server');

function parse(argv) {
  const out = { ext: [], folders: [], ignored: [] };
  const valued = { extensionDevelopmentPath: 'ext', extensionTestsPath: 'tests', 'user-data-dir': 'userDataDir', 'extensions-dir': 'extensionsDir' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) {
      out.folders.push(a);
      continue;
    }
    const key = valued[m[1]];
    if (!key) {
      out.ignored.push(a);
      continue;
    }
    const value = m[2] !== undefined ? m[2] : argv[++i]; // both --k=v and --k v
    if (key === 'ext') {
      out.ext.push(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

const a = parse(process.argv.slice(2));
const tools = process.env.CONDUCTOR_E2E_TOOLS;
if (!tools || !a.tests || a.ext.length === 0 || a.folders.length !== 1) {
  console.error(
    'code-shim: need CONDUCTOR_E2E_TOOLS, --extensionTestsPath=, --extensionDevelopmentPath= and exactly one folder; got ' +
      JSON.stringify({ tools, ...a }),
  );
  process.exit(2);
}
runInCodeServer({
  tools,
  ext: a.ext,
  tests: a.tests,
  workspace: a.folders[0],
  shot: process.env.CONDUCTOR_E2E_SHOT || undefined,
  timeoutMs: Number(process.env.CONDUCTOR_E2E_TIMEOUT_MS || 900000),
  userDataDir: a.userDataDir,
  extensionsDir: a.extensionsDir,
}).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
