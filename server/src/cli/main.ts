#!/usr/bin/env node
// conductor: the CI gate. Runs the same engine as the editor over files on disk.
import { enableLinearRegexFallback } from '../engine';
import { runBaseline } from './baseline-command';
import { runCheck } from './check-command';
import { runProvenance } from './provenance-command';
import { UsageError } from './cli-config';
import { InputError } from '../host/input-error';
import { runFix } from './fix-command';
import { runGraph } from './graph-command';
import { runInit } from './init-command';
import { runInstructions } from './instructions-command';
import { runMcp } from './mcp-command';
import { runMerge } from './merge-command';
import { runOrg } from './org-command';
import { runReport } from './report-command';
import { HELP } from './help';
import { runHooks } from './hooks-command';
import { runHook } from './hook-command';

enableLinearRegexFallback();

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest);
    case 'merge':
      return runMerge(rest);
    case 'provenance':
      return runProvenance(rest);
    case 'baseline':
      return runBaseline(rest);
    case 'init':
      return runInit(rest);
    case 'fix':
      return runFix(rest);
    case 'graph':
      return runGraph(rest);
    case 'org':
      return runOrg(rest);
    case 'report':
      return runReport(rest);
    case 'instructions':
      return runInstructions(rest);
    case 'mcp':
      return runMcp(rest);
    case 'hooks':
      return runHooks(rest);
    case 'hook':
      return runHook(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

declare const VERSION: string;

function fail(e: unknown): void {
  if (e instanceof InputError) {
    process.stderr.write(`conductor: ${e.message}\n`);
  } else {
    process.stderr.write(`conductor: internal error: ${(e as Error).stack ?? e}\n`);
  }
  process.exitCode = 2;
}

try {
  Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  }, fail);
} catch (e) {
  fail(e);
}
