// The AI-policy glue of the language server (issue 5), black-box over stdio against the BUILT server: ai/* findings
// on AI blocks, their code actions ("Set AI use case to …" edits, "Mark AI block as reviewed", "Take ownership…",
// "Explain the policy") and the server commands behind them (workspace/applyEdit, window/showMessage,
// window/showMessageRequest, window/showDocument). Reviewer identity: the setting conductor.review.identity, else
// the folder's `git config user.email`.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  MessageType,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  type CodeAction,
  type Diagnostic,
  type MessageActionItem,
  type ShowDocumentParams,
  type ShowMessageParams,
  type ShowMessageRequestParams,
} from 'vscode-languageserver-protocol/node';
import type { Settings } from '../../server/src/lsp/settings';
import { assertBuilt } from '../helpers/build';
import { applyTextEdits, lines } from '../helpers/edits';
import { BUILTIN_DIR, SERVER_JS } from '../helpers/paths';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';
import { LspClient, isCodeAction } from './lsp-client';

const FORBIDDEN = 'ai/forbidden-path';
const UNREVIEWED = 'ai/unreviewed';
const UNKNOWN_USE_CASE = 'ai/unknown-use-case';
const NOT_APPROVED = 'ai/use-case-not-approved';
const REVIEWER = 'rev@example.com';
/** `reviewed-at=` as the server writes it: ISO-8601 UTC at minute precision. */
const REVIEW_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;

const AI_RULES = {
  name: 'lsp-ai',
  ai: {
    useCases: {
      features: { paths: ['src/features/**'], description: 'feature code' },
      boilerplate: { paths: ['src/features/**', 'src/util/**'] },
    },
    forbidden: [{ paths: ['src/auth/**'], reason: 'authentication code needs a human author' }],
    review: { required: true, allowSelfReview: false },
  },
};

/** A TypeScript file with one AI block (id a1b2c3) on lines 1–3; `fields` go after tool= in the begin marker. */
function aiFile(fields: string): string {
  return lines(
    '\n',
    'export function check(user: string): boolean {',
    `  // @ai-generated begin id=a1b2c3 tool=copilot ${fields}`,
    '  return user.length > 0;',
    '  // @ai-generated end id=a1b2c3',
    '}',
  );
}
const BEGIN_LINE = 1;

/** `code@line/severity` for each diagnostic, sorted: compact and order-independent. */
function view(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}/${d.severity}`).sort();
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function only<T>(items: T[], what: string): T {
  assert.equal(items.length, 1, `expected exactly one ${what}, got ${items.length}`);
  return items[0];
}

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic {
  return only(diagnostics.filter((d) => d.code === code), `${code} diagnostic`);
}

/** What the server showed through window/*: messages, questions (answered by `answer`) and documents. */
class WindowRecorder {
  readonly messages: ShowMessageParams[] = [];
  readonly requests: ShowMessageRequestParams[] = [];
  readonly documents: ShowDocumentParams[] = [];
  /** The user's answer to a window/showMessageRequest (null: dismissed). May act before answering. */
  answer: (p: ShowMessageRequestParams) => MessageActionItem | null | Promise<MessageActionItem | null> = () => null;

  constructor(client: LspClient) {
    client.connection.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
    });
    client.connection.onRequest(ShowMessageRequest.type, (p) => {
      this.requests.push(p);
      return this.answer(p);
    });
    client.connection.onRequest(ShowDocumentRequest.type, (p) => {
      this.documents.push(p);
      return { success: true };
    });
  }
}

/** Settings as the client answers workspace/configuration for section `conductor` (nested like VS Code's). */
function reviewSettings(identity: unknown): Partial<Settings> {
  return (identity === undefined ? {} : { review: { identity } }) as Partial<Settings>;
}

async function actionsFor(client: LspClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const all = await client.codeActions(uri, d.range, [d], ['quickfix']);
  assert.ok(all.every(isCodeAction), 'every item is a CodeAction');
  return all as CodeAction[];
}

function actionTitled(actions: CodeAction[], title: string): CodeAction {
  return only(actions.filter((a) => a.title === title), `action "${title}" (have: ${actions.map((a) => a.title).join(' | ')})`);
}

/** The minute of a marker time / Date, for bounds that do not depend on how long anything took. */
const minute = (ms: number): number => Math.floor(ms / 60_000);

describe('lsp: AI policy (ai/* findings, code actions, review and ownership commands)', function () {
  before(function () {
    this.timeout(180_000);
    assertBuilt([SERVER_JS]);
  });

  let ws: TempWorkspace;
  let client: LspClient;
  let win: WindowRecorder;
  /** conductor.review.identity as the client reports it (undefined: not set; anything a settings.json can hold). */
  let identity: unknown;
  /** Called (once) when the server next asks for a document's settings: lets a test act "while the server waits". */
  let onSettingsRequest: ((scopeUri: string | undefined) => void) | undefined;

  async function start(extraFiles: Record<string, string> = {}): Promise<void> {
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText(AI_RULES), ...extraFiles }, 'conductor-lsp-ai-');
    client = await LspClient.start({
      folders: [ws.root],
      settings: (scopeUri) => {
        const hook = onSettingsRequest;
        if (hook && scopeUri !== undefined && scopeUri !== ws.uri('')) {
          onSettingsRequest = undefined;
          hook(scopeUri);
        }
        return reviewSettings(identity);
      },
    });
    win = new WindowRecorder(client);
  }

  /** Opens `rel` with `text` and waits for its first diagnostics satisfying `ok`. */
  async function openDoc(rel: string, text: string, ok: (d: Diagnostic[]) => boolean = (d) => d.length > 0): Promise<{ uri: string; diags: Diagnostic[] }> {
    const uri = ws.uri(rel);
    await client.open(uri, text, 'typescript');
    return { uri, diags: await client.waitForCurrentDiagnostics(uri, ok) };
  }

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && client) {
      console.error(client.describe());
      console.error(`window/*: ${JSON.stringify({ messages: win?.messages, requests: win?.requests, documents: win?.documents })}`);
    }
    onSettingsRequest = undefined;
    client?.dispose();
    ws?.remove();
  });

  describe('with conductor.review.identity = rev@example.com', () => {
    beforeEach(async () => {
      identity = REVIEWER;
      await start();
    });

    it('an AI block in a forbidden path → one ai/forbidden-path error on its begin marker, nothing else', async () => {
      const { diags } = await openDoc('src/auth/login.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      assert.deepEqual(view(diags), [`${FORBIDDEN}@${BEGIN_LINE}/1`]);
      const d = diags[0];
      assert.equal(d.range.end.line, BEGIN_LINE, 'the finding stays on the begin marker line');
      assert.match(messageOf(d), /authentication code needs a human author/);
      assert.match(messageOf(d), /src\/auth\/\*\*/);
      assert.equal(d.source, 'conductor');
      assert.ok(d.codeDescription?.href.endsWith('/rules/docs/ai/forbidden-path.md'), d.codeDescription?.href);
    });

    it('an AI block with an approved use case in an approved path → only ai/unreviewed (warning)', async () => {
      const { diags } = await openDoc('src/features/report.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      assert.deepEqual(view(diags), [`${UNREVIEWED}@${BEGIN_LINE}/2`]);
      assert.match(messageOf(diags[0]), /AI block a1b2c3 \(copilot\) has not been reviewed/);
    });

    it('"Set AI use case to …" (unknown use case): one action per approved use case, each edit rewrites exactly use=', async () => {
      const text = aiFile('use=bogus at=2025-01-01T00:00Z');
      const { uri, diags } = await openDoc('src/features/report.ts', text, (d) => d.length === 2);
      assert.deepEqual(view(diags), [`${UNKNOWN_USE_CASE}@${BEGIN_LINE}/2`, `${UNREVIEWED}@${BEGIN_LINE}/2`]);
      const unknown = byCode(diags, UNKNOWN_USE_CASE);

      const actions = await actionsFor(client, uri, unknown);
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind]),
        [
          ['Set AI use case to "features"', 'quickfix'],
          ['Set AI use case to "boilerplate"', 'quickfix'],
          ['Explain the policy', 'quickfix'],
          [`Suppress ${UNKNOWN_USE_CASE} on this line…`, 'quickfix'],
        ],
      );
      for (const useCase of ['features', 'boilerplate']) {
        const a = actionTitled(actions, `Set AI use case to "${useCase}"`);
        assert.equal(a.command, undefined, 'a direct edit, no command');
        assert.deepEqual(a.diagnostics, [unknown]);
        assert.deepEqual(Object.keys(a.edit?.changes ?? {}), [uri]);
        assert.equal(applyTextEdits(text, a.edit!.changes![uri]), aiFile(`use=${useCase} at=2025-01-01T00:00Z`));
      }

      // Applied like an editor would: the unknown-use-case finding goes, the block still needs its review.
      await client.applyEdits(uri, actionTitled(actions, 'Set AI use case to "boilerplate"').edit!.changes![uri]);
      assert.equal(client.text(uri), aiFile('use=boilerplate at=2025-01-01T00:00Z'));
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), [`${UNREVIEWED}@${BEGIN_LINE}/2`]);
    });

    it('"Set AI use case to …" (use case not approved here): offers only the approved one, plus take ownership', async () => {
      const text = aiFile('use=features at=2025-01-01T00:00Z');
      const { uri, diags } = await openDoc('src/util/strings.ts', text, (d) => d.length === 2);
      assert.deepEqual(view(diags), [`${UNREVIEWED}@${BEGIN_LINE}/2`, `${NOT_APPROVED}@${BEGIN_LINE}/1`]);
      const actions = await actionsFor(client, uri, byCode(diags, NOT_APPROVED));
      assert.deepEqual(actions.map((a) => a.title), [
        'Set AI use case to "boilerplate"',
        'Take ownership (remove AI markers)…',
        'Explain the policy',
        `Suppress ${NOT_APPROVED} on this line…`,
      ]);
      const set = actionTitled(actions, 'Set AI use case to "boilerplate"');
      assert.equal(applyTextEdits(text, set.edit!.changes![uri]), aiFile('use=boilerplate at=2025-01-01T00:00Z'));
      await client.applyEdits(uri, set.edit!.changes![uri]);
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), [`${UNREVIEWED}@${BEGIN_LINE}/2`]);
    });

    it('"Set AI use case to …" in a file whose language is not in its name (languageId typescript, no extension)', async () => {
      const text = aiFile('use=bogus at=2025-01-01T00:00Z');
      const { uri, diags } = await openDoc('src/features/build-script', text, (d) => d.length === 2);
      const actions = await actionsFor(client, uri, byCode(diags, UNKNOWN_USE_CASE));
      const set = actionTitled(actions, 'Set AI use case to "features"');
      assert.equal(applyTextEdits(text, set.edit!.changes![uri]), aiFile('use=features at=2025-01-01T00:00Z'));
    });

    it('conductor.markReviewed → workspace/applyEdit adds reviewed-by=rev@example.com reviewed-at=… → ai/unreviewed disappears', async () => {
      const text = aiFile('use=features at=2025-01-01T00:00Z');
      const { uri, diags } = await openDoc('src/features/report.ts', text);
      const actions = await actionsFor(client, uri, byCode(diags, UNREVIEWED));
      assert.deepEqual(actions.map((a) => a.title), ['Mark AI block as reviewed', 'Explain the policy', `Suppress ${UNREVIEWED} on this line…`]);
      const mark = actionTitled(actions, 'Mark AI block as reviewed');
      assert.equal(mark.edit, undefined, 'the edit comes from the server when the command runs');
      assert.deepEqual(mark.command, { title: 'Mark AI block as reviewed', command: 'conductor.markReviewed', arguments: [uri, 'a1b2c3'] });

      const before = Date.now();
      await client.executeCommand(mark.command!.command, mark.command!.arguments!);
      const after = Date.now();
      const req = only(client.applyEditRequests, 'workspace/applyEdit');
      assert.equal(req.label, 'Mark AI block a1b2c3 as reviewed');
      assert.deepEqual(Object.keys(req.edit.changes ?? {}), [uri]);

      const reviewedAt = /reviewed-at=(\S+)/.exec(client.text(uri))?.[1];
      assert.ok(reviewedAt && REVIEW_TIME.test(reviewedAt), `reviewed-at=${reviewedAt}`);
      assert.ok(minute(before) <= minute(Date.parse(reviewedAt)) && minute(Date.parse(reviewedAt)) <= minute(after), `reviewed-at ${reviewedAt} is the time of the command`);
      assert.equal(client.text(uri), aiFile(`use=features at=2025-01-01T00:00Z reviewed-by=${REVIEWER} reviewed-at=${reviewedAt}`));
      assert.equal(applyTextEdits(text, req.edit.changes![uri]), client.text(uri), 'the edit applies to the text the server saw');
      assert.ok(client.logs.some((l) => l.includes(`AI block a1b2c3 in src/features/report.ts marked as reviewed by ${REVIEWER}`)), client.logs.join('\n'));
      assert.deepEqual(win.messages, [], 'no warning');

      await client.flushAppliedEdits(uri);
      assert.deepEqual(await client.waitForCurrentDiagnostics(uri), [], 'the review clears ai/unreviewed');
    });

    it('conductor.markReviewed refuses a self-review (accepted-by=rev@example.com, allowSelfReview false): window/showMessage warning, no edit', async () => {
      const text = aiFile(`use=features at=2025-01-01T00:00Z accepted-by=${REVIEWER}`);
      const { uri, diags } = await openDoc('src/features/report.ts', text);
      assert.deepEqual(view(diags), [`${UNREVIEWED}@${BEGIN_LINE}/2`]);
      const mark = actionTitled(await actionsFor(client, uri, diags[0]), 'Mark AI block as reviewed');

      // The server handles the command before it answers it: whatever it sends is here once the answer is.
      await client.executeCommand(mark.command!.command, mark.command!.arguments!);
      assert.equal(client.applyEditRequests.length, 0, 'no workspace/applyEdit');
      const warning = only(win.messages, 'window/showMessage');
      assert.equal(warning.type, MessageType.Warning);
      assert.match(warning.message, /cannot mark block a1b2c3 as reviewed: rev@example\.com accepted this block and cannot review it too/);
      assert.deepEqual(win.requests, [], 'a plain message, not a question');
      assert.equal(client.text(uri), text);
    });

    it('conductor.takeOwnership asks first (window/showMessageRequest): Cancel → no edit; a reason → the record in .conductor/ownership.jsonl, then both markers removed', async () => {
      const text = aiFile('use=features at=2025-01-01T00:00Z');
      const { uri, diags } = await openDoc('src/auth/login.ts', text);
      const forbidden = byCode(diags, FORBIDDEN);
      const actions = await actionsFor(client, uri, forbidden);
      assert.deepEqual(actions.map((a) => a.title), ['Take ownership (remove AI markers)…', 'Explain the policy', `Suppress ${FORBIDDEN} on this line…`]);
      const take = actionTitled(actions, 'Take ownership (remove AI markers)…');
      assert.deepEqual(take.command, { title: take.title, command: 'conductor.takeOwnership', arguments: [uri, 'a1b2c3'] });

      // Cancel.
      win.answer = (p) => p.actions?.find((a) => a.title === 'Cancel') ?? null;
      await client.executeCommand(take.command!.command, take.command!.arguments!);
      const question = only(win.requests, 'window/showMessageRequest');
      assert.equal(question.type, MessageType.Warning);
      assert.match(question.message, /Take ownership of AI block a1b2c3 in src\/auth\/login\.ts\?/);
      assert.deepEqual(question.actions, [{ title: 'I rewrote it' }, { title: 'I vetted it as is' }, { title: 'Cancel' }]);
      assert.equal(client.applyEditRequests.length, 0, 'Cancel: no edit');
      assert.equal(client.text(uri), text);

      // Dismissed (null answer) is a cancel too.
      win.answer = () => null;
      await client.executeCommand(take.command!.command, take.command!.arguments!);
      assert.equal(win.requests.length, 2);
      assert.equal(client.applyEditRequests.length, 0, 'dismissed: no edit');

      // Confirmed.
      const log = path.join(ws.root, '.conductor', 'ownership.jsonl');
      assert.equal(fs.existsSync(log), false, 'no record before a confirmed take-over');
      const before = Date.now();
      win.answer = (p) => p.actions?.find((a) => a.title === 'I rewrote it') ?? null;
      await client.executeCommand(take.command!.command, take.command!.arguments!);
      const record = JSON.parse(only(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean), 'ownership record')) as Record<string, unknown>;
      assert.deepEqual(
        { ...record, at: undefined },
        { file: 'src/auth/login.ts', block: 'a1b2c3', tool: 'copilot', by: REVIEWER, at: undefined, why: 'rewritten by a human', lines: [createHash('sha256').update('return user.length > 0;').digest('hex').slice(0, 16)] },
      );
      assert.match(String(record.at), REVIEW_TIME);
      assert.ok(minute(Date.parse(String(record.at))) >= minute(before), 'recorded now');
      const req = only(client.applyEditRequests, 'workspace/applyEdit');
      assert.equal(req.label, 'Take ownership of AI block a1b2c3');
      const owned = lines('\n', 'export function check(user: string): boolean {', '  return user.length > 0;', '}');
      assert.equal(client.text(uri), owned);
      assert.equal(applyTextEdits(text, req.edit.changes![uri]), owned);
      assert.ok(client.logs.some((l) => /Ownership taken of AI block a1b2c3 \(tool=copilot\) in src\/auth\/login\.ts/.test(l)), client.logs.join('\n'));

      await client.flushAppliedEdits(uri);
      assert.deepEqual(await client.waitForCurrentDiagnostics(uri), [], 'no AI block, no finding');
    });

    it('conductor.takeOwnership: an edit typed while the question is open is respected (markers found again after the answer)', async () => {
      const text = aiFile('use=features at=2025-01-01T00:00Z');
      const { uri, diags } = await openDoc('src/auth/login.ts', text);
      const take = actionTitled(await actionsFor(client, uri, byCode(diags, FORBIDDEN)), 'Take ownership (remove AI markers)…');

      // The user adds two lines at the top while the confirmation is shown, then confirms.
      win.answer = async (p) => {
        await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n\n' }]);
        return p.actions?.find((a) => a.title === 'I vetted it as is') ?? null;
      };
      await client.executeCommand(take.command!.command, take.command!.arguments!);
      only(client.applyEditRequests, 'workspace/applyEdit');
      assert.equal(client.text(uri), lines('\n', '// header', '', 'export function check(user: string): boolean {', '  return user.length > 0;', '}'));
    });

    it('conductor.markReviewed: an edit that arrives while the server reads the reviewer setting is respected', async () => {
      const { uri, diags } = await openDoc('src/features/report.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      const mark = actionTitled(await actionsFor(client, uri, diags[0]), 'Mark AI block as reviewed');
      let changed = false;
      onSettingsRequest = () => {
        changed = true;
        void client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' }]);
      };
      await client.executeCommand(mark.command!.command, mark.command!.arguments!);
      assert.ok(changed, 'the server reads conductor.review.identity when the command runs (a changed setting applies at once)');
      only(client.applyEditRequests, 'workspace/applyEdit');
      const reviewedAt = /reviewed-at=(\S+)/.exec(client.text(uri))?.[1];
      assert.equal(client.text(uri), `// header\n${aiFile(`use=features at=2025-01-01T00:00Z reviewed-by=${REVIEWER} reviewed-at=${reviewedAt}`)}`);
    });

    it('conductor.markReviewed uses the current conductor.review.identity (changed after the document was checked)', async () => {
      const { uri, diags } = await openDoc('src/features/report.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      const mark = actionTitled(await actionsFor(client, uri, diags[0]), 'Mark AI block as reviewed');
      // VS Code's language client sends no workspace/didChangeConfiguration for this server (no
      // synchronize.configurationSection), so the server must ask when the command runs.
      identity = 'other@example.com';
      await client.executeCommand(mark.command!.command, mark.command!.arguments!);
      only(client.applyEditRequests, 'workspace/applyEdit');
      assert.match(client.text(uri), / reviewed-by=other@example\.com reviewed-at=/);
    });

    it('conductor.explain → window/showDocument with the rule\'s documentation URL', async () => {
      const { uri, diags } = await openDoc('src/auth/login.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      const forbidden = byCode(diags, FORBIDDEN);
      const explain = actionTitled(await actionsFor(client, uri, forbidden), 'Explain the policy');
      const docsUrl = path.join(BUILTIN_DIR, 'docs', 'ai', 'forbidden-path.md');
      assert.equal(explain.command?.command, 'conductor.explain');
      assert.deepEqual(explain.command?.arguments, [forbidden.codeDescription?.href]);

      await client.executeCommand(explain.command!.command, explain.command!.arguments!);
      const shown = only(win.documents, 'window/showDocument');
      assert.equal(shown.uri, forbidden.codeDescription?.href);
      assert.equal(fileURLToPath(shown.uri), docsUrl);
      assert.ok(fs.existsSync(docsUrl), `${docsUrl} exists`);
      assert.equal(shown.takeFocus, true);
      assert.equal(client.applyEditRequests.length, 0);
    });

    it('commands for a block that no longer exists (or a document that is not open) do nothing', async () => {
      const { uri } = await openDoc('src/features/report.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      win.answer = (p) => p.actions?.[0] ?? null;
      await client.executeCommand('conductor.markReviewed', [uri, 'ffff00']);
      await client.executeCommand('conductor.takeOwnership', [uri, 'ffff00']);
      await client.executeCommand('conductor.markReviewed', [ws.uri('src/features/closed.ts'), 'a1b2c3']);
      assert.equal(client.applyEditRequests.length, 0);
      assert.deepEqual(win.requests, []);
      assert.equal(client.exitCode, undefined, 'the server is still running');
    });
  });

  describe('reviewer identity from git (no conductor.review.identity)', () => {
    const saved: Record<string, string | undefined> = {};
    const setEnv = (key: string, value: string | undefined): void => {
      if (!(key in saved)) {
        saved[key] = process.env[key];
      }
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    };
    beforeEach(() => {
      identity = undefined;
      // The spawned server inherits this environment: keep the machine's own git identity out of the test.
      setEnv('GIT_CONFIG_GLOBAL', path.join(__dirname, 'no-such-gitconfig'));
      setEnv('GIT_CONFIG_NOSYSTEM', '1');
      for (const key of ['GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_EMAIL', 'GIT_DIR', 'GIT_CONFIG', 'EMAIL']) {
        setEnv(key, undefined);
      }
    });
    afterEach(() => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
        delete saved[key];
      }
    });

    it('the workspace is a git repo with user.email set → reviewed-by= is that email', async () => {
      await start();
      execFileSync('git', ['init', '-q'], { cwd: ws.root });
      execFileSync('git', ['config', 'user.email', 'git-reviewer@example.com'], { cwd: ws.root });
      execFileSync('git', ['config', 'user.name', 'Git Reviewer'], { cwd: ws.root });
      const { uri, diags } = await openDoc('src/features/report.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      const mark = actionTitled(await actionsFor(client, uri, byCode(diags, UNREVIEWED)), 'Mark AI block as reviewed');
      await client.executeCommand(mark.command!.command, mark.command!.arguments!);
      only(client.applyEditRequests, 'workspace/applyEdit');
      const reviewedAt = /reviewed-at=(\S+)/.exec(client.text(uri))?.[1];
      assert.ok(reviewedAt && REVIEW_TIME.test(reviewedAt), `reviewed-at=${reviewedAt}`);
      assert.equal(client.text(uri), aiFile(`use=features at=2025-01-01T00:00Z reviewed-by=git-reviewer@example.com reviewed-at=${reviewedAt}`));
    });

    it('a conductor.review.identity that is not a string (42 in settings.json) counts as not set → the git identity', async () => {
      identity = 42;
      await start();
      execFileSync('git', ['init', '-q'], { cwd: ws.root });
      execFileSync('git', ['config', 'user.email', 'git-reviewer@example.com'], { cwd: ws.root });
      const { uri, diags } = await openDoc('src/features/report.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      const mark = actionTitled(await actionsFor(client, uri, byCode(diags, UNREVIEWED)), 'Mark AI block as reviewed');
      await client.executeCommand(mark.command!.command, mark.command!.arguments!);
      only(client.applyEditRequests, 'workspace/applyEdit');
      assert.match(client.text(uri), / reviewed-by=git-reviewer@example\.com reviewed-at=\S+\n/);
    });

    it('only user.name set → reviewed-by="Git Reviewer" (quoted)', async () => {
      await start();
      execFileSync('git', ['init', '-q'], { cwd: ws.root });
      execFileSync('git', ['config', 'user.name', 'Git Reviewer'], { cwd: ws.root });
      const { uri, diags } = await openDoc('src/features/report.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      const mark = actionTitled(await actionsFor(client, uri, byCode(diags, UNREVIEWED)), 'Mark AI block as reviewed');
      await client.executeCommand(mark.command!.command, mark.command!.arguments!);
      only(client.applyEditRequests, 'workspace/applyEdit');
      assert.match(client.text(uri), / reviewed-by="Git Reviewer" reviewed-at=\S+\n/);
    });

    it('no setting and no git identity → window/showMessage warning that says how to set one, no edit', async () => {
      await start();
      const { uri, diags } = await openDoc('src/features/report.ts', aiFile('use=features at=2025-01-01T00:00Z'));
      const mark = actionTitled(await actionsFor(client, uri, byCode(diags, UNREVIEWED)), 'Mark AI block as reviewed');
      await client.executeCommand(mark.command!.command, mark.command!.arguments!);
      assert.equal(client.applyEditRequests.length, 0);
      const warning = only(win.messages, 'window/showMessage');
      assert.equal(warning.type, MessageType.Warning);
      assert.match(warning.message, /conductor\.review\.identity/);
      assert.equal(client.exitCode, undefined, 'the server is still running');
    });
  });
});
