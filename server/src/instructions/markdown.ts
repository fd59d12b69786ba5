// Rule-file text inside generated Markdown: on one line, in code spans, unable to end the generated section.
import { describeTemplate } from '../engine/check/message-template';

/** Rule-file text on one line, unable to open or close an HTML comment (and so to end the generated section). */
export const safe = (s: string): string => s.replace(/\s+/g, ' ').replace(/<!--/g, '<!‑‑').replace(/-->/g, '‑‑>');
export const prose = (s: string): string => safe(s).trim();
export const code = (s: string): string => `\`${safe(s).replace(/`/g, "'")}\``;
export const codes = (xs: readonly string[]): string => xs.map(code).join(', ');

/** A pattern's message as guidance: what a match would insert reads "…". */
export const meaning = (template: string): string => prose(describeTemplate(template));
