import * as assert from 'node:assert/strict';
import { compileRuleRegex } from '../../../server/src/engine/regex/linear-regex';
import { maskSecretsIn } from '../../../server/src/engine/check/secret-mask';

// The one masking function for shown text: URL credentials always, values a secret rule finds, and
// random-looking tokens; ordinary message text (paths, rule ids, dates, short ids) stays readable.

const rule = (source: string): RegExp => {
  const c = compileRuleRegex(source);
  assert.ok('regex' in c);
  return c.regex;
};
// Built at run time: no token-shaped literal in the source.
const RANDOM = ['Zq8x', 'W3pL', 'm7Kd', 'R2vT', 'n9Bs'].join('');
const RANDOM_B64 = ['q7Xv2LmP', '/9sR4tK8w', '+Z3nB6yD1'].join('') + '==';

describe('maskSecretsIn', () => {
  it('masks URL credentials whatever the scheme, and leaves URLs without them alone', () => {
    assert.equal(maskSecretsIn('POST https://otel:hunter2@collector.example.com/v1/metrics failed'), 'POST https://***@collector.example.com/v1/metrics failed');
    assert.equal(maskSecretsIn('git+ssh://git@host/repo and http://a:b@c'), 'git+ssh://***@host/repo and http://***@c');
    assert.equal(maskSecretsIn('see https://example.com/a@b?x=1'), 'see https://example.com/a@b?x=1');
  });

  it('masks what a secret rule finds, even a value too plain for the entropy test', () => {
    const low = ['tok', '_', 'aaaaaaaaaaaaaaaaaaaaaaaa'].join('');
    assert.equal(maskSecretsIn(`use case "${low}"`), `use case "${low}"`);
    assert.equal(maskSecretsIn(`use case "${low}"`, [rule('\\b(?<secret>tok_[a-z]{24})\\b')]), 'use case "tok_…(28 chars)"');
  });

  it('masks random-looking tokens (base64 padding included) by length and entropy', () => {
    assert.equal(maskSecretsIn(`tool ${RANDOM} wrote it`), `tool ${RANDOM.slice(0, 4)}…(20 chars) wrote it`);
    assert.equal(maskSecretsIn(`reviewed-by=${RANDOM_B64} has no reviewed-at`), `reviewed-by=${RANDOM_B64.slice(0, 4)}…(${RANDOM_B64.length} chars) has no reviewed-at`);
    assert.equal(maskSecretsIn(RANDOM.slice(0, 19)), RANDOM.slice(0, 19));
  });

  it('keeps ordinary message text', () => {
    const text = [
      'src/components/checkout-page/order-summary-v2.tsx imports server/src/engine/check/document-context.ts',
      'Suppression names unknown rule "ai/unknown-use-case-for-this-file".',
      'reviewed-at 2026-11-24T10:31:05Z is before the block was generated (at=2026-11-24T10:40Z).',
      'AI block 7f3a9c (copilot-chat) has not been reviewed; conductor.review.unreviewed_age.median',
    ].join('\n');
    assert.equal(maskSecretsIn(text), text);
  });
});
