export const HELP = `Usage: conductor <command> [options]

Commands:
  check [paths…]     Check files with the workspace's rules (default: the whole workspace)

Options for check:
  --format <f>       text (default) | json | sarif
  --config <file>    Rule file (default: .conductor/rules.jsonc or .json, else conductor:recommended)
  --cwd <dir>        Workspace root (default: the current directory)
  --fail-on <s>      error (default) | warning | never: lowest severity that fails the run
  --output <file>    Write the report to a file instead of stdout
  --no-gitignore     Also check files that .gitignore excludes
  --max-file-size <MB>  Skip larger files (default 5)
  --verbose          List skipped files and timing on stderr

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage or rule-file error.
`;
