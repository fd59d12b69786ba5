// The scripted history the report tests measure. Every expected figure in report-cli.test.ts is
// derived by hand from this script (see the comments), with a 14-day rework window.
import { RULES, type ScriptedRepo } from './helpers';

const A_BEGIN = '// @ai-generated begin id=aaaa01 tool=copilot use=tests at=2026-01-05T09:00Z';
const A_REVIEWED = '// @ai-generated begin id=aaaa01 tool=copilot use=tests at=2026-01-05T09:00Z reviewed-by=lead@example.com reviewed-at=2026-01-20T09:00Z';
const B_BEGIN = '// @ai-generated begin id=bbbb02 tool=claude at=2026-01-12T09:00Z';
const B_REVIEWED = '// @ai-generated begin id=bbbb02 tool=claude at=2026-01-12T09:00Z reviewed-by=lead@example.com reviewed-at=2026-02-02T09:00Z';
const C_BEGIN = '// @ai-generated begin id=cccc03 tool=copilot at=2026-02-02T09:00Z';

const app = (h3: string, h5: string, extra: string[] = []): string[] => [
  'export const h1 = 1;',
  'export const h2 = 2;',
  h3,
  'export const h4 = 4;',
  h5,
  'export const h6 = 6;',
  "export const key = 'FAKEKEY1234';",
  'export const h8 = 8;',
  'export const h9 = 9;',
  'export const h10 = 10;',
  ...extra,
];

/**
 * C1 2026-01-05 (Mon) adds src/app.ts (10 human lines), src/ai/gen.ts (block A: 4 AI lines, 2 human),
 *   lib/util.py (5 human).                                                          AI +4, human +17
 * C2 2026-01-08 changes A's a2 and deletes a4 (3 days: 2 AI lines reworked), changes app h3
 *   (1 human line reworked).                                                        AI +1, human +1
 * C3 2026-01-12 adds src/feature/b.ts: block B (3 AI lines) + 1 human line.       AI +3, human +1
 * C4 2026-01-20 reviews A (a marker line: not counted), deletes B's b1 (8 days: reworked),
 *   changes app h5 (15 days old: outside the window).                               human +1
 * C5 2026-02-02 reviews B, adds src/ai/gen2.ts (block C: 2 AI lines, a TODO), deletes lib/util.py
 *   (28 days old: not reworked).                                                    AI +2
 * C6 2026-03-02 (HEAD) appends 2 lines to app.ts: within 14 days of HEAD, so pending. human +2
 */
export function writeGovernanceHistory(repo: ScriptedRepo): void {
  repo.write('.conductor/rules.jsonc', RULES);
  repo.write('src/app.ts', app('export const h3 = 3;', 'export const h5 = 5;'));
  repo.write('src/ai/gen.ts', ['export const x = 1;', A_BEGIN, 'export const a1 = eval("1");', 'export const a2 = 2;', 'export const a3 = 3;', 'export const a4 = 4;', '// @ai-generated end id=aaaa01', 'export const y = 2;']);
  repo.write('lib/util.py', ['def u1():', '    return 1', '', 'def u2():', '    return 2']);
  repo.commit('2026-01-05T10:00:00Z', 'C1');

  repo.write('src/ai/gen.ts', ['export const x = 1;', A_BEGIN, 'export const a1 = eval("1");', 'export const a2 = 22;', 'export const a3 = 3;', '// @ai-generated end id=aaaa01', 'export const y = 2;']);
  repo.write('src/app.ts', app('export const h3 = 30;', 'export const h5 = 5;'));
  repo.commit('2026-01-08T10:00:00Z', 'C2');

  repo.write('src/feature/b.ts', [B_BEGIN, 'export const b1 = 1;', 'export const b2 = 2;', 'export const b3 = 3;', '// @ai-generated end id=bbbb02', 'export const human = 0;']);
  repo.commit('2026-01-12T10:00:00Z', 'C3');

  repo.write('src/ai/gen.ts', ['export const x = 1;', A_REVIEWED, 'export const a1 = eval("1");', 'export const a2 = 22;', 'export const a3 = 3;', '// @ai-generated end id=aaaa01', 'export const y = 2;']);
  repo.write('src/feature/b.ts', [B_BEGIN, 'export const b2 = 2;', 'export const b3 = 3;', '// @ai-generated end id=bbbb02', 'export const human = 0;']);
  repo.write('src/app.ts', app('export const h3 = 30;', 'export const h5 = 50;'));
  repo.commit('2026-01-20T10:00:00Z', 'C4');

  repo.write('src/feature/b.ts', [B_REVIEWED, 'export const b2 = 2;', 'export const b3 = 3;', '// @ai-generated end id=bbbb02', 'export const human = 0;']);
  repo.write('src/ai/gen2.ts', [C_BEGIN, '// TODO: c1 needs a name', 'export const c2 = 2;', '// @ai-generated end id=cccc03']);
  repo.remove('lib/util.py');
  repo.commit('2026-02-02T10:00:00Z', 'C5');

  repo.write('src/app.ts', app('export const h3 = 30;', 'export const h5 = 50;', ['export const h11 = 11;', 'export const h12 = 12;']));
  repo.commit('2026-03-02T10:00:00Z', 'C6');
}
