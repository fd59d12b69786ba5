import * as assert from 'node:assert/strict';
import * as path from 'path';
import { invalidateFsCache, nearestGoMod, nearestPythonManifest } from '../../../server/src/engine/imports';
import { useDiskForImports } from '../../../server/src/host/import-file-system';
import { parsePyproject } from '../../../server/src/engine/imports/python/pyproject';
import { makeTempWorkspace, type TempWorkspace, type WorkspaceFiles } from '../../helpers/temp-workspace';

/** A temp workspace whose manifests the fs cache reads fresh. */
function workspace(files: WorkspaceFiles): TempWorkspace {
  const ws = makeTempWorkspace(files);
  useDiskForImports([ws.root]);
  invalidateFsCache();
  return ws;
}

describe('imports: pyproject.toml', () => {
  it('reads [project] name, dependencies and optional-dependencies, ignoring version markers', () => {
    const p = parsePyproject(['[project]', 'name = "My_App"', 'dependencies = ["httpx>=0.27", "pydantic[email]>=2; python_version >= \'3.9\'"]', '', '[project.optional-dependencies]', "dev = ['ruff', 'mypy==1.*']"].join('\n'));
    assert.deepEqual(p, { name: 'My_App', dependencies: ['httpx', 'pydantic', 'ruff', 'mypy'] });
  });

  it('a `#` or a bracket inside a string is not a comment or the end of a multi-line array', () => {
    const text = ['[project]', 'dependencies = [', '  "weird#name",  # a comment with "quoted-dep" in it', '  "extras[a,b]>=1",', "  'literal]bracket',", ']', 'name = "after"'].join('\n');
    assert.deepEqual(parsePyproject(text), { name: 'after', dependencies: ['weird', 'extras', 'literal'] });
  });

  it('dependency groups skip inline tables; poetry tables take their keys but not python; pdm dev groups count', () => {
    const text = [
      '[dependency-groups]',
      'test = ["pytest", { include-group = "lint" }]',
      '[tool.poetry]',
      'name = "poetry-name"',
      '[tool . "poetry" . dependencies]',
      'python = "^3.11"',
      'fastapi = "*"',
      '[tool.poetry.group.docs.dependencies]',
      '"mkdocs-material" = { version = "*" }',
      '[tool.pdm.dev-dependencies]',
      'lint = ["black"]',
      '[tool.other]',
      'dependencies = ["not-a-dependency"]',
    ].join('\n');
    assert.deepEqual(parsePyproject(text), { name: 'poetry-name', dependencies: ['pytest', 'fastapi', 'mkdocs-material', 'black'] });
  });
});

describe('imports: requirements files', () => {
  it('follows -r includes (not -c constraints), reads #egg= names, skips options and comments, normalises names', () => {
    const ws = workspace({
      'svc/requirements.txt': ['Flask_Login==0.6  # auth', '-r requirements-dev.txt', '-c constraints.txt', '--index-url https://example.com/simple', 'git+https://example.com/x.git#egg=Private.Lib', ''].join('\n'),
      'svc/requirements-dev.txt': 'pytest\n--requirement=../shared/base.txt\n',
      'svc/constraints.txt': 'never-declared==1\n',
      'shared/base.txt': 'requests[socks]>=2\n',
      'svc/app/main.py': '',
    });
    try {
      const m = nearestPythonManifest(path.join(ws.root, 'svc', 'app'), ws.root);
      assert.ok(m);
      assert.equal(m.dir, path.join(ws.root, 'svc'));
      assert.deepEqual([...m.declared].sort(), ['flask-login', 'private-lib', 'pytest', 'requests']);
      assert.deepEqual(
        m.files.map((f) => path.relative(ws.root, f).split(path.sep).join('/')),
        ['svc/requirements-dev.txt', 'shared/base.txt', 'svc/requirements.txt'],
      );
    } finally {
      ws.remove();
    }
  });

  it('a directory with no Python manifest up to the root has none', () => {
    const ws = workspace({ 'a/b/main.py': '' });
    try {
      assert.equal(nearestPythonManifest(path.join(ws.root, 'a', 'b'), ws.root), undefined);
    } finally {
      ws.remove();
    }
  });
});

describe('imports: go.mod', () => {
  it('reads the module path and requires (single and block), not replace, exclude or tool blocks', () => {
    const ws = workspace({
      'go.mod': [
        'module "example.com/app" // the module',
        '',
        'go 1.22',
        'require github.com/pkg/errors v0.9.1',
        'require (',
        '\tgolang.org/x/sync v0.7.0 // indirect',
        '\t`github.com/google/uuid` v1.6.0',
        ')',
        'replace (',
        '\tgithub.com/replaced/mod => ../local',
        ')',
        'exclude github.com/excluded/mod v1.0.0',
        'tool (',
        '\tgolang.org/x/tools/cmd/stringer',
        ')',
      ].join('\n'),
      'internal/ui/ui.go': 'package ui\n',
    });
    try {
      const mod = nearestGoMod(path.join(ws.root, 'internal', 'ui'), ws.root);
      assert.deepEqual(mod && { module: mod.module, requires: mod.requires, dir: mod.dir }, {
        module: 'example.com/app',
        requires: ['github.com/pkg/errors', 'golang.org/x/sync', 'github.com/google/uuid'],
        dir: ws.root,
      });
    } finally {
      ws.remove();
    }
  });
});
