// Comment and string syntax per language, by VS Code language id and by file extension.
// The lexer uses it to tell code from comments and strings; fixes use it to write comments.

export interface LanguageSyntax {
  id: string;
  lineComment?: string;
  blockComment?: [string, string];
  /** Quote characters that open single-line strings. */
  quotes: string[];
  /** Quote sequences that open strings which may span lines (`, ''' …). */
  multilineQuotes: string[];
  /** Whether backslash escapes the next character inside strings. */
  backslashEscapes: boolean;
  /** JavaScript-style `/regex/` literals (lexed as literals, so their quotes open no string). */
  regexLiterals?: boolean;
}

const cLike = (id: string, extraQuotes: string[] = [], multi: string[] = []): LanguageSyntax => ({
  id,
  lineComment: '//',
  blockComment: ['/*', '*/'],
  quotes: ['"', "'", ...extraQuotes],
  multilineQuotes: multi,
  backslashEscapes: true,
});
const hashLike = (id: string, multi: string[] = []): LanguageSyntax => ({
  id,
  lineComment: '#',
  quotes: ['"', "'"],
  multilineQuotes: multi,
  backslashEscapes: true,
});

const SYNTAXES: LanguageSyntax[] = [
  { ...cLike('typescript', [], ['`']), regexLiterals: true },
  { ...cLike('javascript', [], ['`']), regexLiterals: true },
  cLike('java', [], ['"""']),
  cLike('go', [], ['`']),
  cLike('c'),
  cLike('cpp'),
  cLike('csharp'),
  cLike('rust'),
  cLike('kotlin', [], ['"""']),
  cLike('swift', [], ['"""']),
  cLike('scala', [], ['"""']),
  cLike('dart', [], ["'''", '"""']),
  cLike('php'),
  cLike('jsonc'),
  { ...cLike('css'), lineComment: undefined },
  cLike('scss'),
  cLike('less'),
  hashLike('python', ['"""', "'''"]),
  hashLike('ruby'),
  hashLike('shellscript'),
  hashLike('yaml'),
  hashLike('toml', ['"""', "'''"]),
  hashLike('perl'),
  hashLike('r'),
  hashLike('powershell'),
  hashLike('makefile'),
  hashLike('dockerfile'),
  hashLike('properties'),
  { id: 'sql', lineComment: '--', blockComment: ['/*', '*/'], quotes: ["'", '"'], multilineQuotes: [], backslashEscapes: false },
  { id: 'lua', lineComment: '--', blockComment: ['--[[', ']]'], quotes: ['"', "'"], multilineQuotes: [], backslashEscapes: true },
  { id: 'haskell', lineComment: '--', blockComment: ['{-', '-}'], quotes: ['"'], multilineQuotes: [], backslashEscapes: true },
  { id: 'html', blockComment: ['<!--', '-->'], quotes: [], multilineQuotes: [], backslashEscapes: false },
  { id: 'xml', blockComment: ['<!--', '-->'], quotes: [], multilineQuotes: [], backslashEscapes: false },
  { id: 'markdown', blockComment: ['<!--', '-->'], quotes: [], multilineQuotes: [], backslashEscapes: false },
  { id: 'json', quotes: ['"'], multilineQuotes: [], backslashEscapes: true },
  { id: 'ini', lineComment: ';', quotes: [], multilineQuotes: [], backslashEscapes: false },
  { id: 'bat', lineComment: 'REM', quotes: [], multilineQuotes: [], backslashEscapes: false },
];

const BY_ID = new Map(SYNTAXES.map((s) => [s.id, s]));

const EXTENSIONS: Record<string, string> = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  java: 'java', go: 'go', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp',
  cs: 'csharp', rs: 'rust', kt: 'kotlin', kts: 'kotlin', swift: 'swift', scala: 'scala', dart: 'dart', php: 'php',
  css: 'css', scss: 'scss', less: 'less', jsonc: 'jsonc', json: 'json',
  py: 'python', pyi: 'python', rb: 'ruby', sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript',
  yml: 'yaml', yaml: 'yaml', toml: 'toml', pl: 'perl', r: 'r', ps1: 'powershell', mk: 'makefile',
  sql: 'sql', lua: 'lua', hs: 'haskell', html: 'html', htm: 'html', vue: 'html', svelte: 'html', xml: 'xml', svg: 'xml',
  md: 'markdown', markdown: 'markdown', ini: 'ini', cfg: 'ini', properties: 'properties', env: 'properties',
  bat: 'bat', cmd: 'bat', tf: 'shellscript',
};

const BASENAMES: Record<string, string> = {
  Makefile: 'makefile', Dockerfile: 'dockerfile', '.env': 'properties', '.gitignore': 'properties',
};

/** Fallback for unknown files: `#` comments are the most common in config and scripts. */
export const PLAIN_TEXT: LanguageSyntax = { id: 'plaintext', lineComment: '#', quotes: [], multilineQuotes: [], backslashEscapes: false };

/** Language id for a path (posix or native), by basename then extension. */
export function languageIdForPath(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (BASENAMES[base]) {
    return BASENAMES[base];
  }
  const dot = base.lastIndexOf('.');
  const ext = dot >= 0 ? base.slice(dot + 1).toLowerCase() : '';
  return EXTENSIONS[ext] ?? (base.startsWith('.env') ? 'properties' : 'plaintext');
}

export function syntaxFor(languageId: string | undefined, path: string): LanguageSyntax {
  const id = languageId === 'typescriptreact' ? 'typescript' : languageId === 'javascriptreact' ? 'javascript' : languageId;
  return (id ? BY_ID.get(id) : undefined) ?? BY_ID.get(languageIdForPath(path)) ?? PLAIN_TEXT;
}

/** A one-line comment in the language's syntax, e.g. for suppression and provenance markers. */
export function lineComment(syntax: LanguageSyntax, body: string): string {
  if (syntax.lineComment) {
    return `${syntax.lineComment} ${body}`;
  }
  if (syntax.blockComment) {
    return `${syntax.blockComment[0]} ${body} ${syntax.blockComment[1]}`;
  }
  return `# ${body}`;
}
