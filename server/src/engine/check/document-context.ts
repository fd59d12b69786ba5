import type { Policy, EffectiveRule } from '../config/policy';
import { lex, type Spans } from '../text/lexer';
import { syntaxFor, type LanguageSyntax } from '../text/languages';
import { LineIndex } from '../text/positions';

export interface DocumentInput {
  /** Workspace-relative posix path; globs in rule files match against it. */
  relPath: string;
  text: string;
  /** Editor language id when known; otherwise it is derived from the path. */
  languageId?: string;
}

/** Everything a rule needs about one document, each piece computed at most once per check. */
export class DocumentContext {
  readonly syntax: LanguageSyntax;
  readonly lines: LineIndex;
  readonly rules: Map<string, EffectiveRule>;
  private spansCache?: Spans;

  constructor(
    readonly doc: DocumentInput,
    readonly policy: Policy,
  ) {
    this.syntax = syntaxFor(doc.languageId, doc.relPath);
    this.lines = new LineIndex(doc.text);
    this.rules = policy.rulesFor(doc.relPath);
  }

  get text(): string {
    return this.doc.text;
  }

  /** Comment and string spans, lexed on first use only (many files never need them). */
  get spans(): Spans {
    this.spansCache ??= lex(this.doc.text, this.syntax);
    return this.spansCache;
  }
}
