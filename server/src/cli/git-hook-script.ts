// The pre-commit hook `conductor hooks install --git` writes: the same text as
// examples/git-hooks/pre-commit (a test holds them equal), kept here so the CLI package needs no
// examples folder at run time.
export const HOOK_MARKER = '# conductor-managed-hook v1';

export const PRE_COMMIT_HOOK = `#!/bin/sh
# Conductor pre-commit hook: checks what is about to be committed — the STAGED content of the staged
# lines, not the working tree — against the repository's .conductor rules, and blocks the commit when
# a finding at or above --fail-on (default: error) is on a staged line.
#
# Install:   conductor hooks install --git   (--check: is it installed and current; --uninstall)
#            or cp examples/git-hooks/pre-commit .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
#            (or \`git config core.hooksPath <dir>\` to share hooks, or use .pre-commit-hooks.yaml)
# Bypass:    git commit --no-verify   (CI still runs the full check)
# Settings:  CONDUCTOR_BIN      command that runs the CLI (default: conductor on PATH, else the
#                               project's node_modules/.bin/conductor, else npx --no-install conductor)
#            CONDUCTOR_FAIL_ON  error (default) | warning | never
# conductor-managed-hook v1 (conductor hooks install --git rewrites and removes only files with this line)
set -u

if [ -n "\${CONDUCTOR_BIN:-}" ]; then
  bin=$CONDUCTOR_BIN
elif command -v conductor >/dev/null 2>&1; then
  bin=conductor
elif [ -x ./node_modules/.bin/conductor ]; then
  bin=./node_modules/.bin/conductor
else
  bin="npx --no-install conductor"
fi

# $bin is split on spaces on purpose ("node /path/to/cli.js" works).
# shellcheck disable=SC2086
$bin check --staged --fail-on "\${CONDUCTOR_FAIL_ON:-error}"
status=$?
if [ "$status" -eq 1 ]; then
  echo "conductor: commit blocked. Fix the findings above, or suppress one with a reason:" >&2
  echo "  // conductor-disable-next-line <rule-id> -- <why>" >&2
  exit 1
elif [ "$status" -ne 0 ]; then
  echo "conductor: the check could not run (exit $status); commit blocked. Bypass once with --no-verify." >&2
  exit "$status"
fi
exit 0
`;
