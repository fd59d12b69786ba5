// The one message-template grammar: expanding a match and describing a template without one read the same tokens.
import * as assert from 'node:assert/strict';
import { describeTemplate, expandTemplate } from '../../../server/src/engine/check/message-template';

describe('message templates', () => {
  it('describes every insertion as "…", `$$` as a dollar, and keeps any other `$word` as the message shows it', () => {
    assert.equal(
      describeTemplate('Key $masked for $<host> ($1, all: $&) costs $$5; use -u "$USER:$TOKEN"'),
      'Key … for … (…, all: …) costs $5; use -u "$USER:$TOKEN"',
    );
  });

  it('a description is the message a match would give with every insertion "…"', () => {
    const m = /(?<host>[a-z]+)\.(\w+)/.exec('see api.example')!;
    for (const template of ['$1 at $<host>', 'whole: $&, cost $$1, $2$1', '$masked $USER', 'plain text', '$ alone, $', '$1x']) {
      assert.equal(describeTemplate(template), expandTemplate(template, m, { insert: () => '…', named: { masked: '…' } }), template);
    }
  });

  it('without the regex, any group number reads "…"', () => {
    assert.equal(describeTemplate('$9 and $10'), '… and …');
  });
});
