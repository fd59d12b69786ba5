// The JS tokenizer's state that the JSX reader (jsx.ts) shares with it.

/** The previous token's class: decides whether `/` opens a regex and `<` may open JSX. */
export type PrevType = 'start' | 'punct' | 'kw' | 'value';

/** What an open `{` is: a block, an object/expression, a template substitution, or a JSX expression container. */
export type Brace = 'block' | 'expr' | 'tpl' | { jsx: 'tag' | 'children'; depth: number };

export interface TokenState {
  /** Open braces, innermost last: a `}` pops one to know where scanning resumes. */
  readonly braces: Brace[];
  /** Records the previous token. */
  set(type: PrevType, val: string): void;
}
