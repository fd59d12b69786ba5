import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { ruleFileSchema } from '../../../server/src/engine';
import { BOUNDARY_RULES } from '../../../server/src/engine/boundaries';
import { codeRule } from '../../../server/src/engine/registry/registry';
import { describeProblems, load, problemsOf } from '../../helpers/engine';

describe('boundaries: rule-file section', () => {
  it('the boundary rules are registered code rules, configurable under `rules`', () => {
    for (const r of BOUNDARY_RULES) {
      assert.equal(codeRule(r.id)?.id, r.id);
    }
    const loaded = load({ '.conductor/rules.jsonc': { boundaries: {}, rules: { 'boundaries/unresolved-import': 'error', 'boundaries/private-import': 'off' } } });
    assert.deepEqual(loaded.problems, []);
    const rules = loaded.policy!.rulesFor('src/a.ts');
    assert.equal(rules.get('boundaries/unresolved-import')?.severity, 'error');
    assert.equal(rules.has('boundaries/private-import'), false);
    assert.equal(rules.get('boundaries/layer-violation')?.severity, 'error');
  });

  it('layers named in allow and deny must be declared (reported where they are written)', () => {
    const text = JSON.stringify({ boundaries: { layers: { ui: { paths: ['src/ui/**'] }, db: { paths: ['src/db/**'] } }, allow: { ui: ['dbb'], uii: [] }, deny: [{ from: '*', to: 'nope', reason: 'r' }] } }, null, 2);
    const problems = problemsOf(text);
    assert.deepEqual(
      problems.map((p) => [p.range.start.line, p.message]),
      [
        [16, 'Unknown layer "dbb" in boundaries.allow.ui. Declared layers: ui, db.'],
        [18, 'Unknown layer "uii" in boundaries.allow. Declared layers: ui, db.'],
        [23, 'Unknown layer "nope" in boundaries.deny. Declared layers: ui, db.'],
      ],
      describeProblems(problems),
    );
  });

  it('the schema rejects unknown keys and malformed entries inside boundaries', () => {
    const problems = problemsOf({ boundaries: { layerz: {}, layers: { ui: { paths: [] } }, deny: [{ from: 'ui', to: 'db' }], packages: { requireDeclared: 'yes' } } });
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /Unknown key "layerz"/);
    assert.match(messages, /boundaries\.layers\.ui\.paths/);
    assert.match(messages, /boundaries\.deny\[0\]\.reason/);
    assert.match(messages, /boundaries\.packages\.requireDeclared/);
  });

  it('extends: layers and allow entries merge by name (later files win), denials and bans accumulate', () => {
    const loaded = load({
      '.conductor/rules.jsonc': {
        extends: ['./org.jsonc'],
        boundaries: {
          layers: { ui: { paths: ['app/ui/**'] }, db: { paths: ['app/db/**'] } },
          allow: { ui: ['db'] },
          deny: [{ from: 'ui', to: 'db', reason: 'team' }],
          packages: { requireDeclared: false, deny: [{ name: 'lodash', reason: 'team' }] },
        },
      },
      '.conductor/org.jsonc': {
        boundaries: {
          layers: { ui: { paths: ['src/ui/**'] }, shared: { paths: ['src/shared/**'] } },
          allow: { ui: ['shared'], shared: [] },
          deny: [{ from: '*', to: 'shared', reason: 'org' }],
          packages: { deny: [{ name: 'moment', reason: 'org' }], allow: ['vscode'] },
          typeOnlyImports: 'ignore',
        },
      },
    });
    assert.deepEqual(loaded.problems, [], describeProblems(loaded.problems));
    const b = loaded.policy!.resolved.boundaries!;
    assert.deepEqual([...b.layers.values()].map((l) => [l.name, l.paths]), [
      ['ui', ['app/ui/**']],
      ['shared', ['src/shared/**']],
      ['db', ['app/db/**']],
    ]);
    assert.deepEqual([...b.allow!].map(([k, v]) => [k, v.to]), [
      ['ui', ['db']],
      ['shared', []],
    ]);
    assert.deepEqual(b.deny.map((d) => d.reason), ['org', 'team']);
    assert.deepEqual(b.packages, {
      requireDeclared: false,
      allow: ['vscode'],
      deny: [
        { name: 'moment', reason: 'org', origin: '.conductor/org.jsonc' },
        { name: 'lodash', reason: 'team', origin: '.conductor/rules.jsonc' },
      ],
    });
    assert.equal(b.typeOnlyImports, 'ignore');
  });

  it('every field of the generated JSON Schema is documented', () => {
    const schema = z.toJSONSchema(ruleFileSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as { properties: Record<string, JsonSchema> };
    const boundaries = schema.properties.boundaries;
    const undocumented: string[] = [];
    const walk = (s: JsonSchema, at: string): void => {
      if (!s.description) {
        undocumented.push(at);
      }
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        walk(v, `${at}.${k}`);
      }
      if (s.items && !Array.isArray(s.items)) {
        walk(s.items, `${at}[]`);
      }
      if (typeof s.additionalProperties === 'object') {
        walk(s.additionalProperties, `${at}.*`);
      }
    };
    walk(boundaries, 'boundaries');
    assert.deepEqual(undocumented, []);
    assert.equal(boundaries.properties?.packages.properties?.requireDeclared.default, true);
    assert.equal(boundaries.properties?.typeOnlyImports.default, 'check');
  });
});

interface JsonSchema {
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}
