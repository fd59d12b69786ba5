// What the page finds on `window`: uPlot (inlined before the page script, absent if it failed to
// load), VS Code's webview API (only in the dashboard), and the charts the tests inspect.
import type { Chart } from './charts';

declare global {
  var uPlot: typeof import('uplot');
  var acquireVsCodeApi: (() => { postMessage(message: unknown): void }) | undefined;
  interface Window {
    conductorCharts: Chart[];
  }
}
