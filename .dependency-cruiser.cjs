// The layer table of ARCHITECTURE.md as rules; `npm run lint` fails on a cycle or an import against it.
const S = '^server/src/';
const layer = (...names) => `${S}(${names.join('|')})/`;

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Leaf helpers live at the bottom; nothing imports back up.', from: {}, to: { circular: true } },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: 'The engine gets files, git and the network as arguments; it imports no other layer.',
      from: { path: `${S}engine/` },
      to: { path: [`${S}(?!engine/)`, '^client/'] },
    },
    {
      name: 'engine-does-no-io',
      severity: 'error',
      comment: 'Host services (files, processes, network, threads) are injected into the engine.',
      from: { path: `${S}engine/` },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|http|https|tls|worker_threads|dgram|cluster)$' },
    },
    {
      name: 'protocol-is-types',
      severity: 'error',
      comment: 'The custom LSP messages are one module both sides import; it imports no other layer.',
      from: { path: `${S}protocol/` },
      to: { path: [`${S}(?!protocol/)`, '^client/'] },
    },
    {
      name: 'host-serves-everyone',
      severity: 'error',
      comment: 'Host services sit just above the engine.',
      from: { path: `${S}host/` },
      to: { path: [layer('scan', 'org-fetch', 'report', 'instructions', 'mcp', 'lsp', 'cli', 'action', 'protocol'), '^client/'] },
    },
    {
      name: 'scan-and-org-fetch-below-hosts',
      severity: 'error',
      from: { path: layer('scan', 'org-fetch') },
      to: { path: [layer('report', 'instructions', 'mcp', 'lsp', 'cli', 'action', 'protocol'), '^client/'] },
    },
    {
      name: 'org-fetch-and-scan-are-separate',
      severity: 'error',
      from: { path: layer('scan') },
      to: { path: layer('org-fetch') },
    },
    {
      name: 'features-below-hosts',
      severity: 'error',
      comment: 'Reports, instruction files and the MCP server are called by the CLI and the server; they never call back.',
      from: { path: layer('report', 'instructions', 'mcp') },
      to: { path: [layer('lsp', 'cli', 'action', 'protocol'), '^client/'] },
    },
    {
      name: 'lsp-is-not-the-cli',
      severity: 'error',
      from: { path: layer('lsp') },
      to: { path: [layer('cli', 'report', 'mcp', 'action'), '^client/'] },
    },
    {
      name: 'cli-is-not-the-server',
      severity: 'error',
      from: { path: layer('cli') },
      to: { path: [layer('lsp', 'protocol', 'action'), '^client/'] },
    },
    {
      name: 'action-spawns-the-cli',
      severity: 'error',
      comment: 'The GitHub Action runs the bundled cli.js as a process; it links nothing of ours.',
      from: { path: layer('action') },
      to: { path: [`${S}(?!action/)`, '^client/'] },
    },
    {
      name: 'client-talks-protocol',
      severity: 'error',
      comment: 'The client imports the protocol module and the pure provenance writer, nothing else of the server.',
      from: { path: '^client/' },
      to: {
        path: '^server/',
        pathNot: [`${S}protocol/`, `${S}engine/provenance/`, `${S}engine/text/languages\\.ts$`, `${S}engine/types\\.ts$`],
      },
    },
    {
      name: 'only-the-client-imports-vscode',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(vscode|vscode-languageclient)(/|$)', dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-no-pkg', 'unknown', 'undetermined', 'core'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|node_modules)/' },
  },
};
