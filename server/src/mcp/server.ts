// `conductor mcp`: the policy as Model Context Protocol tools, over stdio (official SDK). Every answer comes from
// the same engine as the editor and the CI gate, for the workspace's own rule files; nothing goes to the network.
// stdout carries the protocol only: diagnostics go to stderr.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { BoundedStdioTransport } from './bounded-stdio-transport';
import { allowedImports } from './allowed-imports';
import { checkCode } from './check-code';
import { explainRule } from './explain-rule';
import { policyForPath } from './policy-for-path';
import { PolicyUnavailableError, type McpWorkspace } from './workspace';

declare const VERSION: string;
const version = typeof VERSION === 'string' ? VERSION : '0.0.0-dev';

const pathArg = z.string().min(1).describe('Workspace-relative path of the file, e.g. "src/ui/button.ts" (forward slashes).');
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** A tool result: the answer as pretty JSON text (what models read) and as structured content. */
function answer(value: object): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: value as Record<string, unknown> };
}

/** Expected failures (bad path, unknown rule, broken rule file) are tool errors the model can act on. */
function run(compute: () => object): CallToolResult {
  try {
    return answer(compute());
  } catch (e) {
    if (e instanceof RangeError || e instanceof PolicyUnavailableError) {
      return { content: [{ type: 'text', text: e.message }], isError: true };
    }
    throw e;
  }
}

export function createMcpServer(ws: McpWorkspace): McpServer {
  const server = new McpServer(
    { name: 'conductor', version },
    {
      instructions:
        "Conductor governs AI-written code in this repository. Before writing to a file, call policy_for_path (is AI code allowed there, for which use cases) and allowed_imports (layers and packages); after drafting, call check_code with ai: true and the use case; explain_rule explains any finding's rule id.",
    },
  );

  server.registerTool(
    'check_code',
    {
      title: 'Check proposed code',
      description:
        'Checks proposed content for a file against the workspace policy, exactly as the editor and `conductor check` would: pattern rules (security, secrets, data), architectural boundaries (layer imports, undeclared or banned packages, unresolved imports) and, with ai: true, the AI policy (use case approved for the path, forbidden and excluded paths, block size, required tests and review). Proposed AI code is usually not marked yet: ai: true evaluates it as one @ai-generated block. Findings have 1-based lines and columns in the content as given.',
      inputSchema: {
        path: pathArg,
        content: z.string().describe('The full proposed content of the file.'),
        ai: z.boolean().optional().describe('Evaluate the content as AI-written (wrapped in an @ai-generated block for this path). Default false.'),
        useCase: z.string().optional().describe('With ai: the use case the code is for (use=…), e.g. "tests". Without it the use case is inferred from the path and content.'),
        tool: z.string().optional().describe('With ai: the assistant writing it (tool=…), e.g. "copilot", "claude". Default "assistant".'),
      },
      annotations: READ_ONLY,
    },
    (args) => run(() => checkCode(ws, args)),
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description: "Explains a Conductor rule id (e.g. security/no-eval, ai/forbidden-path, boundaries/layer-violation): what it reports, its severity in this workspace, and its documentation page.",
      inputSchema: { id: z.string().min(1).describe('The rule id, as in a finding (ruleId).') },
      annotations: READ_ONLY,
    },
    ({ id }) => run(() => explainRule(ws, id)),
  );

  server.registerTool(
    'allowed_imports',
    {
      title: 'Allowed imports for a file',
      description:
        "What a file may import: its architectural layer, the layers it may and must not import (with reasons) and their public entry points, and packages: whether they must be declared, what the nearest manifest declares, which need no declaration and which are banned.",
      inputSchema: { path: pathArg },
      annotations: READ_ONLY,
    },
    ({ path }) => run(() => allowedImports(ws, path)),
  );

  server.registerTool(
    'policy_for_path',
    {
      title: 'AI policy for a path',
      description:
        'The AI policy for a file: whether AI-written code is forbidden there (and why), whether the file is excluded from AI assistants altogether, the approved use cases, review requirements, and its layer.',
      inputSchema: { path: pathArg },
      annotations: READ_ONLY,
    },
    ({ path }) => run(() => policyForPath(ws, path)),
  );

  return server;
}

/** Serves on stdin/stdout until the client closes stdin. Resolves with the exit code. */
export async function serveStdio(ws: McpWorkspace): Promise<number> {
  const server = createMcpServer(ws);
  const transport = new BoundedStdioTransport();
  const closed = new Promise<number>((resolve) => {
    server.server.onclose = () => resolve(0);
    process.stdin.once('end', () => {
      void server.close().finally(() => resolve(0));
    });
  });
  await server.connect(transport);
  process.stderr.write(`conductor mcp: serving ${ws.root} over stdio\n`);
  return closed;
}
