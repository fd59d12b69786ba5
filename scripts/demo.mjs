// `npm run demo`: Conductor's checks on the bundled demo workspace (demo/), as CI would run them.
import { spawnSync } from 'child_process';
import path from 'path';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const demo = path.join(root, 'demo');

const step = (title, args) => {
  console.log(`\n\u001b[1m$ conductor ${args.join(' ')}\u001b[0m   # ${title}`);
  return spawnSync(process.execPath, [cli, ...args, '--cwd', demo], { stdio: 'inherit' }).status;
};

const gate = step('the CI gate: exit 1 because the demo has errors', ['check']);
step('AI-written regions and their review state', ['provenance']);
step('the layer graph with violation counts', ['graph']);
console.log(`\nThe gate exited ${gate} (0 clean, 1 findings at or above --fail-on, 2 usage or rule-file error).`);
console.log('See it in a real VS Code: npm run demo:editor');
process.exit(gate === 1 ? 0 : 1); // the demo is meant to fail the gate; anything else is a broken demo
