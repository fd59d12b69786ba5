// docs/otlp.md is a contract: every metric a real report exports is documented with its unit and
// attribute keys, the Prometheus names follow the documented translation, and the example Grafana
// dashboard queries only those names.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { assertCliBuilt, runCli } from '../run-cli';
import { REPO_ROOT } from '../../helpers/paths';
import { reportMetrics } from '../../../server/src/report/otlp';
import type { GovernanceReport } from '../../../server/src/report/schema';
import { ScriptedRepo } from '../../unit/report/helpers';
import { writeGovernanceHistory } from '../../unit/report/history-fixture';

const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'otlp.md'), 'utf8');

/** Rows `| \`name\` | \`unit\` | attributes | … |` of the metrics table (attributes may hold escaped `\|`). */
function documentedMetrics(): Map<string, { unit: string; attributes: string }> {
  const rows = new Map<string, { unit: string; attributes: string }>();
  for (const m of doc.matchAll(/^\| `(conductor\.[a-z_.]+)` \| `([^`\n]+)` \| ((?:[^|\n]|\\\|)+) \|/gm)) {
    rows.set(m[1], { unit: m[2], attributes: m[3] });
  }
  return rows;
}

/** Prometheus' UnderscoreEscapingWithSuffixes for gauges, as docs/otlp.md states it. */
function prometheusName(name: string, unit: string): string {
  const base = name.replace(/\./g, '_');
  const suffix = unit === '1' ? '_ratio' : unit === 's' ? '_seconds' : unit === 'd' ? '_days' : '';
  return base + suffix;
}

describe('OTLP metrics contract (docs/otlp.md)', function () {
  this.timeout(120000);
  let report: GovernanceReport;

  before(() => {
    assertCliBuilt();
    const repo = new ScriptedRepo();
    try {
      writeGovernanceHistory(repo);
      const r = runCli(['report', '--format', 'json', '--now', '2026-03-02T09:00:00Z'], repo.dir);
      assert.equal(r.status, 0, r.stderr);
      report = JSON.parse(r.stdout) as GovernanceReport;
    } finally {
      repo.cleanup();
    }
  });

  it('documents every exported metric with its unit and attribute keys', () => {
    const documented = documentedMetrics();
    const exported = reportMetrics(report);
    assert.equal(exported.length, documented.size, 'the fixture report exports every documented metric');
    for (const m of exported) {
      const row = documented.get(m.name);
      assert.ok(row, `${m.name} is documented`);
      assert.equal(row.unit, m.unit, m.name);
      for (const p of m.points) {
        for (const key of Object.keys(p.attrs).filter((k) => k !== 'repo')) {
          assert.ok(row.attributes.includes(`\`${key}\``), `${m.name}: attribute ${key} is documented`);
        }
      }
    }
  });

  it('gives the Prometheus name of each metric, and the dashboard queries only those', () => {
    const documented = documentedMetrics();
    const promTable = new Map([...doc.matchAll(/^\| `(conductor\.[a-z_.]+)` \| `(conductor_[a-z_]+)` \|$/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual([...promTable.keys()].sort(), [...documented.keys()].sort());
    for (const [name, row] of documented) {
      assert.equal(promTable.get(name), prometheusName(name, row.unit), name);
    }
    const dashboard = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'dashboards', 'grafana-conductor.json'), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const known = new Set(promTable.values());
    const queried = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/\bconductor_[a-z_]+/g)].map((m) => m[0])));
    assert.ok(queried.length >= dashboard.panels.length);
    assert.deepEqual(
      queried.filter((q) => !known.has(q)),
      [],
    );
  });
});
