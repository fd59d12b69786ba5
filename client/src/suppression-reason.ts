import * as vscode from 'vscode';

/** Suppressions need a reason; ask for it before the server writes the comment. */
export function askSuppressionReason(ruleId: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Suppress ${ruleId} on this line`,
    prompt: 'Why is this acceptable here? The reason is written into the code for reviewers.',
    placeHolder: 'e.g. input is a constant from our own config',
    validateInput: (v) => (v.trim().length < 3 ? 'A reason is required (at least 3 characters).' : undefined),
  });
}
