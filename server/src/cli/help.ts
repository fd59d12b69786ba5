export const HELP = `Usage: conductor <command> [options]

Commands:
  check [paths…]     Check files with the workspace's rules (default: the whole workspace)
  merge <reports…>   One report from the JSON or SARIF reports of check --shard K/N runs (see below)
  provenance [paths…]  List AI-generated regions (--format text|json|agent-trace), or move them between stores (--convert markers-to-sidecar|sidecar-to-markers)
  baseline [paths…]  Accept today's findings: write .conductor/baseline.json so check reports only new ones
  fix [paths…]       Apply the safe fixes (the editor's "Fix all"); --dry-run prints a unified diff instead
  init               Create .conductor/rules.jsonc from a commented template
  org <keygen|sign|verify>  Sign and verify org rulesets (conductor org --help)
  report             Governance metrics: AI share, review, rework, lead time, findings
                     (--format text|json|html, --otlp-endpoint URL; see below)
  instructions       Write the policy into AGENTS.md, CLAUDE.md, Copilot and Cursor instructions;
                     --check fails when they are out of date (conductor instructions --help)
  mcp                MCP server on stdio for AI assistants (conductor mcp --help)
  hooks install --git  The git pre-commit hook running \`check --staged\` (--check, --uninstall)
  hooks install --agent claude-code|cursor|copilot|gemini|codex|all
                       AI agents' project hook files, merged (--check, --uninstall)
  hook AGENT           Run by an agent's hook: its JSON payload on stdin, the policy's answer out

Options for check:
  --format <f>       text (default) | json | sarif | junit
  --config <file>    Rule file (default: .conductor/rules.jsonc or .json, else conductor:recommended)
  --cwd <dir>        Workspace root (default: the current directory)
  --fail-on <s>      error (default) | warning | never: lowest severity that fails the run
  --output <file>    Write the report to a file instead of stdout
  --changed-since <ref>  Only findings on lines changed since the merge base of <ref> and HEAD
                     (committed or not); only changed files are read
  --include-untracked  With --changed-since, also check new files git does not track yet
  --staged           Only findings on staged lines, checking the staged content (pre-commit)
  --shard <K/N>      Check only shard K of N (1 ≤ K ≤ N ≤ 1000): the files whose path hashes to K, so N CI
                     jobs together report each finding of the full run once. SARIF gets the category
                     conductor/shard-K-of-N/. Rule-file errors fail every shard.
  --baseline <file>  Hide the findings listed in this baseline (default: .conductor/baseline.json if present)
  --no-baseline      Report every finding, even baselined ones
  --jobs <n>         Worker threads (default: one per core for 1,000+ files adding up to 32 MiB+; 1 = no workers)
  --no-gitignore     Also check files that .gitignore excludes
  --include-node-modules  Also walk node_modules folders (skipped by default, like .git/.hg/.svn;
                     a path inside node_modules named on the command line is walked anyway)
  --max-file-size <MB>  Skip larger files (default 5)
  --verbose          List skipped files and timing on stderr
  --org-ruleset <src>  Org ruleset under the team's rules (https:// URL or file; SRC#sha256=HEX pins it).
                     Default: $CONDUCTOR_ORG_RULESET, else the machine policy file. Applies to baseline and fix too.
  --org-sha256 <hex>  Pin the org ruleset's content ($CONDUCTOR_ORG_SHA256)
  --org-public-key <file|PEM>  ed25519 key its detached signature must verify with ($CONDUCTOR_ORG_PUBLIC_KEY)
  --org-signature <url|file>  The signature (default: the ruleset source + .sig; $CONDUCTOR_ORG_SIGNATURE)
  --org-ca-file <pem>  Extra CA certificates to trust when fetching ($CONDUCTOR_ORG_CA_FILE)

Options for baseline: --output <file> (default .conductor/baseline.json), --config, --cwd, --jobs,
  --no-gitignore, --include-node-modules, --max-file-size. With paths, only their entries are replaced.
Options for fix: --dry-run, --config, --cwd, --jobs, --no-gitignore, --include-node-modules, --max-file-size.
Options for report: --format text (default) | json | html (one self-contained file), --output <file>,
  --since <date> (history metrics from this date), --rework-days <n> (default 14), --otlp-endpoint <url>
  (also POST the headline figures to <url>/v1/metrics as OTLP/HTTP JSON), --now <date> (reference time for
  ages), --config, --cwd, --jobs, --no-gitignore, --max-file-size, --team <name> (groups repositories when
  merged; default the rule file's name), --sarif <file> (repeatable: other scanners' SARIF results split by
  AI vs human lines). report --merge <report.json>… [--format json|html]: one organisation view of many
  repositories' JSON reports. Methods and JSON schema: docs/metrics.md.
Options for merge: --format json (default) | sarif (the format of the inputs and the output), --output <file>,
  --fail-on error (default) | warning | never. Refuses (exit 2) reports of different rule sets or formats,
  a shard given twice, missing shards, and unsharded reports that overlap; else exits 0/1 like check.
Options for init: --preset recommended (default) | strict | secrets, --force to overwrite, --cwd.

Exit codes (check): 0 no reported finding at or above --fail-on, 1 findings at or above it,
  2 usage, rule-file, baseline, org ruleset or git error. Baselined findings and stale baseline entries never fail.
Exit codes (fix --dry-run): 1 when fixes would change files. Other commands: 0 done, 2 error.
`;
