// Tokens planted where other rules quote the author's text: provenance marker fields (tool=, use=,
// accepted-by=, reviewed-by=, reviewed-at=) and a suppression's rule id. Every output that shows those
// rules' findings (or the markers) must show none of them raw. Values are built at run time.
import { ruleFileText } from './temp-workspace';

export interface PlantedTokens {
  /** Matches secrets/github-classic-token (a secret rule of the ruleset). */
  github: string;
  /** Matches secrets/aws-access-key-id. */
  aws: string;
  /** No secret rule matches it: masked for its entropy and length alone. */
  random: string;
  /** Another random token, in reviewed-at. */
  random2: string;
  /** A URL password: too short for the entropy test, masked as URL credentials. */
  urlPassword: string;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Deterministic pseudo-random characters (no literal token in the source). */
function chars(seed: number, n: number, alphabet = ALPHABET): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[(x >>> 16) % alphabet.length];
  }
  return out;
}

export function plantedTokens(): PlantedTokens {
  return {
    github: ['ghp', '_', chars(11, 36)].join(''),
    aws: ['AK', 'IA', chars(12, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')].join(''),
    random: chars(13, 26),
    random2: chars(14, 24),
    urlPassword: ['pw', chars(15, 8)].join(''),
  };
}

/** Every fragment that must not appear in any output. */
export function leakedTokens(text: string, t: PlantedTokens): string[] {
  return Object.entries(t)
    .filter(([, v]) => text.includes(v) || text.includes(v.slice(-10)))
    .map(([k]) => k);
}

export const PLANTED_RULES = ruleFileText({
  extends: ['conductor:recommended', 'conductor:secrets'],
  ai: {
    useCases: { tests: { paths: ['**/*.test.ts'] } },
    review: { required: true, allowSelfReview: false },
  },
});

export const PLANTED_PATH = 'src/feature.test.ts';

/** A test file whose markers and suppression carry the tokens; each block triggers one of the rules. */
export function plantedFile(t: PlantedTokens): string {
  const reviewer = `https://ci-bot:${t.urlPassword}@git.example.com/reviewers`;
  return [
    `// @ai-generated begin id=a1a1 tool=${t.random} use=${t.github} at=2026-11-24T10:31Z`,
    'export const one = 1;',
    '// @ai-generated end id=a1a1',
    `// @ai-generated begin id=a2a2 tool=copilot use=tests at=2026-11-24T10:31Z accepted-by=${reviewer} reviewed-by=${reviewer} reviewed-at=2026-11-24T10:40Z`,
    'export const two = 2;',
    '// @ai-generated end id=a2a2',
    `// @ai-generated begin id=a3a3 tool=copilot use=tests at=2026-11-24T10:31Z reviewed-by=${t.aws} reviewed-at=${t.random2}`,
    'export const three = 3;',
    '// @ai-generated end id=a3a3',
    `// @ai-generated begin id=a4a4 tool=copilot use=tests at=2026-11-24T10:31Z reviewed-by=${t.random}`,
    'export const four = 4;',
    '// @ai-generated end id=a4a4',
    `// conductor-disable-next-line ${t.github} -- planted`,
    'export const five = 5;',
    '',
  ].join('\n');
}

/** The rules each output must report (so a test cannot pass by reporting nothing). */
export const PLANTED_RULE_IDS = ['ai/malformed-review', 'ai/self-review', 'ai/unknown-use-case', 'ai/unreviewed', 'conductor/suppression-unknown-rule'];
