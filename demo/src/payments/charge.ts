// @ai-generated begin id=a17f02 tool=copilot-chat at=2026-11-23T16:40Z
export function charge(cardToken: string, cents: number): boolean {
  return cardToken.length > 0 && cents > 0;
}
// @ai-generated end id=a17f02
