// AI policy e2e tests: AI-written code is forbidden under src/auth/** (.conductor/rules.jsonc, ai.forbidden).
export function isValidSession(token: string): boolean {
  const trimmed = token.trim();

  return trimmed.length > 0;
}
