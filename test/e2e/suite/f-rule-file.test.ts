// (f) Rule-file errors show up in the rule file while the last good rules stay in force; edits apply without a restart.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, APP, appIsFlagged, byCode, codeOf, conductorDiagnostics, NO_CONSOLE, NO_EVAL, openFresh, resetFile, RULES,
  waitForDiagnostics,
} from './helpers';

const RULE_FILE_CODE = 'conductor/rule-file';

/** Replaces the first `from` in the editor's document with `to` (an unsaved edit, like typing). */
async function replaceIn(editor: vscode.TextEditor, from: string, to: string): Promise<number> {
  const doc = editor.document;
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `"${from}" not in ${doc.uri.path}`);
  const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length));
  assert.ok(await editor.edit((b) => b.replace(range, to)));
  return range.start.line;
}

describe('rule file', () => {
  before(activateExtension);
  afterEach(async () => {
    await resetFile(RULES);
  });

  it('an unknown key is reported at its line, the last good rules stay in force, and fixing it clears the error', async () => {
    const app = (await openFresh(APP)).document;
    await waitForDiagnostics(app.uri, appIsFlagged, 'the findings under the good rules');

    const rules = await openFresh(RULES);
    const line = await replaceIn(rules, '"name": "e2e-team",', '"name": "e2e-team", "bogus": 1,');
    const problems = await waitForDiagnostics(rules.document.uri, (d) => d.length > 0, 'a rule-file diagnostic');
    assert.strictEqual(problems.length, 1, problems.map((p) => p.message).join(' | '));
    assert.strictEqual(codeOf(problems[0]), RULE_FILE_CODE);
    assert.strictEqual(problems[0].range.start.line, line);
    assert.strictEqual(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(problems[0].message, /Unknown key "bogus"/);

    // The broken file does not drop the team's rules: app.ts keeps both findings, with their severities.
    const ds = conductorDiagnostics(app.uri);
    assert.ok(appIsFlagged(ds), 'findings lost while the rule file is broken');
    assert.strictEqual(byCode(ds, NO_EVAL)[0].severity, vscode.DiagnosticSeverity.Error);

    await replaceIn(rules, ' "bogus": 1,', '');
    await waitForDiagnostics(rules.document.uri, (d) => d.length === 0, 'the rule-file diagnostic to clear');
    assert.ok(appIsFlagged(conductorDiagnostics(app.uri)));
  });

  it('an invalid regex is reported at the regex', async () => {
    const app = (await openFresh(APP)).document;
    await waitForDiagnostics(app.uri, appIsFlagged, 'the findings under the good rules');
    const rules = await openFresh(RULES);
    const line = await replaceIn(rules, String.raw`"regex": "\\bconsole\\.log\\(",`, '"regex": "console.log((",');
    const problems = await waitForDiagnostics(
      rules.document.uri,
      (d) => d.some((p) => /regex does not compile/.test(p.message)),
      'the regex error',
    );
    const regexProblem = problems.find((p) => /regex does not compile/.test(p.message))!;
    assert.strictEqual(regexProblem.range.start.line, line);
    assert.ok(appIsFlagged(conductorDiagnostics(app.uri)), 'findings lost while the rule file is broken');
  });

  it('changing a severity in the rule file re-checks open files without a restart', async () => {
    const app = (await openFresh(APP)).document;
    const before = await waitForDiagnostics(app.uri, appIsFlagged, 'the findings under the good rules');
    assert.strictEqual(byCode(before, NO_CONSOLE)[0].severity, vscode.DiagnosticSeverity.Warning);

    const rules = await openFresh(RULES);
    const patternStart = rules.document.getText().indexOf('"id": "team/no-console-log"');
    const sev = rules.document.getText().indexOf('"severity": "warning"', patternStart);
    assert.ok(patternStart >= 0 && sev > patternStart);
    const range = new vscode.Range(rules.document.positionAt(sev), rules.document.positionAt(sev + '"severity": "warning"'.length));
    assert.ok(await rules.edit((b) => b.replace(range, '"severity": "error"')));
    await waitForDiagnostics(
      app.uri,
      (d) => byCode(d, NO_CONSOLE)[0]?.severity === vscode.DiagnosticSeverity.Error,
      'no-console-log to become an error',
    );
    assert.deepStrictEqual(conductorDiagnostics(rules.document.uri), []);

    // Saved, then switched off: the finding disappears.
    assert.ok(await rules.document.save());
    await replaceIn(rules, '"security/no-eval": "error"', '"security/no-eval": "off"');
    await waitForDiagnostics(app.uri, (d) => byCode(d, NO_EVAL).length === 0 && byCode(d, NO_CONSOLE).length === 1, 'no-eval to be switched off');
  });
});
