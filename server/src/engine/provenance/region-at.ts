import type { AiRegion } from './types';

/** The region whose content holds a line (marker lines excluded). Regions are sorted by begin line. */
export function regionAt(regions: readonly AiRegion[], line: number): AiRegion | undefined {
  let lo = 0;
  let hi = regions.length - 1;
  let found: AiRegion | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid].beginLine < line) {
      found = regions[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // With nested (invalid) regions the nearest preceding begin may have ended: fall back to a scan.
  if (found && line < found.endLine) {
    return found;
  }
  return regions.find((r) => r.beginLine < line && line < r.endLine);
}
