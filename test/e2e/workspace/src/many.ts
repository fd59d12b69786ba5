import { logger } from './logger';

export function noisy(a: string, b: string): string {
  console.log('a is', a);
  console.log('b is', b);
  logger.debug('done');
  // console.log( in a comment stays
  return eval(a + b) as string;
}
