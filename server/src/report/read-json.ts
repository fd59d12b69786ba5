// Bounded JSON input for `report --sarif` and `report --merge`: a regular file, size-capped, parsed,
// or an error that says which file and why (the report fails closed, never skips an input silently).
import * as fs from 'fs';

export class ReportInputError extends Error {}

export function readJsonFile(file: string, maxBytes: number, what: string): unknown {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new ReportInputError(`Cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!stat.isFile()) {
    throw new ReportInputError(`${what} ${file} is not a regular file`);
  }
  if (stat.size > maxBytes) {
    throw new ReportInputError(`${what} ${file} is ${stat.size} bytes, more than the ${maxBytes}-byte limit`);
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    throw new ReportInputError(`${what} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}
