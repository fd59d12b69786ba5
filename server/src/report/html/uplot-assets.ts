// uPlot's script and style sheet, inlined into the HTML report and the dashboard webview (no CDN,
// no network). scripts/build.mjs defines UPLOT_JS and UPLOT_CSS from node_modules/uplot/dist at
// build time, so the bundles carry them; unbundled code (the tsc output the unit tests run) reads
// the same files at run time instead.
import * as fs from 'fs';
import * as path from 'path';

declare const UPLOT_JS: string | undefined;
declare const UPLOT_CSS: string | undefined;

let cached: { js: string; css: string } | undefined;

export function uplotAssets(): { js: string; css: string } {
  if (!cached) {
    if (typeof UPLOT_JS === 'string' && typeof UPLOT_CSS === 'string') {
      cached = { js: UPLOT_JS, css: UPLOT_CSS };
    } else {
      const dist = path.dirname(require.resolve('uplot'));
      cached = {
        js: fs.readFileSync(path.join(dist, 'uPlot.iife.min.js'), 'utf8'),
        css: fs.readFileSync(path.join(dist, 'uPlot.min.css'), 'utf8'),
      };
    }
  }
  return cached;
}
