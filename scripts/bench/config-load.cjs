// node scripts/bench/config-load.cjs [repo] (after npm run compile): median ms of loadWorkspaceConfig (three built-ins + a team file, alone and under an org layer) and checkDocument.
const fs = require('fs');
const path = require('path');
const os = require('os');
const repo = path.resolve(process.argv[2] ?? '.');
const E = require(path.join(repo, 'out/server/src/engine/index.js'));
const builtinDir = path.join(repo, 'rules');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfgbench-'));
fs.mkdirSync(path.join(root, '.conductor'));
fs.writeFileSync(path.join(root, '.conductor/rules.jsonc'), JSON.stringify({ extends: ['conductor:recommended', 'conductor:secrets', 'conductor:security'], rules: { 'security/no-eval': 'error' }, ai: { review: { required: true } }, boundaries: { layers: { ui: { paths: ['src/ui/**'] } } } }));
const host = { builtinDir, readFile: (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return undefined; } } };
const org = { file: path.join(root, 'org.jsonc'), text: JSON.stringify({ name: 'acme', extends: ['conductor:recommended'], locked: { rules: ['security/*'], sections: ['ai'] }, ai: { forbidden: [{ paths: ['src/pay/**'], reason: 'x' }] } }) };
const med = (f, n = 200) => { for (let i = 0; i < 20; i++) f(); const t = []; for (let i = 0; i < n; i++) { const s = process.hrtime.bigint(); f(); t.push(Number(process.hrtime.bigint() - s) / 1e6); } t.sort((a, b) => a - b); return t[n >> 1].toFixed(3); };
const plain = E.loadWorkspaceConfig(root, host); const layered = E.loadWorkspaceConfig(root, host, undefined, org);
if (!plain.policy || !layered.policy) throw new Error('no policy');
const text = fs.readFileSync(path.join(repo, 'server/src/engine/check/suppressions.ts'), 'utf8');
console.log(`load (3 built-ins + team): ${med(() => E.loadWorkspaceConfig(root, host))} ms; with org layer: ${med(() => E.loadWorkspaceConfig(root, host, undefined, org))} ms; checkDocument (150-line TS): ${med(() => E.checkDocument({ relPath: 'src/a.ts', text }, layered.policy, { docsUrl: () => undefined }), 500)} ms`);
fs.rmSync(root, { recursive: true, force: true });
