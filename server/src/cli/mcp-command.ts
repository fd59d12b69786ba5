import * as path from 'path';
import { McpWorkspace } from '../mcp/workspace';
import { serveStdio } from '../mcp/server';
import { parseCliArgs, workspaceRoot } from './cli-args';
import { UsageError } from './cli-config';
import { diskHost } from '../host/disk-config-host';

// conductor mcp: an MCP server over stdio for AI assistants (docs/ai-assistants.md).

export const MCP_HELP = `Usage: conductor mcp [--cwd DIR] [--config FILE]

Runs a Model Context Protocol server on stdin/stdout for AI assistants (VS Code / Copilot agent mode,
Claude Code, Cursor). Tools: check_code, explain_rule, allowed_imports, policy_for_path.
Answers come from the workspace's rule files (reloaded when they change); no network access.

  --cwd <dir>      Workspace root (default: the current directory)
  --config <file>  Rule file (default: .conductor/rules.jsonc or .json, else conductor:recommended)

Register it, e.g.: claude mcp add conductor -- npx conductor mcp
`;

export function runMcp(argv: string[]): Promise<number> | number {
  const { values: v, positionals } = parseCliArgs(argv, { cwd: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (v.help) {
    process.stdout.write(MCP_HELP);
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(`conductor mcp takes no paths (got "${positionals[0]}")\n\n${MCP_HELP}`);
  }
  const root = workspaceRoot(v.cwd);
  const host = diskHost(root);
  if (v.config && host.readFile(path.resolve(root, v.config)) === undefined) {
    throw new UsageError(`Rule file not found: ${v.config}`);
  }
  return serveStdio(new McpWorkspace(root, host, v.config));
}
