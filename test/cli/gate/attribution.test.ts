import * as assert from 'node:assert/strict';
import { parseMarkers, syntaxFor } from '../../../server/src/engine';
import { ownershipRecord } from '../../../server/src/engine/ai-policy';
import { formatOwnershipRecord } from '../../../server/src/engine/attribution';
import { assertCliBuilt } from '../run-cli';
import { summarize, TempRepo } from './helpers';

// Fail closed on provenance, through the built CLI on real git repositories: a broken marker does not
// hide AI code from the policy, and deleting the markers of an unreviewed block is a finding
// (ai/attribution-removed) unless the block was reviewed or a Take ownership record covers it.

const RULES = JSON.stringify({
  ai: { forbidden: [{ paths: ['src/auth/**'], reason: 'auth code needs a human author' }], review: { required: true } },
  ignore: ['.conductor/**'],
});

const lines = (...l: string[]): string => l.join('\n') + '\n';
const block = (begin: string): string =>
  lines('export function total(items: number[]): number {', `  // ${begin}`, '  const sum = items.reduce((a, b) => a + b, 0);', '  return sum * TAX_RATE;', '  // @ai-generated end id=a1b2', '}');
/** The same code with the marker lines deleted, and two lines added above (line numbers shift). */
const unmarked = lines('// totals', '', 'export function total(items: number[]): number {', '  const sum = items.reduce((a, b) => a + b, 0);', '  return sum * TAX_RATE;', '}');

describe('gate: broken markers and removed attribution (real git repositories)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  before(assertCliBuilt);
  afterEach(() => repo.remove());

  it('a malformed begin marker (id=zz) in a forbidden path fails the gate: ai/forbidden-path and invalid-marker are errors', () => {
    repo = new TempRepo({ 'src/auth/login.ts': lines('// @ai-generated begin id=zz tool=copilot', 'export const token = sign(user);', '// @ai-generated end id=zz') }, { rules: RULES });
    const r = repo.json('check', '--fail-on', 'error');
    assert.equal(r.status, 1, JSON.stringify(r, null, 2));
    const found = r.results.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.severity} ${x.ruleId}`));
    assert.ok(found.includes('src/auth/login.ts:1 error ai/forbidden-path'), found.join('\n'));
    assert.ok(found.includes('src/auth/login.ts:1 error provenance/invalid-marker'), found.join('\n'));
  });

  describe('check --changed-since: markers deleted, code kept', () => {
    function start(begin: string): void {
      repo = new TempRepo({ 'src/billing/total.ts': block(begin) }, { rules: RULES });
      repo.commitAll('base');
      repo.git('checkout', '-q', '-b', 'feature');
    }

    it('an unreviewed block → ai/attribution-removed (error, exit 1) on the first kept line, wherever it moved', () => {
      start('@ai-generated begin id=a1b2 tool=copilot');
      repo.write('src/billing/total.ts', unmarked);
      repo.commitAll('drop the markers');
      const r = repo.json('check', '--changed-since', 'main');
      assert.equal(r.status, 1, JSON.stringify(r, null, 2));
      assert.deepEqual(summarize(r), ['src/billing/total.ts:4 ai/attribution-removed']);
      const f = r.results[0].findings[0];
      assert.equal(f.severity, 'error');
      assert.match(f.message, /AI block a1b2 \(tool=copilot\) was unreviewed at main; its markers are gone but 2 of its lines are still here/);
      assert.deepEqual(f.properties?.lines, [4, 5]);
      assert.ok(f.fingerprint, 'fingerprinted like every finding');
    });

    it('a commit that only deletes the marker lines (no added line) is caught too', () => {
      start('@ai-generated begin id=a1b2 tool=copilot');
      repo.write('src/billing/total.ts', block('@ai-generated begin id=a1b2 tool=copilot').split('\n').filter((l) => !l.includes('@ai-generated')).join('\n'));
      repo.commitAll('drop the markers');
      const r = repo.json('check', '--changed-since', 'main');
      assert.deepEqual(summarize(r), ['src/billing/total.ts:2 ai/attribution-removed']);
      assert.equal(r.status, 1);
    });

    it('a block with a broken begin marker at the base counts as unreviewed too', () => {
      start('@ai-generated begin id=zz tool=copilot');
      repo.write('src/billing/total.ts', unmarked);
      const r = repo.json('check', '--changed-since', 'HEAD');
      assert.deepEqual(summarize(r), ['src/billing/total.ts:4 ai/attribution-removed']);
      assert.match(r.results[0].findings[0].message, /An AI block with a broken marker/);
    });

    it('a block reviewed at the base → no finding, exit 0', () => {
      start('@ai-generated begin id=a1b2 tool=copilot reviewed-by=rev@example.com reviewed-at=2025-12-01T10:00Z');
      repo.write('src/billing/total.ts', unmarked);
      repo.commitAll('drop the markers of a reviewed block');
      const r = repo.json('check', '--changed-since', 'main');
      assert.deepEqual(summarize(r), []);
      assert.equal(r.status, 0);
    });

    it('the code deleted or rewritten with the markers → no finding (a lone "}" or a line that was human code already does not count)', () => {
      start('@ai-generated begin id=a1b2 tool=copilot');
      repo.write('src/billing/total.ts', lines('export function total(items: number[]): number {', '  let s = 0;', '  for (const i of items) s += i;', '  return s * TAX_RATE;', '}'));
      const r = repo.json('check', '--changed-since', 'HEAD');
      assert.deepEqual(summarize(r), []);
      assert.equal(r.status, 0);
    });

    it('a Take ownership record in .conductor/ownership.jsonl → no finding; a record for other code or a bad line → still the finding', () => {
      const begin = '@ai-generated begin id=a1b2 tool=copilot';
      start(begin);
      const text = block(begin);
      const region = parseMarkers(text, syntaxFor(undefined, 'src/billing/total.ts')).regions[0];
      const record = ownershipRecord('src/billing/total.ts', text, region, 'rev@example.com', new Date('2026-01-02T03:04Z'), 'rewritten by a human');
      repo.write('src/billing/total.ts', unmarked);

      repo.write('.conductor/ownership.jsonl', formatOwnershipRecord({ ...record, lines: record.lines.slice(1) }) + '{"file": "src/billing/total.ts"}\n');
      const partial = repo.json('check', '--changed-since', 'HEAD');
      assert.deepEqual(summarize(partial), ['src/billing/total.ts:4 ai/attribution-removed'], 'a record must cover every kept line');
      assert.match(partial.stderr, /\.conductor\/ownership\.jsonl:2: not an ownership record \("block" must be a non-empty string\)/);

      repo.write('.conductor/ownership.jsonl', formatOwnershipRecord({ ...record, block: 'ffff' }) + formatOwnershipRecord(record));
      const owned = repo.json('check', '--changed-since', 'HEAD');
      assert.deepEqual(summarize(owned), []);
      assert.equal(owned.status, 0, owned.stderr);
    });

    it('an ownership log that is not a regular file stops the check (exit 2)', () => {
      start('@ai-generated begin id=a1b2 tool=copilot');
      repo.write('src/billing/total.ts', unmarked);
      repo.write('.conductor/ownership.jsonl/x', '');
      const r = repo.run('check', '--changed-since', 'HEAD');
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /Cannot read \.conductor\/ownership\.jsonl: not a regular file/);
    });
  });
});
