import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { invalidateBoundaryCaches } from '../../../server/src/engine/boundaries';
import { resolveImport, type ImportLanguage, type ImportRef, type Resolution } from '../../../server/src/engine/imports';
import type { TempWorkspace } from '../../helpers/temp-workspace';
import { fixtureWorkspace } from './helpers';

/** A resolution as a short string: `local src/a.ts`, `builtin fs`, `external npm lodash`, `unresolved`, `unknown`. */
function resolve(ws: TempWorkspace, language: ImportLanguage, from: string, specifier: string, extra: Partial<ImportRef> = {}, javaPackage?: string): string {
  const r: Resolution = resolveImport({ specifier, start: 0, end: 0, kind: 'import', typeOnly: false, ...extra }, { root: ws.root, file: path.join(ws.root, from), language, javaPackage });
  switch (r.kind) {
    case 'local':
      return `local ${r.relPath}`;
    case 'builtin':
      return `builtin ${r.name}`;
    case 'external':
      return `external ${r.ecosystem} ${r.name}`;
    default:
      return r.kind;
  }
}

describe('boundaries: resolving JS/TS imports', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = fixtureWorkspace('js-app');
  });
  after(() => ws.remove());

  const cases: [from: string, specifier: string, expected: string][] = [
    ['src/ui/App.tsx', './page', 'local src/ui/page.ts'],
    ['src/ui/page.ts', '../domain/index.js', 'local src/domain/index.ts'],
    ['src/ui/page.ts', '../domain/order', 'local src/domain/order.ts'],
    ['src/ui/page.ts', '../db/legacy.js', 'local src/db/legacy.js'],
    ['src/ui/page.ts', '../db/legacy', 'local src/db/legacy.js'],
    ['src/ui/page.ts', '../db/types', 'local src/db/types.d.ts'],
    ['src/ui/page.ts', './widgets', 'local src/ui/widgets/index.ts'],
    ['src/ui/page.ts', '../db', 'local src/db/index.ts'],
    ['src/ui/page.ts', '../shared/format.mjs', 'local src/shared/format.mts'],
    ['src/ui/page.ts', '../shared/util', 'local src/shared/util/index.ts'],
    ['src/ui/page.ts', './nope', 'unresolved'],
    ['src/ui/page.ts', '../nope.js', 'unresolved'],
    // tsconfig.json (JSONC) extends tsconfig.base.json: baseUrl "." and paths
    ['src/ui/page.ts', '@shared/config', 'local src/shared/config.ts'],
    ['src/ui/page.ts', '@shared/config.js', 'local src/shared/config.ts'],
    ['src/ui/page.ts', '@domain', 'local src/domain/index.ts'],
    ['src/ui/page.ts', '@missing/thing', 'unresolved'],
    ['src/ui/page.ts', 'src/db/client', 'local src/db/client.ts'],
    // package.json "imports"
    ['src/ui/page.ts', '#db/client', 'local src/db/client.ts'],
    ['src/ui/page.ts', '#config', 'local src/shared/config.ts'],
    ['src/ui/page.ts', '#gone', 'unresolved'],
    ['src/ui/page.ts', '#nope', 'unresolved'],
    ['src/ui/page.ts', '#lodash', 'external npm lodash'],
    // packages and built-ins
    ['src/ui/page.ts', 'lodash', 'external npm lodash'],
    ['src/ui/page.ts', 'lodash/fp', 'external npm lodash'],
    ['src/ui/page.ts', '@scope/pkg/sub/path', 'external npm @scope/pkg'],
    ['src/ui/page.ts', 'fs', 'builtin fs'],
    ['src/ui/page.ts', 'node:fs', 'builtin node:fs'],
    ['src/ui/page.ts', 'fs/promises', 'builtin fs/promises'],
    ['src/ui/page.ts', 'node:test', 'builtin node:test'],
    ['src/ui/page.ts', 'js-app', 'unknown'],
    ['src/ui/page.ts', '@/components/x', 'unknown'],
    ['src/ui/page.ts', 'https://esm.sh/x', 'unknown'],
  ];
  for (const [from, spec, expected] of cases) {
    it(`${spec} from ${from} → ${expected}`, () => assert.equal(resolve(ws, 'js', from, spec), expected));
  }
});

describe('boundaries: resolving Python imports', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = fixtureWorkspace('py-app');
  });
  after(() => ws.remove());

  const cases: [from: string, specifier: string, name: string | undefined, expected: string][] = [
    ['app/ui/views.py', 'app.domain', 'orders', 'local app/domain/orders.py'],
    ['app/ui/views.py', 'app.db.models', undefined, 'local app/db/models.py'],
    ['app/ui/views.py', 'app.db', 'something', 'local app/db/__init__.py'],
    ['app/domain/orders.py', '..db', 'models', 'local app/db/models.py'],
    ['app/domain/orders.py', '..db.models', 'Order', 'local app/db/models.py'],
    ['app/ui/views.py', '.', 'widgets', 'local app/ui/widgets.py'],
    ['app/ui/views.py', '.', 'helper_fn', 'local app/ui/__init__.py'],
    ['app/ui/views.py', '.widgets', undefined, 'local app/ui/widgets.py'],
    ['app/ui/views.py', '..nope', 'x', 'unresolved'],
    ['app/ui/views.py', 'app.missing', undefined, 'unresolved'],
    ['scripts/run.py', 'app.shared.util', undefined, 'local app/shared/util.py'],
    ['app/ui/views.py', 'os', undefined, 'builtin os'],
    ['app/ui/views.py', 'os.path', undefined, 'builtin os'],
    ['app/ui/views.py', 'requests', undefined, 'external pypi requests'],
    ['app/ui/views.py', 'google.cloud.storage', undefined, 'external pypi google'],
  ];
  for (const [from, spec, name, expected] of cases) {
    it(`${name ? `from ${spec} import ${name}` : `import ${spec}`} in ${from} → ${expected}`, () => assert.equal(resolve(ws, 'python', from, spec, name ? { name } : {}), expected));
  }
});

describe('boundaries: resolving Go and Java imports', () => {
  let goWs: TempWorkspace;
  let javaWs: TempWorkspace;
  before(() => {
    goWs = fixtureWorkspace('go-app');
    javaWs = fixtureWorkspace('java-app');
  });
  after(() => {
    goWs.remove();
    javaWs.remove();
  });

  const goCases: [string, string][] = [
    ['example.com/app/internal/db', 'local internal/db/db.go'],
    ['example.com/app/internal/nope', 'unresolved'],
    ['fmt', 'builtin fmt'],
    ['net/http', 'builtin net/http'],
    ['github.com/pkg/errors', 'external go github.com/pkg/errors'],
    ['golang.org/x/sync/errgroup', 'external go golang.org/x/sync'],
    ['github.com/made/up', 'external go github.com/made/up'],
  ];
  for (const [spec, expected] of goCases) {
    it(`Go: ${spec} → ${expected}`, () => assert.equal(resolve(goWs, 'go', 'internal/ui/ui.go', spec), expected));
  }

  const from = 'src/main/java/com/acme/ui/View.java';
  const javaCases: [string, Partial<ImportRef>, string][] = [
    ['com.acme.db.Repo', {}, 'local src/main/java/com/acme/db/Repo.java'],
    ['com.acme.db.*', {}, 'local src/main/java/com/acme/db/Repo.java'],
    ['com.acme.db.Repo.find', { name: 'static' }, 'local src/main/java/com/acme/db/Repo.java'],
    ['com.acme.db.Repo.Inner', {}, 'local src/main/java/com/acme/db/Repo.java'],
    ['java.util.List', {}, 'builtin java.util.List'],
    ['org.slf4j.Logger', {}, 'external maven org.slf4j.Logger'],
  ];
  for (const [spec, extra, expected] of javaCases) {
    it(`Java: ${spec} → ${expected}`, () => assert.equal(resolve(javaWs, 'java', from, spec, extra, 'com.acme.ui'), expected));
  }
});

describe('boundaries: caches and invalidation', () => {
  let ws: TempWorkspace;
  beforeEach(() => {
    ws = fixtureWorkspace('js-app');
  });
  afterEach(() => ws.remove());

  it('a file created on disk resolves once its path is invalidated', () => {
    assert.equal(resolve(ws, 'js', 'src/ui/page.ts', './later'), 'unresolved');
    const file = ws.write('src/ui/later.ts', 'export {};\n');
    assert.equal(resolve(ws, 'js', 'src/ui/page.ts', './later'), 'unresolved', 'cached until invalidated');
    invalidateBoundaryCaches(file);
    assert.equal(resolve(ws, 'js', 'src/ui/page.ts', './later'), 'local src/ui/later.ts');
  });

  it('a deleted directory stops resolving after invalidation of the directory', () => {
    assert.equal(resolve(ws, 'js', 'src/ui/page.ts', './widgets'), 'local src/ui/widgets/index.ts');
    const dir = ws.path('src/ui/widgets');
    fs.rmSync(dir, { recursive: true });
    invalidateBoundaryCaches(dir);
    assert.equal(resolve(ws, 'js', 'src/ui/page.ts', './widgets'), 'unresolved');
  });

  it('a tsconfig edit takes effect after invalidation; invalidate() with no path drops everything', () => {
    assert.equal(resolve(ws, 'js', 'src/ui/page.ts', '@shared/config'), 'local src/shared/config.ts');
    ws.write('tsconfig.base.json', JSON.stringify({ compilerOptions: { paths: { '@lib/*': ['src/shared/*'] } } }));
    invalidateBoundaryCaches(ws.path('tsconfig.base.json'));
    assert.equal(resolve(ws, 'js', 'src/ui/page.ts', '@lib/config'), 'local src/shared/config.ts');
    ws.write('src/ui/other.ts', '');
    invalidateBoundaryCaches();
    assert.equal(resolve(ws, 'js', 'src/ui/page.ts', './other'), 'local src/ui/other.ts');
  });
});
