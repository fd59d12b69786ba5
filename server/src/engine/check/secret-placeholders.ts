import { compileRuleRegex } from '../regex/linear-regex';
import { shannonEntropy } from './secret-entropy';

/**
 * Values that only look like credentials: documentation examples, template variables, references
 * to the environment. Checked case-insensitively against the secret part of every `secret: true`
 * match, in addition to the pattern's own `allow` list.
 */
export const BUILTIN_PLACEHOLDERS: readonly string[] = [
  'example', // AKIAIOSFODNN7EXAMPLE and friends from vendor docs
  'sample',
  'dummy',
  'placeholder',
  'change[-_.]?me',
  'replace[-_.]?me',
  'redacted',
  'your[-_.]',
  'insert[-_.]',
  'x{4,}',
  '\\*{3,}',
  '\\.{3}|…',
  '<[^<>]*>', // <token>, <your key>
  '\\$\\{|\\{\\{|%\\(|#\\{', // ${VAR}, {{ var }}, %(var)s, #{var}
  '^\\$[A-Za-z_]', // $VAR
  '^%[A-Za-z_]+%$', // %VAR%
  'process\\.env|os\\.environ|getenv|System\\.getenv|env\\(',
  '12345678|abcdefgh|qwerty',
  '^(?:none|null|nil|undefined|true|false|secret|password|passwd|token|pass|test|testing)$',
];

let compiled: RegExp[] | undefined;

/** The built-in list, compiled once through the same safety checks as rule-file regexes. */
export function builtinPlaceholders(): RegExp[] {
  compiled ??= BUILTIN_PLACEHOLDERS.flatMap((source) => {
    const c = compileRuleRegex(source, 'i');
    return 'error' in c ? [] : [c.regex];
  });
  return compiled;
}

/**
 * Filler rather than a secret: three or fewer distinct characters (`aaaa…`, `abab…`), or a long value
 * that is nearly all one character after its prefix (`ghp_000…0`: under 2 bits per character).
 */
export function isLowVariety(value: string): boolean {
  const seen = new Set<string>();
  for (const ch of value) {
    seen.add(ch);
    if (seen.size > 3) {
      return value.length >= 16 && shannonEntropy(value) < 2;
    }
  }
  return true;
}

/** Tests a global regex without disturbing later scans (compiled rule regexes carry the `g` flag). */
export function testFromStart(re: RegExp, value: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(value);
  re.lastIndex = 0;
  return hit;
}
