/** Casing of a whole text: names in all-lower-case or all-capitals text need the lexicon. */
import { INITIAL, LOWER, TITLE, UPPER, WORD, type Tokens } from '../tokens.js';

export type CaseMode = 'mixed' | 'lower' | 'upper';

/** Texts longer than this are never read as all-lower-case chat (the lexicon pass costs too much). */
const MAX_LOWER_MODE = 20_000;

export function caseMode(tokens: Tokens): CaseMode {
  let lower = 0;
  let cased = 0;
  let upper = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kinds[i] !== WORD) continue;
    const s = tokens.shapes[i];
    if (s === LOWER) lower++;
    else if (s === TITLE || s === INITIAL) cased++;
    else if (s === UPPER) upper++;
  }
  if (cased === 0 && upper === 0 && lower > 0 && tokens.src.length <= MAX_LOWER_MODE) return 'lower';
  if (upper > 3 && upper > 2 * (lower + cased)) return 'upper';
  return 'mixed';
}
