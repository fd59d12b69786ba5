// `conductor report --merge`: three real repositories' JSON reports (scripted dated histories, teams
// from --team, from the rule file's name, and none) combined into one organisation view; the merged
// HTML and the report page's scanner split rendered in headless Chromium. Figures are worked out below.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertCliBuilt, runCli } from '../run-cli';
import type { OrgReport } from '../../../server/src/report/org-schema';
import type { GovernanceReport } from '../../../server/src/report/schema';
import { ARTIFACTS, CHART_INFO, type Browser, type ChartInfo, launchChromium, openFile } from '../../unit/report/chromium';
import { RULES, ScriptedRepo } from '../../unit/report/helpers';

const NOW = '2026-03-02T09:00:00Z';
const block = (lines: string[], reviewed = false): string[] => [`// @ai-generated begin id=0a0a01 tool=cursor${reviewed ? ' reviewed-by=lead reviewed-at=2026-01-20T09:00Z' : ''}`, ...lines, '// @ai-generated end id=0a0a01'];

/**
 * web (team "web-team" from its rule file's name): 2026-01-05 a.js, 4 unreviewed AI lines (one eval) +
 * 2 human; 2026-01-14 b.js, 4 human → AI 4, human 6.
 * api (--team platform): 2026-01-07 c.js, 10 human lines, one eval → AI 0, human 10.
 * tools (no team): 2026-01-20 d.js, 2 reviewed AI lines + 2 human → AI 2, human 2.
 */
function makeRepos(base: string): Record<'web' | 'api' | 'tools', ScriptedRepo> {
  const repo = (name: string): ScriptedRepo => {
    const r = new ScriptedRepo();
    const dir = path.join(base, name);
    fs.renameSync(r.dir, dir);
    (r as { dir: string }).dir = dir;
    return r;
  };
  const web = repo('web');
  web.write('.conductor/rules.jsonc', RULES.replace('{\n', '{\n  "name": "web-team",\n'));
  web.write('src/a.js', [...block(['const a1 = eval(x);', 'const a2 = 2;', 'const a3 = 3;', 'const a4 = 4;']), 'const h1 = 1;', 'const h2 = 2;']);
  web.commit('2026-01-05T10:00:00Z');
  web.write('src/b.js', ['const b1 = 1;', 'const b2 = 2;', 'const b3 = 3;', 'const b4 = 4;']);
  web.commit('2026-01-14T10:00:00Z');
  const api = repo('api');
  api.write('.conductor/rules.jsonc', RULES);
  api.write('c.js', ['const c0 = eval(q);', ...Array.from({ length: 9 }, (_x, i) => `const c${i + 1} = ${i};`)]);
  api.commit('2026-01-07T10:00:00Z');
  const tools = repo('tools');
  tools.write('.conductor/rules.jsonc', RULES);
  tools.write('d.js', [...block(['const d1 = 1;', 'const d2 = 2;'], true), 'const h1 = 1;', 'const h2 = 2;']);
  tools.commit('2026-01-20T10:00:00Z');
  return { web, api, tools };
}

function cli(args: string[], cwd: string): string {
  const r = runCli(args, cwd);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('conductor report --merge (organisation view)', function () {
  this.timeout(180000);
  let base: string;
  let files: string[];
  let org: OrgReport;
  let webSarif: string;

  before(() => {
    assertCliBuilt();
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-merge-')));
    const repos = makeRepos(base);
    webSarif = path.join(base, 'web.sarif');
    cli(['check', '--format', 'sarif', '--output', webSarif, '--fail-on', 'never'], repos.web.dir);
    fs.mkdirSync(path.join(base, 'reports'));
    cli(['report', '--format', 'json', '--now', NOW, '--sarif', webSarif, '--output', path.join(base, 'reports', 'web.json')], repos.web.dir);
    cli(['report', '--format', 'json', '--now', NOW, '--team', 'platform', '--output', path.join(base, 'reports', 'api.json')], repos.api.dir);
    cli(['report', '--format', 'json', '--now', NOW, '--output', path.join(base, 'reports', 'tools.json')], repos.tools.dir);
    files = ['api', 'tools', 'web'].map((n) => path.join(base, 'reports', `${n}.json`));
    org = JSON.parse(cli(['report', '--merge', ...files, '--now', NOW], base)) as OrgReport;
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  it('takes the team from --team, else the rule file’s name', () => {
    const teams = files.map((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as GovernanceReport).repository.team);
    assert.deepEqual(teams, ['platform', null, 'web-team']);
  });

  it('sums raw counts and recomputes the ratios, per repository, team and in total', () => {
    assert.equal(org.kind, 'conductor-org-report');
    assert.deepEqual(org.sources, files);
    const t = org.total;
    assert.deepEqual([t.repositories, t.lines.ai, t.lines.human, t.aiShare, t.unreviewedAiLines], [3, 6, 18, 0.25, 4]);
    assert.deepEqual(t.findings, { total: 2, per1000: 2000 / 24, aiPer1000: 1000 / 6, humanPer1000: 1000 / 18 });
    // Only web has a SARIF split: its eval is on an AI line, out of 4 AI and 6 human lines.
    assert.deepEqual(t.scanners, { repositories: 1, ai: 1, human: 0, aiPer1000: 250, humanPer1000: 0 });
    assert.deepEqual(
      org.teams.map((x) => [x.team, x.repositories, x.lines.ai, x.lines.human, x.aiShare]),
      [
        ['platform', 1, 0, 10, 0],
        ['web-team', 1, 4, 6, 0.4],
        [null, 1, 2, 2, 0.5],
      ],
    );
    assert.deepEqual(
      org.repositories.map((x) => [x.name, x.team, x.unreviewedAiLines, x.findings.aiPer1000, x.findings.humanPer1000]),
      [
        ['api', 'platform', 0, null, 100],
        ['tools', null, 0, 0, 0],
        ['web', 'web-team', 4, 250, 0],
      ],
    );
  });

  it('merges the weekly trends, carrying each repository’s last point forward', () => {
    assert.deepEqual(org.trend, [
      { week: '2026-01-05', ai: 4, human: 12, share: 0.25, repositories: 2 },
      { week: '2026-01-12', ai: 4, human: 16, share: 0.2, repositories: 2 },
      { week: '2026-01-19', ai: 6, human: 18, share: 0.25, repositories: 3 },
    ]);
  });

  it('refuses inputs it cannot trust, with the reason', () => {
    const notReport = path.join(base, 'not-a-report.json');
    fs.writeFileSync(notReport, JSON.stringify({ version: '2.1.0', runs: [] }));
    let r = runCli(['report', '--merge', files[0], notReport], base);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not-a-report\.json is not a Conductor report of schema version 1/);
    r = runCli(['report', '--merge', files[0], files[0]], base);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /both reports of repository "api"/);
    r = runCli(['report', '--merge'], base);
    assert.equal(r.status, 2);
    r = runCli(['report', '--merge', files[0], '--sarif', webSarif], base);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--sarif applies to one repository's report/);
  });

  describe('in headless Chromium', () => {
    let browser: Browser | undefined;
    before(async () => {
      browser = await launchChromium();
      fs.mkdirSync(ARTIFACTS, { recursive: true });
    });
    after(async () => browser?.close());

    it('draws the organisation page with exact figures, no console errors, nothing remote', async () => {
      const html = path.join(base, 'org.html');
      cli(['report', '--merge', ...files, '--format', 'html', '--output', html, '--now', NOW], base);
      const text = fs.readFileSync(html, 'utf8');
      assert.match(text, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
      assert.doesNotMatch(text, /<script[^>]+src=|<link[^>]+href=|<img|<iframe|@import|url\(/i);
      const { page, requests, problems } = await openFile(browser!, html);
      try {
        await page.waitForFunction('window.conductorCharts && window.conductorCharts.length === 2', undefined, { timeout: 60000 });
        const charts = await page.evaluate<ChartInfo[]>(CHART_INFO);
        assert.deepEqual(
          charts.map((c) => [c.id, c.series, c.points]),
          [
            ['org-trend', 2, 3],
            ['teams', 2, 3],
          ],
        );
        const cards = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('.card .value')).map(function (e) { return e.textContent; })`);
        assert.deepEqual(cards, ['25.0%', '4', '– AI vs –', '166.7 AI vs 55.6', '250.0 AI vs 0.0']);
        const rows = await page.evaluate<string[][]>(
          `Array.from(document.querySelectorAll('#repositories tbody tr')).map(function (r) { return Array.from(r.children).slice(0, 5).map(function (c) { return c.textContent; }); })`,
        );
        assert.deepEqual(rows, [
          ['api', 'platform', '1', '10', '0.0%'],
          ['tools', '–', '1', '4', '50.0%'],
          ['web', 'web-team', '1', '10', '40.0%'],
        ]);
        await page.screenshot({ path: path.join(ARTIFACTS, 'report-org.png'), fullPage: true });
        assert.deepEqual(requests, [new URL(`file://${html}`).href]);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    it('draws the AI-vs-human split of other scanners on the repository page', async () => {
      const html = path.join(base, 'web.html');
      cli(['report', '--format', 'html', '--now', NOW, '--sarif', webSarif, '--output', html], path.join(base, 'web'));
      const { page, problems } = await openFile(browser!, html);
      try {
        await page.waitForFunction(`window.conductorCharts && window.conductorCharts.some(function (c) { return c.id === 'scanners'; })`, undefined, { timeout: 60000 });
        const charts = await page.evaluate<ChartInfo[]>(CHART_INFO);
        assert.deepEqual(
          charts.filter((c) => c.id === 'scanners').map((c) => [c.series, c.points]),
          [[3, 1]],
        );
        const split = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('#scanners .card .value, #scanners td')).map(function (e) { return e.textContent; })`);
        assert.deepEqual(split, [
          '250.0 AI vs 0.0',
          ...['Conductor', 'security/no-eval', '1', '0', '250.00', '0.00'],
          ...['error', '1', '0', '250.00', '0.00'],
        ]);
        await page.screenshot({ path: path.join(ARTIFACTS, 'report-sarif-split.png'), fullPage: true });
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  });
});
