import { logger } from './logger';

export function run(input: string): unknown {
  console.log('running with', input);
  // eval( in a comment is not code
  const label = 'eval(x) inside a string is not code';
  logger.debug(label);
  return eval(input);
}
