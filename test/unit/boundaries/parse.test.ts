import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { extractImports, type ImportRef, type JsParser } from '../../../server/src/engine/imports';
import { lex } from '../../../server/src/engine/text/lexer';
import { syntaxFor } from '../../../server/src/engine/text/languages';
import { REPO_ROOT } from '../../helpers/paths';

type Expected = [specifier: string, kind: ImportRef['kind'], typeOnly?: boolean];

const js = (text: string, relPath: string, parser: JsParser): ImportRef[] => extractImports(text, 'js', relPath, () => lex(text, syntaxFor(undefined, relPath)), { jsParser: parser });
const view = (refs: ImportRef[]): Expected[] => refs.map((r) => (r.typeOnly ? [r.specifier, r.kind, true] : [r.specifier, r.kind]));

/** Each case runs through es-module-lexer (with the require() scan) and through the fallback tokenizer. */
const JS_CASES: { name: string; text: string; expect: Expected[]; file?: string }[] = [
  { name: 'default, named and namespace imports', text: `import a from './a';\nimport { b, c as d } from "./b";\nimport * as ns from './ns';`, expect: [['./a', 'import'], ['./b', 'import'], ['./ns', 'import']] },
  { name: 'side-effect import', text: `import './polyfill';`, expect: [['./polyfill', 'import']] },
  { name: 'export … from, export *, export * as', text: `export { a } from './ea';\nexport * from './star';\nexport * as ns from './ns';\nexport const x = 1;`, expect: [['./ea', 'export'], ['./star', 'export'], ['./ns', 'export']] },
  { name: 'import type is type-only', text: `import type { A } from './types';\nimport type B from './b';`, expect: [['./types', 'import', true], ['./b', 'import', true]] },
  { name: 'all-`type` specifier list is type-only, a mixed one is not', text: `import { type A, type B } from './ab';\nimport { type C, d } from './cd';`, expect: [['./ab', 'import', true], ['./cd', 'import']] },
  { name: 'export type … from is type-only', text: `export type { T } from './t';\nexport { type U } from './u';`, expect: [['./t', 'export', true], ['./u', 'export', true]] },
  { name: '`import type from` imports a default named type (a value)', text: `import type from './tdefault';`, expect: [['./tdefault', 'import']] },
  { name: 'require() with a literal', text: `const a = require('./a');\nconst b = require("b");\nconst c = require(\`./c\`);`, expect: [['./a', 'require'], ['b', 'require'], ['./c', 'require']] },
  { name: 'require() without a literal is ignored', text: `const a = require(name);\nconst b = require('./' + name);\nconst c = require(\`./\${name}\`);`, expect: [] },
  { name: 'a method named require is not require()', text: `obj.require('./x');\nobj?.require('./y');\nmodule.require;`, expect: [] },
  { name: 'dynamic import() with a literal', text: `const m = await import('./lazy');\nimport("./opts", { with: { type: 'json' } });\nimport(\`./tpl\`);`, expect: [['./lazy', 'dynamic'], ['./opts', 'dynamic'], ['./tpl', 'dynamic']] },
  { name: 'dynamic import() with a non-literal is ignored', text: `import(name);\nimport('./' + name);\nimport(\`./locales/\${lang}.js\`);`, expect: [] },
  { name: 'import in a template literal is not an import', text: "const s = `import x from './a'`;\nconst t = `\nrequire('./b')\n`;", expect: [] },
  { name: 'template substitutions are code', text: "const s = `${require('./in-tpl')} and ${`nested ${import('./deep')}`}`;\nimport z from './after';", expect: [['./in-tpl', 'require'], ['./deep', 'dynamic'], ['./after', 'import']] },
  { name: 'imports in comments are not imports', text: `// import x from './c'\n/* require('./d') */\n/**\n * import('./e')\n */\nimport real from './real';`, expect: [['./real', 'import']] },
  { name: 'imports in strings are not imports', text: `const a = "import x from './a'";\nconst b = 'require("./b")';\nimport real from './real';`, expect: [['./real', 'import']] },
  { name: 'a regex with quotes does not hide what follows', text: `const r = /['"\`]/g;\nconst q = a / b / c;\nimport after from './after-regex';\nconst x = require('./after-div');`, expect: [['./after-regex', 'import'], ['./after-div', 'require']] },
  { name: 'TS import-equals is one import', text: `import fs = require('fs');\nimport type T = require('./t');`, expect: [['fs', 'import'], ['./t', 'import', true]] },
  { name: 'import("x").T in a type position is type-only', text: `let x: import('./types').Foo;\nconst y = import('./runtime').then((m) => m);`, expect: [['./types', 'dynamic', true], ['./runtime', 'dynamic']] },
  { name: 'import.meta is not an import', text: `const u = import.meta.url;\nimport a from './a';`, expect: [['./a', 'import']] },
  {
    name: 'TypeScript syntax: generics, decorators, satisfies, enums, abstract classes',
    text: `import { Component } from './core';\n@Component({ selector: 'x' })\nclass A<T extends object> { @Input() name: string = ''; constructor(private readonly s: Service<Map<string, T>>) {} }\nconst c = { a: 1 } satisfies Record<string, number>;\nexport enum E { A = 1 }\nconst n = b!.c! / 2;\nexport const f = <T,>(x: T) => x;\nimport('./lazy');`,
    expect: [['./core', 'import'], ['./lazy', 'dynamic']],
  },
  {
    name: 'JSX text with apostrophes, attributes and expression containers (tsx)',
    file: 'App.tsx',
    text: `import React from 'react';\nexport const A = () => (\n  <div className="it's" title='x"y'>\n    Don't {items.map((i) => <Item key={i} />)} it's {require('./in-jsx')}\n    <>frag's</>\n  </div>\n);\nconst g = <T,>(x: T) => x;\nimport after from './after-jsx';`,
    expect: [['react', 'import'], ['./in-jsx', 'require'], ['./after-jsx', 'import']],
  },
  { name: 'JSX in a .js file', file: 'view.js', text: `import x from './x';\nconst v = <p>it's</p>;\nconst y = require('./y');`, expect: [['./x', 'import'], ['./y', 'require']] },
  { name: 'export const x = require() is a require', text: `export const x = require('./r');`, expect: [['./r', 'require']] },
  {
    name: 'strings with escaped quotes, backslashes and line continuations end where they should',
    text: "const a = 'it\\'s \\\\';\nconst b = \"x\\\ny\" + require('./after-continuation');\nconst c = 'unterminated\nconst d = require('./after-unterminated');",
    expect: [['./after-continuation', 'require'], ['./after-unterminated', 'require']],
  },
  { name: 'multi-line import clause', text: `import {\n  a,\n  type B, // comment\n  c,\n} from './multi';`, expect: [['./multi', 'import']] },
];

describe('boundaries: parsing JS/TS imports', () => {
  for (const parser of ['es-module-lexer', 'scanner'] as const) {
    describe(`with ${parser}`, () => {
      for (const c of JS_CASES) {
        it(c.name, () => {
          assert.deepEqual(view(js(c.text, c.file ?? 'src/a.ts', parser)), c.expect);
        });
      }
    });
  }

  it('ranges cover the module string with its quotes', () => {
    const text = `import a from './a';\nconst b = require("./b");\nimport('./c');`;
    for (const parser of ['es-module-lexer', 'scanner'] as const) {
      assert.deepEqual(
        js(text, 'a.ts', parser).map((r) => text.slice(r.start, r.end)),
        [`'./a'`, `"./b"`, `'./c'`],
        parser,
      );
    }
  });

  it('code that es-module-lexer rejects (half-typed, JSX in .js) falls back to the tokenizer', () => {
    const text = `import a from './a';\nconst el = <div>it's {x}</div>;\nimport b from './b';`;
    assert.deepEqual(view(js(text, 'src/view.js', 'es-module-lexer')), [['./a', 'import'], ['./b', 'import']]);
  });

  it('declaration files: every import is type-only; ambient `declare module` blocks are erased by both parsers', () => {
    const text = `import { A } from './a';\ndeclare module 'ext' {\n  import { B } from './b';\n  export * from './c';\n}\ndeclare module 'short';\nexport { D } from './d';`;
    for (const parser of ['es-module-lexer', 'scanner'] as const) {
      assert.deepEqual(view(js(text, 'types/index.d.ts', parser)), [['./a', 'import', true], ['./d', 'export', true]], parser);
    }
  });

  it('differential: the tokenizer finds exactly what es-module-lexer finds in real code (node_modules sources)', function () {
    this.timeout(60_000);
    const dirs = ['node_modules/zod/src', 'node_modules/eslint/lib', 'node_modules/dependency-cruiser/src', 'server/src'].map((d) => path.join(REPO_ROOT, d)).filter((d) => fs.existsSync(d));
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) {
          walk(p);
        } else if (/\.(m|c)?[jt]sx?$/.test(e.name)) {
          files.push(p);
        }
      }
    };
    dirs.forEach(walk);
    const differ: string[] = [];
    let refs = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const key = (r: ImportRef): string => `${r.start}:${r.specifier}:${r.kind}:${r.typeOnly}`;
      const a = js(text, f, 'es-module-lexer').map(key);
      const b = js(text, f, 'scanner').map(key);
      refs += a.length;
      if (a.join('\n') !== b.join('\n')) {
        differ.push(path.relative(REPO_ROOT, f));
      }
    }
    assert.ok(files.length > 100 && refs > 1000, `corpus too small: ${files.length} files, ${refs} imports`);
    assert.deepEqual(differ, []);
  });

  it('`type T = typeof import(...)`: erased by es-module-lexer, type-only for the tokenizer (never a value edge)', () => {
    const text = `type T = typeof import('./types');`;
    assert.deepEqual(view(js(text, 'a.ts', 'es-module-lexer')), []);
    assert.deepEqual(view(js(text, 'a.ts', 'scanner')), [['./types', 'dynamic', true]]);
  });
});

const other = (language: 'python' | 'go' | 'java', relPath: string, text: string): [string, string?][] =>
  extractImports(text, language, relPath, () => lex(text, syntaxFor(undefined, relPath))).map((r) => (r.name ? [r.specifier, r.name] : [r.specifier]));

describe('boundaries: parsing Python imports', () => {
  const cases: { name: string; text: string; expect: [string, string?][] }[] = [
    { name: 'import a, b as c', text: 'import os, sys as system\n', expect: [['os'], ['sys']] },
    { name: 'dotted import', text: 'import a.b.c\n', expect: [['a.b.c']] },
    { name: 'from M import names (each may be a submodule)', text: 'from app.domain import orders, users as u\n', expect: [['app.domain', 'orders'], ['app.domain', 'users']] },
    { name: 'from . import x', text: 'from . import widgets\n', expect: [['.', 'widgets']] },
    { name: 'relative levels and a parenthesised list across lines', text: 'from ..pkg.mod import (\n    a,  # first\n    b as bee,\n)\n', expect: [['..pkg.mod', 'a'], ['..pkg.mod', 'b']] },
    { name: 'from M import *', text: 'from app.shared import *\n', expect: [['app.shared']] },
    { name: 'backslash continuation', text: 'from a import b, \\\n    c\n', expect: [['a', 'b'], ['a', 'c']] },
    { name: 'indented imports (in functions, try blocks) count', text: 'def f():\n    import json\n    try:\n        from yaml import safe_load\n    except ImportError:\n        pass\n', expect: [['json'], ['yaml', 'safe_load']] },
    { name: 'imports in comments and strings do not', text: '# import fake\ns = "import fake2"\n"""\nimport fake3\nfrom fake4 import x\n"""\nimport real\n', expect: [['real']] },
    { name: '__future__', text: 'from __future__ import annotations\n', expect: [['__future__', 'annotations']] },
    { name: 'not an import: a name starting with from/import', text: 'from_value = 1\nimported = 2\n', expect: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(other('python', 'app/m.py', c.text), c.expect));
  }
});

describe('boundaries: parsing Go and Java imports', () => {
  it('Go: single, aliased, dot and blank imports, blocks with comments', () => {
    const text = 'package main\n\nimport "fmt"\nimport f "flag"\n\nimport (\n\t"net/http" // web\n\t/* db */ db "example.com/app/internal/db"\n\t. "math"\n\t_ "embed"\n\t`raw/path`\n)\n';
    assert.deepEqual(other('go', 'cmd/main.go', text), [['fmt'], ['flag'], ['net/http'], ['example.com/app/internal/db'], ['math'], ['embed'], ['raw/path']]);
  });

  it('Go: imports in comments and raw strings do not count', () => {
    const text = 'package main\n// import "fake"\nvar s = `\nimport "fake2"\n`\nimport "real"\n';
    assert.deepEqual(other('go', 'main.go', text), [['real']]);
  });

  it('Java: class, wildcard and static imports; not in comments or text blocks', () => {
    const text = 'package com.acme.ui;\n\nimport com.acme.db.Repo;\nimport com.acme.domain.*;\nimport static com.acme.db.Repo.find;\n// import com.fake.X;\nString s = """\nimport com.fake.Y;\n""";\n';
    assert.deepEqual(other('java', 'src/main/java/com/acme/ui/View.java', text), [['com.acme.db.Repo'], ['com.acme.domain.*'], ['com.acme.db.Repo.find', 'static']]);
  });
});
