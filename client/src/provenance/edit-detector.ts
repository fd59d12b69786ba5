import * as vscode from 'vscode';
import { activeAiTool } from './ai-tool';
import { markInsertionInDocument } from './mark-insertion';
import { chatSessionBaseline } from './chat-session-baseline';
import { provenanceSettings } from './provenance-settings';

/** Documents whose changes are not classified right now, with how many such spans are open (see `withoutDetection`). */
const exempt = new Map<string, number>();

/**
 * Runs `f` without classifying the changes it makes to `doc`: for insertions whose origin is already known, such as
 * an accepted inline completion, which `inline-accept` tags itself. Changes to other documents are still classified.
 */
export async function withoutDetection<T>(doc: vscode.TextDocument, f: () => Thenable<T>): Promise<T> {
  const key = doc.uri.toString();
  exempt.set(key, (exempt.get(key) ?? 0) + 1);
  try {
    return await f();
  } finally {
    const left = (exempt.get(key) ?? 1) - 1;
    if (left > 0) {
      exempt.set(key, left);
    } else {
      exempt.delete(key);
    }
  }
}

/** A large insertion seen in a change event, to be classified (chat edit, paste, or human). */
interface Candidate {
  doc: vscode.TextDocument;
  version: number;
  offset: number;
  text: string;
  lines: number;
  /** The chat editing session's copy of the file as it was before the session, if one held the file at the change. */
  baseline: vscode.TextDocument | undefined;
}

/**
 * Tags chat edits, which it identifies positively: a chat editing session holds the file (its baseline document
 * exists) when the insertion arrives, and the session did not copy the insertion into that baseline (VS Code copies
 * the user's own edits there, not the chat's). Any other change is human: reloads from disk, formatters, snippets,
 * refactorings, other extensions' edits, undo/redo. A large paste, whose origin nobody knows, is asked about.
 * Work per event is O(size of the change); the baseline is searched once per large insertion in a session file.
 */
export class EditDetector implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Set while Conductor itself edits, so its own marker edits are not taken for AI code. */
  private selfEditing = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)));
  }

  /** Runs an edit of Conductor's own without classifying it. */
  async asSelf<T>(f: () => Thenable<T>): Promise<T> {
    this.selfEditing++;
    try {
      return await f();
    } finally {
      this.selfEditing--;
    }
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (this.selfEditing > 0 || e.reason !== undefined || e.document.uri.scheme !== 'file' || e.contentChanges.length === 0 || exempt.has(e.document.uri.toString())) {
      return; // undo/redo, our own edits, accepted completions, or documents that are not files on disk
    }
    const s = provenanceSettings(e.document.uri);
    if (!s.enable) {
      return;
    }
    const min = Math.min(s.minLines, s.pasteMinLines);
    const large = e.contentChanges.map((c) => ({ c, lines: countLines(c.text) })).filter(({ c, lines }) => lines >= min && c.text.length > c.rangeLength);
    if (large.length === 0) {
      return;
    }
    // Looked up now: the session may end (and its baseline close) before the classification runs.
    const baseline = chatSessionBaseline(e.document.uri);
    for (const { c, lines } of large) {
      void this.classify({ doc: e.document, version: e.document.version, offset: c.rangeOffset, text: c.text, lines, baseline });
    }
  }

  private async classify(c: Candidate): Promise<void> {
    const s = provenanceSettings(c.doc.uri);
    const clipboard = await vscode.env.clipboard.readText();
    // Read after a round trip to the workbench: the dirty flag of a change reaches extensions after the change itself.
    if (!c.doc.isDirty) {
      return; // the buffer equals the file on disk: reloaded after a checkout, a pull, or a tool writing the file
    }
    if (normalize(clipboard) === normalize(c.text)) {
      if (s.pastePrompt && c.lines >= s.pasteMinLines) {
        await this.askAboutPaste(c);
      }
      return;
    }
    if (!c.baseline || s.chatEdits === 'off' || c.lines < s.minLines) {
      return; // not known to come from an AI: the user's own change
    }
    // VS Code's copy of a user edit into the baseline has arrived by now, too.
    if (c.baseline.getText().includes(c.text)) {
      this.log.info(`Edit in ${c.doc.uri.fsPath} during a chat session was the user's (VS Code copied it into the session's baseline); not tagged.`);
      return;
    }
    if (s.chatEdits === 'confirm') {
      await this.confirmAndMark(c, `A chat edit added ${c.lines} lines to ${vscode.workspace.asRelativePath(c.doc.uri)}. Tag them as AI-generated?`);
      return;
    }
    await this.mark(c, activeAiTool('chat'));
  }

  private async askAboutPaste(c: Candidate): Promise<void> {
    await this.confirmAndMark(c, `You pasted ${c.lines} lines. Was this AI-generated?`);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  private async confirmAndMark(c: Candidate, question: string): Promise<void> {
    const answer = await vscode.window.showInformationMessage(question, 'Yes, tag it', 'No');
    if (answer === 'Yes, tag it') {
      await this.mark(c, activeAiTool('chat'));
    }
  }

  private async mark(c: Candidate, tool: string): Promise<void> {
    const offset = locate(c);
    if (offset === undefined) {
      this.log.warn(`AI edit in ${c.doc.uri.fsPath} changed again before it could be tagged; not tagged.`);
      return;
    }
    // A workspace edit, not an editor: a chat edit to a background file must not open it over the user's editor.
    // Never saved here: the markers stay in the buffer, like the chat's own edit, until the user saves.
    const range = new vscode.Range(c.doc.positionAt(offset), c.doc.positionAt(offset + c.text.length));
    const marked = await this.asSelf(() => markInsertionInDocument(c.doc, range, { tool }));
    this.log.info(`AI edit tagged (${tool}) in ${c.doc.uri.fsPath}:${range.start.line + 1}-${range.end.line + 1}${marked ? '' : ' — no safe place for markers'}`);
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}

function normalize(s: string): string {
  return s.replace(/\r\n/g, '\n').trim();
}

/** Where the inserted text is now: at its offset if the document did not change, else nearby. */
function locate(c: Candidate): number | undefined {
  const text = c.doc.getText();
  if (c.doc.version === c.version || text.startsWith(c.text, c.offset)) {
    return text.startsWith(c.text, c.offset) ? c.offset : undefined;
  }
  const found = text.indexOf(c.text, Math.max(0, c.offset - 10_000));
  return found === -1 ? undefined : found;
}
