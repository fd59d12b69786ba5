import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';

/** A throw-away workspace folder on disk; files are given by workspace-relative posix path. */
export interface TempWorkspace {
  /** Absolute, symlink-free path of the folder. */
  root: string;
  /** Absolute path of a workspace-relative path. */
  path(rel: string): string;
  /** file:// URI of a workspace-relative path (as `vscode-uri`'s URI.file(...).toString() spells it). */
  uri(rel: string): string;
  write(rel: string, content: string | Buffer): string;
  read(rel: string): string;
  remove(): void;
}

export type WorkspaceFiles = Record<string, string | Buffer>;

export function makeTempWorkspace(files: WorkspaceFiles = {}, prefix = 'conductor-test-'): TempWorkspace {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const abs = (rel: string): string => path.join(root, ...rel.split('/'));
  const ws: TempWorkspace = {
    root,
    path: abs,
    uri: (rel) => fileUri(abs(rel)),
    write(rel, content) {
      const p = abs(rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
      return p;
    },
    read: (rel) => fs.readFileSync(abs(rel), 'utf8'),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
  for (const [rel, content] of Object.entries(files)) {
    ws.write(rel, content);
  }
  return ws;
}

/** The file URI of an absolute path, spelled exactly as the server spells it (vscode-uri). */
export function fileUri(absPath: string): string {
  return URI.file(absPath).toString();
}

/** A rule file's text from an object (pretty-printed, so every key sits on its own line). */
export function ruleFileText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
