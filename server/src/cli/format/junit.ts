import { failsGate, type FailOn, type GateReport } from './report';

/**
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure DevOps, CircleCI): one <testsuite> per
 * file with findings, one <testcase> per finding. Findings that fail the gate (--fail-on) carry a
 * <failure>; the others pass and keep their text in <system-out>, so the report's red matches the
 * exit code. A clean run is one passing testcase, since some viewers reject an empty report.
 */
export function formatJunit(report: GateReport, failOn: FailOn): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const f of report.files) {
    if (f.findings.length === 0) {
      continue;
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const x of f.findings) {
      const where = `${f.relPath}:${x.range.start.line + 1}:${x.range.start.character + 1}`;
      const body = `${where}: ${x.severity} ${x.message} (${x.ruleId})${x.docsUrl?.startsWith('http') ? `\n${x.docsUrl}` : ''}`;
      const name = `${x.ruleId} at ${x.range.start.line + 1}:${x.range.start.character + 1}`;
      const open = `    <testcase name="${attr(name)}" classname="${attr(f.relPath)}" file="${attr(f.relPath)}" line="${x.range.start.line + 1}" time="0">`;
      if (failsGate(x, failOn)) {
        suiteFailures++;
        cases.push(`${open}\n      <failure message="${attr(x.message)}" type="${attr(x.severity)}">${text(body)}</failure>\n    </testcase>`);
      } else {
        cases.push(`${open}\n      <system-out>${text(body)}</system-out>\n    </testcase>`);
      }
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${attr(f.relPath)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  if (suites.length === 0) {
    tests = 1;
    suites.push(
      `  <testsuite name="conductor" tests="1" failures="0" errors="0" skipped="0" time="0">\n    <testcase name="no problems" classname="conductor" time="0"/>\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="conductor" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
