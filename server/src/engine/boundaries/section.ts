import type { ConfigSection } from '../config/section';
import { boundariesSchema } from './schema';
import { boundaryProblems, emptyBoundaries, mergeBoundaries } from './config';
import { checkBoundaryLocks, enforceBoundaryLocks } from './locks';
import { checkBoundaries } from './check-boundaries';
import * as R from './rules';

/** The `boundaries` section of a rule file (issue 6), as config loading, org locks and checks see it. */
export const boundariesSection: ConfigSection<'boundaries'> = {
  key: 'boundaries',
  schema: boundariesSchema,
  merge(entries) {
    const merged = entries.reduce((b, { source, value }) => mergeBoundaries(b, value, source), emptyBoundaries());
    return { value: merged, problems: boundaryProblems(merged) };
  },
  lockable: {
    layers: [R.LAYER_VIOLATION, R.PRIVATE_IMPORT],
    allow: [R.LAYER_VIOLATION],
    deny: [R.LAYER_VIOLATION],
    packages: [R.UNDECLARED_PACKAGE, R.BANNED_PACKAGE],
    typeOnlyImports: [R.LAYER_VIOLATION],
  },
  checkLocks: checkBoundaryLocks,
  enforceLocks: enforceBoundaryLocks,
  rules: R.BOUNDARY_RULES,
  check: (ctx, options) => checkBoundaries(ctx, { docsUrl: options.docsUrl }),
};
