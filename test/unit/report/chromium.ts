// Headless Chromium through playwright-core from the e2e toolchain (not a dependency of the project),
// for the report pages' rendering tests; screenshots go to test-artifacts/.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { REPO_ROOT } from '../../helpers/paths';

export const PW = path.join(process.env.CONDUCTOR_E2E_TOOLS ?? path.join(REPO_ROOT, '.e2e-tools'), 'pw', 'node_modules', 'playwright-core');
export const CHROMIUM = process.env.CONDUCTOR_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

// Only what the tests use of playwright-core.
export interface Page {
  on(event: 'console', cb: (m: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', cb: (e: Error) => void): void;
  on(event: 'request', cb: (r: { url(): string }) => void): void;
  goto(url: string): Promise<unknown>;
  waitForFunction(fn: string, arg?: unknown, o?: { timeout: number }): Promise<unknown>;
  evaluate<T>(fn: string): Promise<T>;
  screenshot(o: { path: string; fullPage: boolean }): Promise<unknown>;
  emulateMedia(o: { colorScheme: 'dark' | 'light' }): Promise<void>;
  addInitScript(script: string): Promise<void>;
  close(): Promise<void>;
}
export interface Browser {
  newPage(o?: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

export interface ChartInfo {
  id: string;
  width: number;
  height: number;
  series: number;
  points: number;
}

export const CHART_INFO = `window.conductorCharts.map(function (c) {
  return { id: c.id, width: c.u.width, height: c.u.height, series: c.u.series.length, points: c.u.data[0].length };
})`;

export async function launchChromium(): Promise<Browser> {
  assert.ok(
    fs.existsSync(path.join(PW, 'package.json')) && fs.existsSync(CHROMIUM),
    'headless Chromium and playwright-core are missing: run `npm run test:setup` (npm test does it first)',
  );
  const { chromium } = createRequire(__filename)(PW) as { chromium: { launch(o: object): Promise<Browser> } };
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** Opens an HTML file, recording every request and every console error or warning. */
export async function openFile(
  browser: Browser,
  file: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.emulateMedia({ colorScheme });
  await page.goto(pathToFileURL(file).href);
  return { page, requests, problems };
}
