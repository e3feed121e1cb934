/**
 * Splits "X makes chips and opened an office in Lyon" into two claims, so each half may be
 * supported by its own source sentence. A bare list of names ("by Hana Mori and Theo Brandt") or a
 * one-word side ("photographer and novelist") stays one claim: its parts must be found together.
 */
import type { Term, TokenizedText } from './tokens.js';

const MIN_SIDE_TERMS = 2;

function hasPredicateWord(terms: readonly Term[]): boolean {
  return terms.some((term) => (term.kind === 'word' || term.kind === 'relation') && term.name < 0);
}

/** Returns the terms with clause numbers renumbered after splitting at qualifying coordinations. */
export function splitCoordinatedClauses(tokens: TokenizedText): { terms: Term[]; clauseCount: number } {
  if (tokens.coordinations.length === 0) return { terms: tokens.terms, clauseCount: tokens.clauseCount };
  const cuts = new Set<number>();
  const candidates = [...tokens.coordinations, tokens.terms.length];
  let sideStart = 0;
  for (let index = 0; index + 1 < candidates.length; index += 1) {
    const cut = candidates[index] ?? 0;
    const clause = tokens.terms[cut]?.clause;
    if (clause === undefined || tokens.terms[cut - 1]?.clause !== clause) continue;
    const nextCut = candidates[index + 1] ?? tokens.terms.length;
    const left = tokens.terms.slice(sideStart, cut).filter((term) => term.clause === clause);
    const right = tokens.terms.slice(cut, nextCut).filter((term) => term.clause === clause);
    if (left.length >= MIN_SIDE_TERMS && right.length >= MIN_SIDE_TERMS && hasPredicateWord(right)) {
      cuts.add(cut);
      sideStart = cut;
    }
  }
  if (cuts.size === 0) return { terms: tokens.terms, clauseCount: tokens.clauseCount };
  let shift = 0;
  const terms = tokens.terms.map((term, index) => {
    if (cuts.has(index)) shift += 1;
    return shift === 0 ? term : { ...term, clause: term.clause + shift };
  });
  return { terms, clauseCount: tokens.clauseCount + shift };
}
