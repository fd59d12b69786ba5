/**
 * Input that cannot be used (a flag, a rule file, a baseline, a git ref): the run stops with this
 * message and the CLI exits 2, without a stack trace. A gate fails closed on it.
 */
export class InputError extends Error {}
