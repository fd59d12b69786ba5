import * as assert from 'node:assert/strict';
import { policyOf } from '../../helpers/engine';
import type { TempWorkspace } from '../../helpers/temp-workspace';
import { boundaryFindings, boundaryPolicy, checkIn, fixtureWorkspace, JS_LAYERS } from './helpers';

describe('boundaries: layer decisions', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = fixtureWorkspace('js-app');
  });
  after(() => ws.remove());
  const policy = boundaryPolicy(JS_LAYERS);

  const cases: { name: string; from: string; text: string; expect: [string, number, string][] }[] = [
    { name: 'an allowed layer', from: 'src/ui/page.ts', text: `import { placeOrder } from '../domain/index.js';`, expect: [] },
    { name: 'the same layer is always allowed', from: 'src/db/client.ts', text: `import './index';\nexport * from './legacy.js';`, expect: [] },
    { name: 'a denial, with its reason', from: 'src/ui/page.ts', text: `import { query } from '../db/client.js';`, expect: [['boundaries/layer-violation', 0, '../db/client.js']] },
    { name: 'a layer not in the allow list', from: 'src/domain/order.ts', text: `\nimport { page } from '../ui/page';`, expect: [['boundaries/layer-violation', 1, '../ui/page']] },
    { name: 'a file in no layer imports anything', from: 'scripts/tool.ts', text: `import '../src/db/client';\nimport '../src/ui/page';`, expect: [] },
    { name: 'a layer may import files in no layer', from: 'src/ui/page.ts', text: `import '../../scripts/tool';`, expect: [] },
    { name: 'a public entry point of an allowed layer', from: 'src/ui/page.ts', text: `import { tax } from '../billing';\nimport '../billing/index.js';`, expect: [] },
    { name: 'a non-public file of an allowed layer', from: 'src/ui/page.ts', text: `import { tax } from '../billing/internal/tax';`, expect: [['boundaries/private-import', 0, '../billing/internal/tax']] },
    { name: 'non-public files inside their own layer', from: 'src/billing/index.ts', text: `export { tax } from './internal/tax.js';`, expect: [] },
    { name: 'non-public files from a file in no layer', from: 'scripts/tool.ts', text: `import '../src/billing/internal/tax';`, expect: [['boundaries/private-import', 0, '../src/billing/internal/tax']] },
    { name: 'require(), dynamic import() and export-from are checked too', from: 'src/ui/page.ts', text: `const c = require('../db/client');\nconst d = import('../db/index.js');\nexport * from '../db/client';`, expect: [['boundaries/layer-violation', 0, '../db/client'], ['boundaries/layer-violation', 1, '../db/index.js'], ['boundaries/layer-violation', 2, '../db/client']] },
    { name: 'path aliases resolve before the layer check', from: 'src/ui/page.ts', text: `import { query } from '#db/client';\nimport 'src/db/client';`, expect: [['boundaries/layer-violation', 0, '#db/client'], ['boundaries/layer-violation', 1, 'src/db/client']] },
    { name: 'imports in comments and template strings are not checked', from: 'src/ui/page.ts', text: "// import '../db/client';\nconst s = `import x from '../db/client'`;", expect: [] },
    { name: 'type-only imports are checked by default', from: 'src/ui/page.ts', text: `import type { Row } from '../db/types';`, expect: [['boundaries/layer-violation', 0, '../db/types']] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(boundaryFindings(checkIn(ws, policy, c.from, c.text)), c.expect));
  }

  it('messages name the rule, both layers, the target and what IS allowed', () => {
    const [denied] = checkIn(ws, policy, 'src/ui/page.ts', `import '../db/client';`);
    assert.equal(
      denied.message,
      "Layer 'ui' may not import 'db' (src/db/client.ts): denied by boundaries.deny: The UI goes through domain services. 'ui' may import: domain, shared, billing.",
    );
    assert.deepEqual(denied.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 21 } });
    assert.equal(denied.severity, 'error');
    assert.deepEqual(
      { from: denied.properties?.from, to: denied.properties?.to, fromLayer: denied.properties?.fromLayer, toLayer: denied.properties?.toLayer },
      { from: 'src/ui/page.ts', to: 'src/db/client.ts', fromLayer: 'ui', toLayer: 'db' },
    );
    const [notAllowed] = checkIn(ws, policy, 'src/db/client.ts', `import '../domain/order';`);
    assert.equal(notAllowed.message, "Layer 'db' may not import 'domain' (src/domain/order.ts): boundaries.allow.db does not list 'domain'. 'db' may import: shared.");
    const [priv] = checkIn(ws, policy, 'src/ui/page.ts', `import '../billing/internal/tax';`);
    assert.equal(
      priv.message,
      "'src/billing/internal/tax.ts' is private to layer 'billing' (boundaries.layers.billing.public): from layer 'ui', import its public entry points only: src/billing/index.ts.",
    );
  });

  it('a layer with no allow entry may import no other layer', () => {
    const [f] = checkIn(ws, policy, 'src/shared/config.ts', `import '../domain/order';`);
    assert.equal(f.message, "Layer 'shared' may not import 'domain' (src/domain/order.ts): boundaries.allow has no entry for 'shared'. 'shared' may import no other layer.");
  });

  it('deny wins over allow', () => {
    const p = boundaryPolicy({ ...JS_LAYERS, allow: { ...JS_LAYERS.allow, ui: ['domain', 'db'] } });
    const [f] = checkIn(ws, p, 'src/ui/page.ts', `import '../db/client';`);
    assert.match(f.message, /denied by boundaries\.deny: The UI goes through domain services\. 'ui' may import: domain\.$/);
  });

  it('without `allow`, layers import each other freely unless denied (deny-list mode)', () => {
    const p = boundaryPolicy({ layers: JS_LAYERS.layers, deny: [{ from: '*', to: 'db', reason: 'Only domain talks to the database.' }, { from: 'domain', to: 'db', reason: 'x' }] });
    assert.deepEqual(boundaryFindings(checkIn(ws, p, 'src/ui/page.ts', `import '../domain/order';\nimport '../shared/config';`)), []);
    const [f] = checkIn(ws, p, 'src/ui/page.ts', `import '../db/client';`);
    assert.equal(f.message, "Layer 'ui' may not import 'db' (src/db/client.ts): denied by boundaries.deny: Only domain talks to the database. 'ui' may import any layer except: db.");
  });

  it('`allow` may use * for every layer', () => {
    const p = boundaryPolicy({ layers: JS_LAYERS.layers, allow: { ui: ['*'] } });
    assert.deepEqual(boundaryFindings(checkIn(ws, p, 'src/ui/page.ts', `import '../db/client';\nimport '../domain/order';`)), []);
  });

  it('typeOnlyImports: ignore leaves type-only imports out of layer checks', () => {
    const p = boundaryPolicy({ ...JS_LAYERS, typeOnlyImports: 'ignore' });
    const text = `import type { Row } from '../db/types';\nimport { type Row as R } from '../db/types';\nexport type { Row as T } from '../db/types';\nimport { query } from '../db/client';`;
    assert.deepEqual(boundaryFindings(checkIn(ws, p, 'src/ui/page.ts', text)), [['boundaries/layer-violation', 3, '../db/client']]);
  });

  it('the first matching layer wins when globs overlap', () => {
    const p = boundaryPolicy({ layers: { billing: { paths: ['src/billing/**'] }, all: { paths: ['src/**'] } }, allow: { all: [] } });
    const [f] = checkIn(ws, p, 'src/ui/page.ts', `import '../billing/index';`);
    assert.match(f.message, /^Layer 'all' may not import 'billing'/);
  });

  it('severity and suppressions apply as for every rule', () => {
    const p = boundaryPolicy(JS_LAYERS, { 'boundaries/layer-violation': 'warning' });
    const [f] = checkIn(ws, p, 'src/ui/page.ts', `import '../db/client';`);
    assert.equal(f.severity, 'warning');
    const suppressed = checkIn(ws, p, 'src/ui/page.ts', `// conductor-disable-next-line boundaries/layer-violation -- migration ticket #42\nimport '../db/client';`);
    assert.deepEqual(boundaryFindings(suppressed), []);
    const off = boundaryPolicy(JS_LAYERS, { 'boundaries/layer-violation': 'off' });
    assert.deepEqual(boundaryFindings(checkIn(ws, off, 'src/ui/page.ts', `import '../db/client';`)), []);
  });

  it('without a workspace root, nothing that needs resolution is reported', () => {
    assert.deepEqual(boundaryFindings(checkIn(undefined, policy, 'src/ui/page.ts', `import '../db/client';\nimport './nope';\nimport 'left-pad';`)), []);
  });

  it('an empty `boundaries` section checks packages and resolution only', () => {
    const p = boundaryPolicy({});
    assert.deepEqual(boundaryFindings(checkIn(ws, p, 'src/ui/page.ts', `import '../db/client';\nimport 'left-pad';`)), [['boundaries/undeclared-package', 1, 'left-pad']]);
  });

  it('a rule file without `boundaries` runs no boundary check', () => {
    assert.deepEqual(boundaryFindings(checkIn(ws, policyOf({}), 'src/ui/page.ts', `import 'left-pad';\nimport './nope';`)), []);
  });
});

describe('boundaries: layers in Python, Go and Java', () => {
  it('Python: absolute and relative imports between layers', () => {
    const ws = fixtureWorkspace('py-app');
    try {
      const p = boundaryPolicy({
        layers: { ui: { paths: ['app/ui/**'] }, domain: { paths: ['app/domain/**'] }, db: { paths: ['app/db/**'] } },
        allow: { ui: ['domain'], domain: ['db'] },
      });
      const text = 'from app.domain import orders\nfrom app.db import models\nfrom ..db.models import Order\nfrom . import widgets\n';
      assert.deepEqual(boundaryFindings(checkIn(ws, p, 'app/ui/views.py', text)), [
        ['boundaries/layer-violation', 1, 'app.db'],
        ['boundaries/layer-violation', 2, '..db.models'],
      ]);
    } finally {
      ws.remove();
    }
  });

  it('Go: module-internal packages are layered, std and external are not', () => {
    const ws = fixtureWorkspace('go-app');
    try {
      const p = boundaryPolicy({ layers: { ui: { paths: ['internal/ui/**'] }, db: { paths: ['internal/db/**'] }, domain: { paths: ['internal/domain/**'] } }, allow: { ui: ['domain'] } });
      const text = 'package ui\n\nimport (\n\t"fmt"\n\t"example.com/app/internal/db"\n\t"example.com/app/internal/domain"\n\t"github.com/pkg/errors"\n)\n';
      const f = checkIn(ws, p, 'internal/ui/ui.go', text);
      assert.deepEqual(boundaryFindings(f), [['boundaries/layer-violation', 4, 'example.com/app/internal/db']]);
      assert.match(f[0].message, /\(internal\/db\/db\.go\)/);
    } finally {
      ws.remove();
    }
  });

  it('Java: package-to-path by source root', () => {
    const ws = fixtureWorkspace('java-app');
    try {
      const p = boundaryPolicy({ layers: { ui: { paths: ['**/com/acme/ui/**'] }, db: { paths: ['**/com/acme/db/**'] }, domain: { paths: ['**/com/acme/domain/**'] } }, allow: { ui: ['domain'] } });
      const text = 'package com.acme.ui;\n\nimport com.acme.db.Repo;\nimport com.acme.domain.Order;\nimport java.util.List;\n';
      assert.deepEqual(boundaryFindings(checkIn(ws, p, 'src/main/java/com/acme/ui/View.java', text)), [['boundaries/layer-violation', 2, 'com.acme.db.Repo']]);
    } finally {
      ws.remove();
    }
  });
});
