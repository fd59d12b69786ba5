import { InputError } from '../host/input-error';

/** A command line that cannot be used: the message and exit 2. */
export class UsageError extends InputError {}
