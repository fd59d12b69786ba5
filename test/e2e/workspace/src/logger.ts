export const logger = {
  debug: (...args: unknown[]): void => {
    process.stderr.write(args.join(' ') + '\n');
  },
};
