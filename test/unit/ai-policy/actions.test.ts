import * as assert from 'node:assert/strict';
import { applyEdits, parseMarkers, syntaxFor, type AiRegion } from '../../../server/src/engine';
import {
  approvedUseCases,
  findRegion,
  isExcludedFromAi,
  markReviewedEdits,
  setUseCaseEdits,
  takeOwnershipEdits,
} from '../../../server/src/engine/ai-policy';
import { aiBrief, check, policyOf, removeWorkspaces } from './helpers';

const POLICY = {
  ai: {
    useCases: {
      tests: { paths: ['**/*.test.ts'] },
      boilerplate: { paths: ['src/**'] },
      docs: { paths: ['**'] },
    },
    forbidden: [{ paths: ['src/auth/**'], reason: 'auth' }],
    excluded: ['secrets/**'],
    review: { required: true },
  },
};

const DATE = new Date('2026-12-01T11:34:56Z');

function regionOf(text: string, path = 'src/a.ts'): AiRegion {
  const { regions } = parseMarkers(text, syntaxFor(undefined, path));
  assert.equal(regions.length, 1);
  return regions[0];
}

const src = (begin: string): string => ['function f() {', `  // ${begin}`, '  return 1;', '  // @ai-generated end id=a1b2', '}', ''].join('\n');

describe('ai-policy: quick-fix edits', () => {
  after(removeWorkspaces);
  let policy: ReturnType<typeof policyOf>;
  before(() => {
    policy = policyOf(POLICY);
  });

  describe('markReviewedEdits', () => {
    const CASES: { name: string; begin: string; reviewer: string; expected: string }[] = [
      {
        name: 'adds reviewed-by and reviewed-at (one insert)',
        begin: '@ai-generated begin id=a1b2 tool=copilot at=2026-11-30T09:00Z accepted-by=alice',
        reviewer: 'bob',
        expected: '@ai-generated begin id=a1b2 tool=copilot at=2026-11-30T09:00Z accepted-by=alice reviewed-by=bob reviewed-at=2026-12-01T11:34Z',
      },
      {
        name: 'replaces an earlier review',
        begin: '@ai-generated begin id=a1b2 tool=copilot reviewed-by=carol reviewed-at=2026-11-01T10:00Z use=docs',
        reviewer: 'bob',
        expected: '@ai-generated begin id=a1b2 tool=copilot reviewed-by=bob reviewed-at=2026-12-01T11:34Z use=docs',
      },
      {
        name: 'repairs a malformed reviewed-at and adds the missing reviewer',
        begin: '@ai-generated begin id=a1b2 tool=copilot reviewed-at=2026-13-45T10:00Z',
        reviewer: 'bob',
        expected: '@ai-generated begin id=a1b2 tool=copilot reviewed-at=2026-12-01T11:34Z reviewed-by=bob',
      },
      {
        name: 'quotes a reviewer with spaces and trims it',
        begin: '@ai-generated begin id=a1b2 tool=copilot',
        reviewer: '  Jane Doe ',
        expected: '@ai-generated begin id=a1b2 tool=copilot reviewed-by="Jane Doe" reviewed-at=2026-12-01T11:34Z',
      },
    ];
    for (const c of CASES) {
      it(c.name, () => {
        const text = src(c.begin);
        const result = markReviewedEdits(text, regionOf(text), c.reviewer, DATE, policy, 'src/a.ts');
        assert.ok('edits' in result, JSON.stringify(result));
        assert.equal(applyEdits(text, result.edits), src(c.expected));
      });
    }

    it('a block marked reviewed no longer has review findings', () => {
      const text = src('@ai-generated begin id=a1b2 tool=copilot use=boilerplate at=2026-11-30T09:00Z reviewed-by=bob');
      assert.deepEqual(aiBrief(check(policy, 'src/a.ts', text)), [['ai/malformed-review', 'warning']]);
      const result = markReviewedEdits(text, regionOf(text), 'carol', DATE, policy, 'src/a.ts');
      assert.ok('edits' in result);
      assert.deepEqual(aiBrief(check(policy, 'src/a.ts', applyEdits(text, result.edits))), []);
    });

    const REFUSALS: { name: string; begin: string; reviewer: string; path?: string; date?: Date; reason: RegExp; policy?: object }[] = [
      { name: 'self-review', begin: '@ai-generated begin id=a1b2 tool=copilot accepted-by=alice', reviewer: 'ALICE', reason: /alice accepted this block|ALICE accepted this block/ },
      { name: 'empty reviewer', begin: '@ai-generated begin id=a1b2 tool=copilot', reviewer: '  ', reason: /reviewer's name/ },
      { name: 'reviewer a marker cannot hold', begin: '@ai-generated begin id=a1b2 tool=copilot', reviewer: 'x */ y', reason: /comment closer/ },
      { name: 'excluded path', begin: '@ai-generated begin id=a1b2 tool=copilot', reviewer: 'bob', path: 'secrets/a.ts', reason: /excluded from AI assistants/ },
      { name: 'date before generation', begin: '@ai-generated begin id=a1b2 tool=copilot at=2026-12-02T00:00Z', reviewer: 'bob', reason: /before the block was generated/ },
      { name: 'invalid date', begin: '@ai-generated begin id=a1b2 tool=copilot', reviewer: 'bob', date: new Date('nope'), reason: /date is invalid/ },
    ];
    for (const c of REFUSALS) {
      it(`refuses: ${c.name}`, () => {
        const text = src(c.begin);
        const result = markReviewedEdits(text, regionOf(text), c.reviewer, c.date ?? DATE, policy, c.path ?? 'src/a.ts');
        assert.ok('refused' in result, JSON.stringify(result));
        assert.match(result.refused, c.reason);
      });
    }

    it('allows self-review when the policy does', () => {
      const lenient = policyOf({ ai: { ...POLICY.ai, review: { allowSelfReview: true } } });
      const text = src('@ai-generated begin id=a1b2 tool=copilot accepted-by=alice');
      const result = markReviewedEdits(text, regionOf(text), 'alice', DATE, lenient, 'src/a.ts');
      assert.ok('edits' in result);
      assert.equal(applyEdits(text, result.edits), src('@ai-generated begin id=a1b2 tool=copilot accepted-by=alice reviewed-by=alice reviewed-at=2026-12-01T11:34Z'));
    });
  });

  describe('setUseCaseEdits', () => {
    it('adds use=', () => {
      const text = src('@ai-generated begin id=a1b2 tool=copilot');
      assert.equal(applyEdits(text, setUseCaseEdits(text, regionOf(text), 'boilerplate')), src('@ai-generated begin id=a1b2 tool=copilot use=boilerplate'));
    });

    it('replaces use=, and the block is then approved', () => {
      const text = src('@ai-generated begin id=a1b2 tool=copilot use=migration reviewed-by=bob reviewed-at=2026-11-30T10:00Z');
      assert.deepEqual(aiBrief(check(policy, 'src/a.ts', text)), [['ai/unknown-use-case', 'warning']]);
      const fixed = applyEdits(text, setUseCaseEdits(text, regionOf(text), 'boilerplate'));
      assert.equal(fixed, src('@ai-generated begin id=a1b2 tool=copilot use=boilerplate reviewed-by=bob reviewed-at=2026-11-30T10:00Z'));
      assert.deepEqual(aiBrief(check(policy, 'src/a.ts', fixed)), []);
    });

    it('works in block-comment languages', () => {
      const text = ['a {}', '/* @ai-generated begin id=a1b2 tool=copilot */', 'b {}', '/* @ai-generated end id=a1b2 */', ''].join('\n');
      const region = regionOf(text, 'x.css');
      assert.equal(
        applyEdits(text, setUseCaseEdits(text, region, 'docs')),
        ['a {}', '/* @ai-generated begin id=a1b2 tool=copilot use=docs */', 'b {}', '/* @ai-generated end id=a1b2 */', ''].join('\n'),
      );
    });

    it('throws on a name a marker cannot hold', () => {
      const text = src('@ai-generated begin id=a1b2 tool=copilot');
      assert.throws(() => setUseCaseEdits(text, regionOf(text), ''), RangeError);
    });
  });

  describe('takeOwnershipEdits', () => {
    it('removes both markers and keeps the code', () => {
      const text = src('@ai-generated begin id=a1b2 tool=copilot use=docs');
      assert.equal(applyEdits(text, takeOwnershipEdits(text, regionOf(text))), ['function f() {', '  return 1;', '}', ''].join('\n'));
    });

    it('a forbidden-path finding is gone after taking ownership', () => {
      const text = src('@ai-generated begin id=a1b2 tool=copilot');
      assert.deepEqual(aiBrief(check(policy, 'src/auth/a.ts', text)), [['ai/forbidden-path', 'error']]);
      assert.deepEqual(aiBrief(check(policy, 'src/auth/a.ts', applyEdits(text, takeOwnershipEdits(text, regionOf(text))))), []);
    });
  });

  describe('approvedUseCases and isExcludedFromAi', () => {
    const APPROVED: [string, string[]][] = [
      ['src/a.ts', ['boilerplate', 'docs']],
      ['src/a.test.ts', ['tests', 'boilerplate', 'docs']],
      ['lib/a.ts', ['docs']],
      ['src/auth/a.ts', []], // forbidden
      ['secrets/a.ts', []], // excluded
    ];
    for (const [p, expected] of APPROVED) {
      it(`approvedUseCases(${p})`, () => {
        assert.deepEqual(approvedUseCases(policy, p), expected);
      });
    }

    it('approvedUseCases is empty when use cases are not governed', () => {
      assert.deepEqual(approvedUseCases(policyOf({ ai: { review: {} } }), 'src/a.ts'), []);
    });

    const EXCLUDED: [string, boolean][] = [
      ['secrets/a.ts', true],
      ['secrets/deep/b.env', true],
      ['src/secrets/a.ts', false],
      ['src/a.ts', false],
      ['src/auth/a.ts', false], // forbidden is not excluded
    ];
    for (const [p, expected] of EXCLUDED) {
      it(`isExcludedFromAi(${p}) = ${expected}`, () => {
        assert.equal(isExcludedFromAi(policy, p), expected);
      });
    }
  });

  it('findRegion finds a block by id (case-insensitive) for the LSP', () => {
    const text = src('@ai-generated begin id=a1b2 tool=copilot');
    assert.equal(findRegion('src/a.ts', text, 'A1B2')?.beginLine, 1);
    assert.equal(findRegion('src/a.ts', text, 'ffff'), undefined);
  });
});
