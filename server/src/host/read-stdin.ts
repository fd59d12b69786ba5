/** Standard input up to `maxBytes`, within `deadlineMs`: a hook payload, never an unbounded wait or buffer. */
export function readStdinBounded(maxBytes: number, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stdin = process.stdin;
    const finish = (err?: Error): void => {
      clearTimeout(timer);
      stdin.removeAllListeners('data').removeAllListeners('end').removeAllListeners('error');
      stdin.pause();
      if (err) {
        stdin.destroy();
        reject(err);
      } else {
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    };
    const timer = setTimeout(() => finish(new Error(`no complete payload on standard input within ${deadlineMs / 1000} s`)), deadlineMs);
    stdin.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        finish(new Error(`the payload is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
        return;
      }
      chunks.push(c);
    });
    stdin.on('end', () => finish());
    stdin.on('error', (e) => finish(e));
  });
}
