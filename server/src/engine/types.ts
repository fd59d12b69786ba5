// Plain data shared by the engine, the language server and the CLI. No host APIs here.

/** Severities as written in rule files; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** 0-based line and UTF-16 character offset, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `source.fixAll` and `conductor fix`; unsafe ones only on request. */
  safe: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  /** Link to the rule's documentation page, when one exists. */
  docsUrl?: string;
  /** Which rule file declared or configured the rule (for "effective rules" and reports). */
  origin?: string;
  /** Structured extras (e.g. AI-region facts) for SARIF property bags and reports. */
  properties?: Record<string, unknown>;
}

/** A problem with a rule file itself, reported at its offending place. */
export interface ConfigProblem {
  /** Absolute path of the rule file, or a `conductor:` name for built-ins. */
  file: string;
  range: Range;
  message: string;
  severity: Severity;
}

/** A file the engine refused to check, and why (binary, too large, not UTF-8…). */
export interface SkippedFile {
  path: string;
  reason: string;
}
