import * as assert from 'node:assert/strict';
import { markerProvenance } from '../../../server/src/engine/provenance';
import { check, policyOf, removeWorkspaces } from './helpers';

// Fail closed: a broken begin marker does not take AI code out of the policy. The code under it is
// judged as an AI block of unknown tool and use case, never reviewed.

const POLICY = {
  ai: {
    forbidden: [{ paths: ['src/auth/**'], reason: 'auth' }],
    excluded: ['secrets/**'],
    review: { required: true },
    unclassified: 'forbid',
  },
};

const lines = (...l: string[]): string => l.join('\n') + '\n';

const brief = (text: string, relPath: string): string[] =>
  check(policyOf(POLICY), relPath, text)
    .filter((f) => f.ruleId.startsWith('ai/') || f.ruleId.startsWith('provenance/'))
    .map((f) => `${f.range.start.line}:${f.ruleId}:${f.severity}`);

describe('ai-policy: broken markers still count as AI code', () => {
  after(removeWorkspaces);

  it('a malformed begin (id=zz) in a forbidden path: ai/forbidden-path (error), and the marker problem is an error too', () => {
    const text = lines('// @ai-generated begin id=zz tool=copilot', 'export const token = sign(user);', '// @ai-generated end id=zz', '');
    const found = brief(text, 'src/auth/login.ts');
    assert.ok(found.includes('0:ai/forbidden-path:error'), found.join('\n'));
    assert.ok(found.includes('0:provenance/invalid-marker:error'), found.join('\n'));
    const f = check(policyOf(POLICY), 'src/auth/login.ts', text).find((x) => x.ruleId === 'ai/forbidden-path');
    assert.match(f?.message ?? '', /cannot be read or paired/);
    assert.deepEqual(f?.properties?.aiActions, [{ kind: 'explain', docsUrl: 'https://docs.example/ai/forbidden-path.md' }], 'no marker-editing quick fix on a marker that cannot be read');
  });

  it('in an excluded path: ai/excluded-path', () => {
    const found = brief(lines('# @ai-generated begin id=nothex', 'KEY = 1'), 'secrets/keys.py');
    assert.ok(found.includes('0:ai/excluded-path:error'), found.join('\n'));
    assert.ok(found.includes('0:provenance/invalid-marker:error'), found.join('\n'));
  });

  it('elsewhere: unknown use case (forbidden when unclassified) and unreviewed', () => {
    const found = brief(lines('const a = 1;', '// @ai-generated begin tool=copilot', 'const b = 2;'), 'src/a.ts');
    assert.deepEqual(
      found.filter((x) => x.includes(':ai/')),
      ['1:ai/unreviewed:warning', '1:ai/use-case-not-approved:error'],
    );
  });

  it('an unclosed begin counts too, even with a review in its marker', () => {
    const text = lines('// @ai-generated begin id=a1b2 tool=copilot use=docs reviewed-by=bob reviewed-at=2026-11-30T10:00Z', 'const b = 2;');
    assert.ok(brief(text, 'src/a.ts').includes('0:ai/unreviewed:warning'));
    assert.ok(brief(text, 'src/auth/x.ts').includes('0:ai/forbidden-path:error'));
  });

  it('findings on code under a broken marker get the rule\'s aiSeverity and the block facts', () => {
    const policy = policyOf({
      patterns: [{ id: 'team/todo', regex: 'TODO', message: 'Resolve the TODO.', severity: 'info', aiSeverity: 'error', in: 'any' }],
    });
    const text = lines('// TODO outside', '// @ai-generated begin id=zz tool=copilot', 'const b = 2; // TODO inside');
    const todos = check(policy, 'src/a.ts', text).filter((f) => f.ruleId === 'team/todo');
    assert.deepEqual(todos.map((f) => [f.range.start.line, f.severity]), [
      [0, 'info'],
      [2, 'error'],
    ]);
    assert.deepEqual(todos[1].properties?.ai, { blockId: null, tool: 'unknown', useCase: null, reviewed: false });
  });

  it('extent: up to the next marker of any kind, else the end of the file; nothing inside a readable block', () => {
    const text = lines(
      '// @ai-generated begin id=zz', // 0: unreadable, runs to line 2
      'a();',
      '// @ai-generated end id=zz', // 2: unreadable end (not a block)
      'b();',
      '// @ai-generated begin id=c3d4 tool=x', // 4: readable block 4..7
      '// @ai-generated begin', // 5: broken, but inside c3d4: already AI code
      'c();',
      '// @ai-generated end id=c3d4',
      '// @ai-generated begin id=e5f6 tool=x', // 8: unclosed, runs to the end
      'd();',
    );
    const parsed = markerProvenance.regionsFor('a.ts', text);
    assert.deepEqual(
      parsed.unpaired?.map((b) => [b.id, b.beginLine, b.endLine]),
      [
        [undefined, 0, 2],
        ['e5f6', 8, 11],
      ],
    );
  });

  it('readable, paired markers: no unpaired blocks (and the field is absent)', () => {
    const parsed = markerProvenance.regionsFor('a.ts', lines('// @ai-generated begin id=a1b2 tool=x', 'a();', '// @ai-generated end id=a1b2'));
    assert.equal(parsed.unpaired, undefined);
    assert.equal(parsed.regions.length, 1);
  });
});
