// Where the AI blocks were when a scanner ran: the working tree's blocks (from the report's scan), or,
// for a SARIF run that names its commit, the blocks in that commit's files (read with `git cat-file`).
import { markerProvenance, type AiRegion } from '../engine';
import { readBlobsById } from '../host/git/blobs';
import { hasCommit, type RepoInfo } from '../host/git/repo';
import { ReportInputError } from './read-json';
import type { SarifFinding } from './sarif-read';
import type { RegionLookup } from './sarif-split';
import * as path from 'path';

export function regionLookup(o: {
  root: string;
  repo: RepoInfo | undefined;
  /** Every file the report counted, with its AI blocks ([] when none). */
  worktree: ReadonlyMap<string, readonly AiRegion[]>;
  findings: readonly SarifFinding[];
  maxBytes: number;
}): RegionLookup {
  const atRevision = new Map<string, readonly AiRegion[] | undefined>();
  const key = (rev: string, rel: string): string => `${rev}\u0000${rel}`;
  const wanted = new Map<string, { rev: string; rel: string }>();
  for (const f of o.findings) {
    if (f.revision === undefined || f.file === undefined) {
      continue;
    }
    const rel = path.relative(o.root, f.file);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
      const posix = rel.split(path.sep).join('/');
      wanted.set(key(f.revision, posix), { rev: f.revision, rel: posix });
    }
  }
  if (wanted.size > 0) {
    const repo = o.repo;
    if (!repo) {
      throw new ReportInputError('A SARIF log names the commit it analysed (versionControlProvenance), but the report root is not in a git repository');
    }
    for (const rev of new Set([...wanted.values()].map((w) => w.rev))) {
      if (!hasCommit(o.root, rev)) {
        throw new ReportInputError(`A SARIF log was produced at commit ${rev}, which this clone does not have (fetch it, or a deeper history)`);
      }
    }
    const requests = [...wanted.values()];
    const { oids, blobs } = readBlobsById(o.root, requests.map((w) => `${w.rev}:${repo.prefix}${w.rel}`));
    requests.forEach((w, i) => {
      const blob = oids[i] === undefined ? undefined : blobs.get(oids[i] as string);
      const regions = blob === undefined || blob.length > o.maxBytes ? undefined : markerProvenance.regionsFor(w.rel, blob.toString('utf8')).regions;
      atRevision.set(key(w.rev, w.rel), regions);
    });
  }
  return (rel, revision) => (revision === undefined ? o.worktree.get(rel) : atRevision.get(key(revision, rel)));
}
