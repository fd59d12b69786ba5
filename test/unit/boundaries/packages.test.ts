import * as assert from 'node:assert/strict';
import { applyEdits, type Finding } from '../../../server/src/engine';
import type { ManifestFix } from '../../../server/src/engine/boundaries';
import type { TempWorkspace } from '../../helpers/temp-workspace';
import { boundaryFindings, boundaryPolicy, checkIn, fixtureWorkspace, installed } from './helpers';

const only = (findings: Finding[], ruleId: string): Finding[] => findings.filter((f) => f.ruleId === ruleId);

describe('boundaries: npm packages', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = fixtureWorkspace('js-app', { ...installed('lodash', '4.17.21'), ...installed('left-pad', '1.3.0'), ...installed('@acme/tool', '2.0.0') });
  });
  after(() => ws.remove());
  const policy = boundaryPolicy({ packages: {} });

  it('declared packages, subpaths, @types-provided modules and built-ins pass', () => {
    const text = [
      `import _ from 'lodash';`,
      `import fp from 'lodash/fp';`,
      `import * as vscode from 'vscode';`,
      `import ts from 'typescript';`,
      `import fs from 'fs';`,
      `import { readFile } from 'node:fs/promises';`,
      `import fsp from 'fs/promises';`,
      `import test from 'node:test';`,
      `const cp = require('child_process');`,
    ].join('\n');
    assert.deepEqual(boundaryFindings(checkIn(ws, policy, 'src/ui/page.ts', text)), []);
  });

  it('undeclared but installed: a manifest fix adds it to dependencies, in order', () => {
    const [f] = only(checkIn(ws, policy, 'src/ui/page.ts', `\nimport pad from 'left-pad';`), 'boundaries/undeclared-package');
    assert.equal(f.message, `Package 'left-pad' is installed but not declared in package.json (dependencies, devDependencies, peerDependencies or optionalDependencies). Quick fix: Add "left-pad": "^1.3.0" to package.json dependencies.`);
    assert.deepEqual(f.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 26 } });
    assert.equal(f.properties?.installed, true);
    const fix = f.properties?.manifestFix as ManifestFix;
    assert.equal(fix.file, 'package.json');
    const updated = JSON.parse(applyEdits(ws.read('package.json'), fix.edits)) as { dependencies: Record<string, string> };
    assert.deepEqual(Object.entries(updated.dependencies), [
      ['left-pad', '^1.3.0'],
      ['lodash', '^4.17.21'],
      ['react', '^18.3.0'],
    ]);
  });

  it('scoped packages are found installed too', () => {
    const [f] = only(checkIn(ws, policy, 'src/ui/page.ts', `import tool from '@acme/tool/sub';`), 'boundaries/undeclared-package');
    assert.equal(f.properties?.package, '@acme/tool');
    assert.equal(f.properties?.installed, true);
  });

  it('undeclared and not installed: possibly hallucinated', () => {
    const [f] = only(checkIn(ws, policy, 'src/ui/page.ts', `import { magic } from 'react-magic-hooks-pro';`), 'boundaries/undeclared-package');
    assert.equal(
      f.message,
      `Package 'react-magic-hooks-pro' is not declared in package.json (dependencies, devDependencies, peerDependencies or optionalDependencies) and is not installed: possibly a hallucinated package. Check that it exists before adding it to package.json.`,
    );
    assert.equal(f.properties?.possiblyHallucinated, true);
    assert.equal(f.properties?.manifestFix, undefined);
  });

  it('the nearest package.json is the one that counts', () => {
    const text = `import chalk from 'chalk';\nimport _ from 'lodash';`;
    const findings = checkIn(ws, policy, 'packages/sub/index.js', text);
    assert.deepEqual(boundaryFindings(findings), [['boundaries/undeclared-package', 1, 'lodash']]);
    assert.match(findings[0].message, /packages\/sub\/package\.json/);
  });

  it('packages.allow exempts runtime-provided packages (names or globs); requireDeclared: false turns the check off', () => {
    const text = `import { app } from 'electron';\nimport x from '@internal/x';\nimport pad from 'left-pad';`;
    const allow = boundaryPolicy({ packages: { allow: ['electron', '@internal/*'] } });
    assert.deepEqual(boundaryFindings(checkIn(ws, allow, 'src/ui/page.ts', text)), [['boundaries/undeclared-package', 2, 'left-pad']]);
    const off = boundaryPolicy({ packages: { requireDeclared: false } });
    assert.deepEqual(boundaryFindings(checkIn(ws, off, 'src/ui/page.ts', text)), []);
  });

  it('without any node_modules, an undeclared package is reported without claiming it is missing', () => {
    const bare = fixtureWorkspace('js-app');
    try {
      const [f] = checkIn(bare, policy, 'src/ui/page.ts', `import pad from 'left-pad';`);
      assert.equal(f.properties?.installed, undefined);
      assert.match(f.message, /is not declared in package\.json .*Check that it exists, then declare it \(possibly a hallucinated package\)\./);
    } finally {
      bare.remove();
    }
  });
});

describe('boundaries: banned packages', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = fixtureWorkspace('js-app', { ...installed('moment', '2.30.1') });
  });
  after(() => ws.remove());
  const policy = boundaryPolicy({
    packages: {
      deny: [
        { name: 'moment', reason: 'Use date-fns (moment is in maintenance mode).' },
        { name: 'request', reason: 'Deprecated: use fetch.' },
        { name: '@evil/*', reason: 'Not vetted.' },
        { name: 'child_process', reason: 'No shelling out from the app.' },
      ],
    },
  });

  it('a banned package is reported with its reason (and not also as undeclared)', () => {
    const findings = checkIn(ws, policy, 'src/ui/page.ts', `import moment from 'moment';\nimport 'moment/locale/de';\nconst r = require('request');\nimport e from '@evil/pkg';`);
    assert.deepEqual(boundaryFindings(findings), [
      ['boundaries/banned-package', 0, 'moment'],
      ['boundaries/banned-package', 1, 'moment/locale/de'],
      ['boundaries/banned-package', 2, 'request'],
      ['boundaries/banned-package', 3, '@evil/pkg'],
    ]);
    assert.equal(findings[0].message, `Package 'moment' is banned by boundaries.packages.deny: Use date-fns (moment is in maintenance mode).`);
  });

  it('built-ins can be banned, with or without the node: prefix', () => {
    const findings = checkIn(ws, policy, 'src/ui/page.ts', `import cp from 'child_process';\nimport { exec } from 'node:child_process';`);
    assert.deepEqual(boundaryFindings(findings).map((f) => f[0]), ['boundaries/banned-package', 'boundaries/banned-package']);
  });

  it('bans apply without a workspace root (no resolution needed)', () => {
    assert.deepEqual(boundaryFindings(checkIn(undefined, policy, 'src/ui/page.ts', `import moment from 'moment';\nimport './x';`)), [['boundaries/banned-package', 0, 'moment']]);
  });

  it('Python and Go bans: import names, distribution names, module path prefixes', () => {
    const p = boundaryPolicy({ packages: { deny: [{ name: 'PyYAML', reason: 'Use ruamel.' }, { name: 'pickle', reason: 'Unsafe.' }, { name: 'github.com/pkg/errors', reason: 'Use fmt.Errorf with %w.' }] } });
    assert.deepEqual(boundaryFindings(checkIn(undefined, p, 'a.py', 'import yaml\nimport pickle\nimport json\n')), [
      ['boundaries/banned-package', 0, 'yaml'],
      ['boundaries/banned-package', 1, 'pickle'],
    ]);
    assert.deepEqual(boundaryFindings(checkIn(undefined, p, 'a.go', 'package a\nimport "github.com/pkg/errors/sub"\n')), [['boundaries/banned-package', 1, 'github.com/pkg/errors/sub']]);
  });
});

describe('boundaries: Python packages', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = fixtureWorkspace('py-app', {
      '.venv/lib/python3.11/site-packages/numpy/__init__.py': '',
      '.venv/lib/python3.11/site-packages/requests/__init__.py': '',
    });
  });
  after(() => ws.remove());
  const policy = boundaryPolicy({ packages: {} });

  it('declared (incl. -r includes and import-name aliases), stdlib and local modules pass', () => {
    const text = 'import os, sys\nimport os.path\nfrom json import loads\nimport requests\nimport yaml\nimport pytest\nfrom app.shared import util\nfrom . import widgets\n';
    assert.deepEqual(boundaryFindings(checkIn(ws, policy, 'app/ui/views.py', text)), []);
  });

  it('undeclared but installed in the virtualenv: a fix appends it to requirements.txt', () => {
    const [f] = checkIn(ws, policy, 'app/ui/views.py', 'import numpy as np\n');
    assert.equal(f.ruleId, 'boundaries/undeclared-package');
    assert.equal(f.properties?.installed, true);
    assert.match(f.message, /^Package 'numpy' is installed but not declared in requirements-dev\.txt, requirements\.txt\. Quick fix: Add "numpy" to requirements\.txt\.$/);
    const fix = f.properties?.manifestFix as ManifestFix;
    assert.equal(applyEdits(ws.read('requirements.txt'), fix.edits), 'requests>=2.31  # HTTP\nPyYAML==6.0.1\n-r requirements-dev.txt\nnumpy\n');
  });

  it('undeclared and not installed: possibly hallucinated', () => {
    const [f] = checkIn(ws, policy, 'app/ui/views.py', 'from fastjsonschema_turbo import validate\n');
    assert.equal(f.properties?.possiblyHallucinated, true);
    assert.match(f.message, /^Package 'fastjsonschema_turbo' is not declared in .* and is not installed: possibly a hallucinated package\./);
  });

  it('a relative import of a missing module is an unresolved import', () => {
    const [f] = checkIn(ws, policy, 'app/ui/views.py', 'from .nothing_here import x\n');
    assert.equal(f.ruleId, 'boundaries/unresolved-import');
    assert.match(f.message, /^Cannot resolve '\.nothing_here' \(importing x\) from app\/ui\/views\.py: no module nothing_here\.py or package nothing_here\/__init__\.py under app\/ui\. Possibly a hallucinated module\.$/);
  });

  it('pyproject.toml: [project] dependencies, optional-dependencies and poetry tables', () => {
    const proj = fixtureWorkspace('py-project');
    try {
      const text = 'import httpx\nimport pydantic\nimport ruff\nimport fastapi\nimport pytest_asyncio\nimport flask\n';
      const findings = checkIn(proj, policy, 'svc/main.py', text);
      assert.deepEqual(boundaryFindings(findings), [['boundaries/undeclared-package', 5, 'flask']]);
      assert.match(findings[0].message, /not declared in pyproject\.toml/);
    } finally {
      proj.remove();
    }
  });
});

describe('boundaries: Go modules', () => {
  it('requires in go.mod declare modules and their packages; others are undeclared', () => {
    const ws = fixtureWorkspace('go-app');
    try {
      const text = 'package ui\n\nimport (\n\t"fmt"\n\t"github.com/pkg/errors"\n\t"golang.org/x/sync/errgroup"\n\t"github.com/google/uuid"\n\t"github.com/made/up/pkg"\n\t"example.com/app/internal/nope"\n)\n';
      const findings = checkIn(ws, boundaryPolicy({}), 'internal/ui/ui.go', text);
      assert.deepEqual(boundaryFindings(findings), [
        ['boundaries/undeclared-package', 7, 'github.com/made/up/pkg'],
        ['boundaries/unresolved-import', 8, 'example.com/app/internal/nope'],
      ]);
      assert.match(findings[0].message, /not declared in go\.mod\. Run `go get`/);
    } finally {
      ws.remove();
    }
  });
});
