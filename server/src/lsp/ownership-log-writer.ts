import * as fs from 'fs';
import * as path from 'path';
import { formatOwnershipRecord, OWNERSHIP_LOG, type OwnershipRecord } from '../engine/attribution';

/**
 * Appends a Take ownership record to the folder's `.conductor/ownership.jsonl` (created if needed).
 * Returns why it could not, if it could not: the log must be a regular file, never a link elsewhere.
 */
export function appendOwnershipRecord(folderRoot: string, record: OwnershipRecord): string | undefined {
  const file = path.join(folderRoot, OWNERSHIP_LOG);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const existing = fs.lstatSync(file, { throwIfNoEntry: false });
    if (existing && !existing.isFile()) {
      return `${OWNERSHIP_LOG} is not a regular file`;
    }
    fs.appendFileSync(file, formatOwnershipRecord(record), { encoding: 'utf8', flag: 'a' });
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}
