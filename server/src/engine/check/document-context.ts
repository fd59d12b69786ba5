import type { EffectiveRule, PolicyView } from '../config/types';
import { lex, type Spans } from '../text/lexer';
import { syntaxFor, type LanguageSyntax } from '../text/languages';
import { LineIndex } from '../text/positions';
import { markerProvenance, type ParsedProvenance, type ProvenanceSource } from '../provenance';

export interface DocumentInput {
  /** Workspace-relative posix path; globs in rule files match against it. */
  relPath: string;
  text: string;
  /** Editor language id when known; otherwise it is derived from the path. */
  languageId?: string;
  /** Absolute workspace root, for checks that resolve imports on disk (boundaries); without it they are skipped. */
  root?: string;
}

/** Everything a rule needs about one document, each piece computed at most once per check. */
export class DocumentContext {
  readonly syntax: LanguageSyntax;
  readonly rules: Map<string, EffectiveRule>;
  private linesCache?: LineIndex;
  private spansCache?: Spans;
  private lowerCache?: string;
  private provenanceCache?: ParsedProvenance;

  constructor(
    readonly doc: DocumentInput,
    readonly policy: PolicyView,
    private readonly provenanceSource: ProvenanceSource = markerProvenance,
  ) {
    this.syntax = syntaxFor(doc.languageId, doc.relPath);
    this.rules = policy.rulesFor(doc.relPath);
  }

  get text(): string {
    return this.doc.text;
  }

  /** Offsets ↔ positions, built on first use (most files of a scan have no finding to place). */
  get lines(): LineIndex {
    this.linesCache ??= new LineIndex(this.doc.text);
    return this.linesCache;
  }

  /** The text lower-cased once, shared by every pattern's case-insensitive `keywords` prefilter. */
  get lowerText(): string {
    this.lowerCache ??= this.doc.text.toLowerCase();
    return this.lowerCache;
  }

  /** AI regions and marker problems, parsed on first use. */
  get provenance(): ParsedProvenance {
    this.provenanceCache ??= this.provenanceSource.regionsFor(this.doc.relPath, this.doc.text, this.doc.languageId);
    return this.provenanceCache;
  }

  /** Comment and string spans, lexed on first use only (many files never need them). */
  get spans(): Spans {
    this.spansCache ??= lex(this.doc.text, this.syntax);
    return this.spansCache;
  }
}
