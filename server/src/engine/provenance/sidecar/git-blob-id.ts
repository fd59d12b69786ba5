import { createHash } from 'crypto';

/** The id git gives this text as a blob (SHA-1 of `blob <bytes>\0<content>`), UTF-8 as written to disk. */
export function gitBlobId(text: string): string {
  const body = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}
