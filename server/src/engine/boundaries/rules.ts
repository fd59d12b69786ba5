import type { RuleMeta } from '../registry/rule-meta';

export const LAYER_VIOLATION = 'boundaries/layer-violation';
export const PRIVATE_IMPORT = 'boundaries/private-import';
export const UNDECLARED_PACKAGE = 'boundaries/undeclared-package';
export const BANNED_PACKAGE = 'boundaries/banned-package';
export const UNRESOLVED_IMPORT = 'boundaries/unresolved-import';

/** Boundary rules run only when the rule file has a `boundaries` section. */
export const BOUNDARY_RULES: RuleMeta[] = [
  {
    id: LAYER_VIOLATION,
    description: 'An import between two layers that `boundaries.allow` does not allow or `boundaries.deny` forbids.',
    defaultSeverity: 'error',
    fixable: false,
  },
  {
    id: PRIVATE_IMPORT,
    description: "An import of a layer's non-public file from outside the layer (`boundaries.layers.<name>.public`).",
    defaultSeverity: 'error',
    fixable: false,
  },
  {
    id: UNDECLARED_PACKAGE,
    description: 'A third-party package that the nearest manifest does not declare; possibly hallucinated when it is not installed either.',
    defaultSeverity: 'error',
    fixable: false,
  },
  {
    id: BANNED_PACKAGE,
    description: 'A package that `boundaries.packages.deny` bans, with its reason.',
    defaultSeverity: 'error',
    fixable: false,
  },
  {
    id: UNRESOLVED_IMPORT,
    description: 'A relative or aliased import that resolves to no file (possibly a hallucinated module).',
    defaultSeverity: 'warning',
    fixable: false,
  },
];

export const BOUNDARY_RULE_IDS = BOUNDARY_RULES.map((r) => r.id);
