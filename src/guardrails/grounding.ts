/**
 * Local contextual-grounding scorer, in the spirit of Bedrock's contextual grounding check.
 *
 * `grounding`: the answer is cut into claims (sentences and clauses); each claim is credited with
 * the weighted share of its content terms (numbers > names, comparisons > words) that the sources
 * state together (grounding/locality.ts), a missing share costs MISSING_COST times its size, and
 * the claims are averaged by weight with a share for the worst one. Every number, name or
 * comparison the sources lack entirely then scales the result down once more, so one wrong figure
 * is not diluted by a long answer.
 * `relevance`: how far the answer addresses the query (grounding/relevance.ts); 1 with no query.
 *
 * Calibration: 0.7 grounding / 0.5 relevance (DEFAULT_* below). A faithful paraphrase stays above
 * 0.7; a claim about a tenth unsupported by weight lands near it; a wrong number or name in a
 * short claim lands far below. An empty answer claims nothing and scores 1 on both.
 *
 * Nothing is compiled per config: sources arrive with each request and are indexed in one pass;
 * the only static tables (function words, synonyms) are built once at module load.
 */
import type { GroundingInput, GroundingScores } from './types.js';
import { splitCoordinatedClauses } from './grounding/coordination.js';
import { supportOfClaim } from './grounding/locality.js';
import { scoreRelevance } from './grounding/relevance.js';
import { checkNames, resolveTerm, type ResolvedTerm } from './grounding/resolve.js';
import { indexSources, type SourceIndex } from './grounding/source-index.js';
import { tokenize } from './grounding/tokens.js';

/** Grounding threshold the scores are calibrated for. */
export const DEFAULT_GROUNDING_THRESHOLD = 0.7;
/** Relevance threshold the scores are calibrated for: terse on-topic answers ("1931") stay above. */
export const DEFAULT_RELEVANCE_THRESHOLD = 0.5;

/** Cost of each unsupported share of a claim: a claim a third unsupported scores 0. */
const MISSING_COST = 3;
/** Share of the final score taken by the worst claim, so one invented claim shows in a long answer. */
const WORST_CLAIM_SHARE = 0.25;
/** Factor for each distinct number, name or comparison the sources do not contain at all. */
const MISSING_KEY_TERM_FACTOR = 0.8;

function groundingOf(resolved: readonly ResolvedTerm[], clauseCount: number, index: SourceIndex): number {
  if (resolved.length === 0) return 1;
  const byClause: ResolvedTerm[][] = Array.from({ length: Math.max(1, clauseCount) }, () => []);
  for (const item of resolved) byClause[Math.min(item.term.clause, byClause.length - 1)]?.push(item);
  let weight = 0;
  let supported = 0;
  let worst = 1;
  for (const clause of byClause) {
    const support = supportOfClaim(clause, index);
    if (support.weight === 0) continue;
    const score = Math.max(0, 1 - MISSING_COST * (1 - support.coverage));
    weight += support.weight;
    supported += support.weight * score;
    worst = Math.min(worst, score);
  }
  const mean = weight === 0 ? 1 : supported / weight;
  const base = (1 - WORST_CLAIM_SHARE) * mean + WORST_CLAIM_SHARE * worst;
  const missingKeyTerms = new Set(
    resolved.filter((item) => item.level === 0 && item.term.kind !== 'word').map((item) => item.term.stem),
  ).size;
  return base * MISSING_KEY_TERM_FACTOR ** missingKeyTerms;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

export function scoreGrounding(input: GroundingInput): GroundingScores {
  const answer = typeof input.answer === 'string' ? input.answer : '';
  const index = indexSources(Array.isArray(input.sources) ? input.sources : []);
  const tokens = tokenize(answer, { splitClauses: true });
  const claims = splitCoordinatedClauses(tokens);
  const resolved = checkNames(
    claims.terms.map((term) => resolveTerm(term, index)),
    index,
  );
  const relevance = scoreRelevance({ answerText: answer, answer: tokens, resolved, query: input.query, index });
  return { grounding: clamp01(groundingOf(resolved, claims.clauseCount, index)), relevance: clamp01(relevance) };
}
