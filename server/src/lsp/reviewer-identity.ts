import { execFile } from 'child_process';

/** Who is reviewing: the `conductor.review.identity` setting, else git's user.email, else user.name. */
export async function reviewerIdentity(configured: unknown, cwd: string | undefined): Promise<string | undefined> {
  // The setting comes from a user's settings.json: anything but a non-blank string means "not set".
  if (typeof configured === 'string' && configured.trim()) {
    return configured.trim();
  }
  for (const key of ['user.email', 'user.name']) {
    const value = await gitConfig(key, cwd);
    if (value) {
      return value;
    }
  }
  return undefined;
}

function gitConfig(key: string, cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: 5000 }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
  });
}
