/** What the fake upstream answers: ordinary prose, nothing a guardrail should act on. */

/** Twenty tokens, two sentences: the JSON answer and the fast stream. */
export const FAST_TOKENS: readonly string[] = [
  'On', ' Saturday', ' walk', ' the', ' beach', ' early', ' and', ' visit', ' the', ' harbour', ' museum', '.',
  ' On', ' Sunday', ' try', ' the', ' fish', ' market', ' instead', '.',
];

/** Fifty tokens for the paced stream; the first sentence ends at token 12 (sentence hold-back shows). */
export const PACED_TOKENS: readonly string[] = [
  'Start', ' Saturday', ' with', ' a', ' slow', ' walk', ' along', ' the', ' beach', ' at', ' sunrise', '.',
  ' After', ' breakfast', ',', ' visit', ' the', ' small', ' harbour', ' museum', ' and', ' the', ' old', ' lighthouse', '.',
  ' In', ' the', ' evening', ' try', ' the', ' seafood', ' stalls', ' near', ' the', ' pier', '.',
  ' On', ' Sunday', ' rent', ' bikes', ' and', ' follow', ' the', ' coastal', ' path', ' to', ' the', ' next', ' village', '.',
];

/** Gap between paced tokens. */
export const PACE_MS = 5;
