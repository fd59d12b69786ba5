// The editor dashboard's page comes from the bundled CLI (`report --webview-page`), so the extension
// links no report code: the page in VS Code's theme, CSP-locked with a fresh nonce, and no data.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dashboardPage } from '../../../client/src/dashboard/run-report';
import { assertBuilt } from '../../helpers/build';
import { CLI_JS } from '../../helpers/paths';

describe('conductor report --webview-page (the editor dashboard)', function () {
  let dir: string;
  before(() => {
    assertBuilt([CLI_JS]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-dashboard-page-'));
    // The page needs no workspace: a broken rule file does not stop it (the report run says what is wrong).
    fs.mkdirSync(path.join(dir, '.conductor'));
    fs.writeFileSync(path.join(dir, '.conductor', 'rules.jsonc'), '{ "rules": ');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the webview page without data, locked to its own nonce', async () => {
    const html = await dashboardPage(CLI_JS, dir).done;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<title>Governance Dashboard<\/title>/);
    assert.match(html, /<body class="vscode">/);
    assert.match(html, /<script type="application\/json" id="report-data" nonce="[A-Za-z0-9]+"><\/script>/);
    const csp = /content="default-src &#39;none&#39;; script-src &#39;nonce-([A-Za-z0-9]+)&#39;; style-src &#39;nonce-\1&#39;/.exec(html);
    assert.ok(csp, 'a CSP that allows only the page nonce');
    const nonces = new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
    assert.deepEqual([...nonces], [csp[1]], 'every inline script and style carries the CSP nonce');
  });

  it('draws a fresh nonce for every page', async () => {
    const nonceOf = (html: string): string | undefined => /nonce-([A-Za-z0-9]+)/.exec(html)?.[1];
    const [a, b] = await Promise.all([dashboardPage(CLI_JS, dir).done, dashboardPage(CLI_JS, dir).done]);
    assert.ok(nonceOf(a));
    assert.notEqual(nonceOf(a), nonceOf(b));
  });
});
