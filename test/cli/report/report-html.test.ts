// The HTML report in headless Chromium (playwright-core from the e2e toolchain): one file, no network,
// charts drawn with data, no console errors; and the dashboard page driven by messages as in the webview.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { assertCliBuilt, runCli } from '../run-cli';
import { renderPage } from '../../../server/src/report/html/render';
import type { GovernanceReport } from '../../../server/src/report/schema';
import { ARTIFACTS, CHART_INFO, type Browser, type ChartInfo, type Page, launchChromium, openFile } from '../../unit/report/chromium';
import { ScriptedRepo } from '../../unit/report/helpers';
import { writeGovernanceHistory } from '../../unit/report/history-fixture';

describe('conductor report --format html in headless Chromium', function () {
  this.timeout(180000);
  let repo: ScriptedRepo;
  let browser: Browser | undefined;
  let file: string;
  let html: string;

  before(async function () {
    assertCliBuilt();
    repo = new ScriptedRepo();
    writeGovernanceHistory(repo);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-html-')), 'report.html');
    const out = runCli(['report', '--format', 'html', '--now', '2026-03-02T09:00:00Z', '--output', file], repo.dir);
    assert.equal(out.status, 0, out.stderr);
    html = fs.readFileSync(file, 'utf8');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    repo?.cleanup();
    if (file) {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('is one file that can load nothing remote', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-[A-Za-z0-9]+&#39;; style-src &#39;nonce-/);
    assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|<img|<iframe|@import|url\(/i);
    assert.ok(html.includes('uPlot'), 'uPlot is inlined');
    assert.ok(html.length > 50000 && html.length < 400000, `size ${html.length}`);
  });

  async function open(scheme: 'light' | 'dark'): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const opened = await openFile(browser!, file, scheme);
    await opened.page.waitForFunction('window.conductorCharts && window.conductorCharts.length === 3', undefined, { timeout: 60000 });
    return opened;
  }

  it('draws the charts with data, requests nothing but itself, logs no errors', async () => {
    const { page, requests, problems } = await open('light');
    try {
      const charts = await page.evaluate<ChartInfo[]>(CHART_INFO);
      assert.deepEqual(
        charts.map((c) => [c.id, c.series, c.points]),
        [
          ['trend', 3, 6],
          ['rework', 3, 2],
          ['layers', 2, 3],
        ],
      );
      for (const c of charts) {
        assert.ok(c.width >= 200 && c.height >= 200, `${c.id} is ${c.width}×${c.height}`);
      }
      const canvases = await page.evaluate<{ w: number; h: number }[]>(`Array.from(document.querySelectorAll('canvas')).map(function (c) { return { w: c.width, h: c.height }; })`);
      assert.equal(canvases.length, 3);
      assert.ok(canvases.every((c) => c.w > 0 && c.h > 0), JSON.stringify(canvases));
      // Something is painted: the trend canvas is not blank.
      const painted = await page.evaluate<number>(`(function () {
        var c = document.querySelector('#chart-trend canvas'); var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;
        for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n; })()`);
      assert.ok(painted > 1000, `${painted} painted pixels`);
      const cards = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('.card .value')).map(function (e) { return e.textContent; })`);
      assert.deepEqual(cards, ['31.8%', '2', '30% AI vs 5%', '18.0 d median', '285.7 AI vs 66.7', '1 · 0']);
      const tiles = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('.tile')).map(function (e) { return e.className + ' ' + e.querySelector('.name').textContent; })`);
      assert.deepEqual(tiles, ['tile h3 top src/', 'tile h7 ai/', 'tile h7 feature/']);
      await page.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
      assert.deepEqual(requests, [pathToFileURL(file).href]);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('follows a dark colour scheme', async () => {
    const { page, problems } = await open('dark');
    try {
      const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      assert.equal(bg, 'rgb(13, 17, 23)');
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-dark.png'), fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('renders the webview page from a posted report and answers with what it drew', async () => {
    const report = JSON.parse(runCli(['report', '--format', 'json', '--now', '2026-03-02T09:00:00Z'], repo.dir).stdout) as GovernanceReport;
    const page = await browser!.newPage({ viewport: { width: 1000, height: 800 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') {
        problems.push(m.text());
      }
    });
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      // What VS Code provides inside a webview.
      await page.addInitScript('window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); } }; };');
      const webviewFile = path.join(path.dirname(file), 'webview.html');
      fs.writeFileSync(webviewFile, renderPage({ mode: 'webview' }));
      await page.goto(pathToFileURL(webviewFile).href);
      await page.waitForFunction('window.__posted.length > 0');
      assert.deepEqual(await page.evaluate('window.__posted[0]'), { type: 'rendered', hasReport: false, share: null, charts: [] });
      assert.equal(await page.evaluate<string>(`document.querySelector('.toolbar .status').textContent`), 'Computing the report…');
      await page.evaluate(`window.postMessage({ type: 'report', report: ${JSON.stringify(report)}, status: 'Updated' }, '*')`);
      await page.waitForFunction('window.__posted.some(function (m) { return m.hasReport; })');
      const rendered = await page.evaluate<{ share: number; charts: { id: string; points: number }[] }>('window.__posted.filter(function (m) { return m.hasReport; })[0]');
      assert.equal(rendered.share, 7 / 22);
      assert.deepEqual(
        rendered.charts.map((c) => [c.id, c.points]),
        [
          ['trend', 6],
          ['rework', 2],
          ['layers', 3],
        ],
      );
      await page.evaluate(`document.querySelector('.toolbar button').click()`);
      assert.deepEqual(await page.evaluate('window.__posted.at(-1)'), { type: 'refresh' });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
