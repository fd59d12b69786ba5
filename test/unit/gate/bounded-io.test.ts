// The bounded reader and fix's guarded write, on real files, FIFOs, devices and symlinks in a temp dir.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readBounded, readBoundedText } from '../../../server/src/host/read-bounded';
import { writeIfUnchanged } from '../../../server/src/cli/write-if-unchanged';

describe('host: bounded reads and guarded writes', () => {
  let dir: string;
  let outside: string;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-bounded-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-outside-')));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const failure = (file: string, maxBytes = 1024): string => {
    const r = readBounded(path.join(dir, file), { maxBytes, within: [dir] });
    return r.ok ? 'ok' : `${r.failure}: ${r.reason}`;
  };

  it('refuses FIFOs, devices, oversized files and links out of the workspace, with the reason', () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero'));
    fs.writeFileSync(path.join(dir, 'big'), 'x'.repeat(2048));
    fs.writeFileSync(path.join(outside, 'secret'), 'secret');
    fs.symlinkSync(path.join(outside, 'secret'), path.join(dir, 'out'));
    fs.symlinkSync(outside, path.join(dir, 'linked-dir'));
    assert.strictEqual(failure('fifo'), 'not-regular: not a regular file');
    assert.match(failure('zero'), /^outside: a symlink leads outside the workspace \(to \/dev\/zero\)$/);
    assert.strictEqual(readBounded('/dev/zero', { maxBytes: 1024 }).ok, false);
    assert.strictEqual(failure('big'), 'too-large: too large (2 KB > 1 KB)');
    assert.match(failure('out'), /^outside: /);
    assert.match(failure('linked-dir/secret'), /^outside: /);
    assert.strictEqual(failure('missing'), 'missing: not found');
  });

  it('follows a symlink to a regular file inside the workspace and strips a BOM', () => {
    fs.writeFileSync(path.join(dir, 'real.jsonc'), '\ufeff{}');
    fs.symlinkSync('real.jsonc', path.join(dir, 'link.jsonc'));
    assert.deepStrictEqual(readBoundedText(path.join(dir, 'link.jsonc'), { maxBytes: 1024, within: [dir] }), { ok: true, text: '{}' });
  });

  it('fix refuses a file that changed since it was read, and writes the real file of an inside link', () => {
    fs.writeFileSync(path.join(dir, 'a.js'), 'var a;\n');
    fs.appendFileSync(path.join(dir, 'a.js'), 'var b;\n'); // another process appended after the read
    assert.strictEqual(writeIfUnchanged(dir, 'a.js', 1024, 'var a;\n', 'let a;\n'), 'it changed since it was read (run fix again)');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a.js'), 'utf8'), 'var a;\nvar b;\n');

    fs.symlinkSync('a.js', path.join(dir, 'link.js'));
    assert.strictEqual(writeIfUnchanged(dir, 'link.js', 1024, 'var a;\nvar b;\n', 'let a;\nlet b;\n'), undefined);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a.js'), 'utf8'), 'let a;\nlet b;\n');
    assert.ok(fs.lstatSync(path.join(dir, 'link.js')).isSymbolicLink());
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['a.js', 'link.js']);
  });

  it('fix never writes through a symlink that leaves the workspace', () => {
    fs.writeFileSync(path.join(outside, 'b.js'), 'var b;\n');
    fs.symlinkSync(path.join(outside, 'b.js'), path.join(dir, 'b.js'));
    assert.match(writeIfUnchanged(dir, 'b.js', 1024, 'var b;\n', 'let b;\n') ?? '', /symlink leads outside the workspace/);
    assert.strictEqual(fs.readFileSync(path.join(outside, 'b.js'), 'utf8'), 'var b;\n');
  });
});
