import * as vscode from 'vscode';

// Known AI assistants by extension id, most specific first: the first active one names `tool=`.
const KNOWN_TOOLS: [extensionId: string, tool: string][] = [
  ['GitHub.copilot-chat', 'copilot-chat'],
  ['GitHub.copilot', 'copilot'],
  ['Codeium.codeium', 'codeium'],
  ['Codeium.windsurfPyright', 'windsurf'],
  ['TabNine.tabnine-vscode', 'tabnine'],
  ['Continue.continue', 'continue'],
  ['sourcegraph.cody-ai', 'cody'],
  ['AmazonWebServices.amazon-q-vscode', 'amazon-q'],
  ['amazonwebservices.aws-toolkit-vscode', 'amazon-q'],
  ['Google.geminicodeassist', 'gemini'],
  ['Anthropic.claude-code', 'claude'],
  ['saoudrizwan.claude-dev', 'cline'],
  ['RooVeterinaryInc.roo-cline', 'roo'],
  ['supermaven.supermaven', 'supermaven'],
];

/** The AI tool to record for an insertion: the active assistant extension, or `unknown`. */
export function activeAiTool(kind: 'completion' | 'chat'): string {
  const active = KNOWN_TOOLS.filter(([id]) => vscode.extensions.getExtension(id)?.isActive);
  if (active.length === 0) {
    return 'unknown';
  }
  if (kind === 'completion') {
    // Chat extensions do not produce ghost text (and desktop VS Code starts Copilot Chat for everyone).
    return active.find(([, tool]) => tool !== 'copilot-chat')?.[1] ?? 'unknown';
  }
  return active[0][1];
}
