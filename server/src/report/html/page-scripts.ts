// The pages' scripts (report/html/page/, typed TypeScript for the browser), as the text the
// renderer inlines. scripts/build.mjs type-checks and bundles them and defines REPORT_PAGE_JS and
// ORG_PAGE_JS, so the bundles carry them; unbundled code (the tsc output the unit tests run) bundles
// the same sources with esbuild at first use instead, as uplot-assets.ts reads uPlot at run time.
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';

declare const REPORT_PAGE_JS: string | undefined;
declare const ORG_PAGE_JS: string | undefined;

export type PageName = 'report' | 'org';

/** The options scripts/build.mjs bundles a page with: one IIFE, for the browsers VS Code and the report support. */
const PAGE_BUNDLE = { bundle: true, format: 'iife', target: 'es2020', charset: 'utf8', legalComments: 'none' } as const;

const cached = new Map<PageName, string>();

export function pageScript(name: PageName): string {
  let js = cached.get(name);
  if (js === undefined) {
    const defined = name === 'report' ? (typeof REPORT_PAGE_JS === 'string' ? REPORT_PAGE_JS : undefined) : typeof ORG_PAGE_JS === 'string' ? ORG_PAGE_JS : undefined;
    js = defined ?? bundleFromSource(name);
    cached.set(name, js);
  }
  return js;
}

function bundleFromSource(name: PageName): string {
  // From out/server/src/report/html back to the sources (tsc does not emit the browser project).
  const dir = [path.join(__dirname, 'page'), path.resolve(__dirname, '../../../../../server/src/report/html/page')].find((d) => fs.existsSync(path.join(d, `${name}-page.ts`)));
  if (!dir) {
    throw new Error(`The ${name} page's script is not bundled and its source (report/html/page/${name}-page.ts) is not here`);
  }
  // Loaded only here: the bundles never get this far, and esbuild is a devDependency.
  const esbuild = createRequire(__filename)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({ ...PAGE_BUNDLE, entryPoints: [path.join(dir, `${name}-page.ts`)], write: false, logLevel: 'silent' });
  return out.outputFiles[0].text;
}
