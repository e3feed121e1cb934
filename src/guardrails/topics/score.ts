/**
 * Raw similarity of a run of terms to a compiled topic: a blend of cosine to the topic centroid
 * and to its closest example, lowered for each action or question kind the topic never has
 * ("cancel my reservation" is not a request to make one).
 */
import { dot, norm } from '../text-similarity.js';
import { type Term, getLexicon } from './features.js';
import { type ScoringParams, type TermRemap, type TopicProfile, termVector } from './profile.js';

export function scoreTerms(profile: TopicProfile, terms: readonly Term[], params: ScoringParams, remap?: TermRemap): number {
  if (terms.length === 0) return 0;
  const vector = termVector(terms, params, remap);
  const length = norm(vector);
  if (length === 0) return 0;
  let toExample = 0;
  for (const example of profile.examples) toExample = Math.max(toExample, dot(vector, example));
  let score = (params.centroidShare * dot(vector, profile.centroid) + (1 - params.centroidShare) * toExample) / length;

  const { actionConcepts, questionConcepts } = getLexicon();
  const foreign = new Set<string>();
  for (const term of terms) {
    for (const concept of term.concepts) if (actionConcepts.has(concept) && !profile.actions.has(concept)) foreign.add(concept);
  }
  for (const concept of foreign) score *= questionConcepts.has(concept) ? params.foreignQuestionFactor : params.foreignActionFactor;
  if (isSingleEvidence(profile, terms, actionConcepts, remap)) score *= params.singleEvidenceFactor;
  return score;
}

/** Maps a raw score onto 0..1 relative to the topic's typical score (midpoint → 0.5). */
export function calibratedScore(profile: TopicProfile, raw: number, params: ScoringParams): number {
  return Math.min(1, (0.5 * raw) / (profile.typicalScore * params.relativeMidpoint));
}

// Weight from which an unmatched word counts as saying something else.
const SUBSTANTIAL_WEIGHT = 1.5;

/**
 * One topic word amid several other content words is usually that word in another sense
 * ("chicken stock", "throw a party"); a text about the topic echoes it more than once.
 */
function isSingleEvidence(profile: TopicProfile, terms: readonly Term[], actions: ReadonlySet<string>, remap?: TermRemap): boolean {
  const matched = new Set<string>();
  let unmatched = 0;
  for (const term of terms) {
    const key = remap?.(term.stem)?.[0] ?? term.stem;
    const hit = profile.vocabulary.has(key) || term.concepts.some((concept) => !actions.has(concept) && profile.concepts.has(concept));
    if (hit && !actions.has(key)) matched.add(key);
    else if (!hit && term.weight >= SUBSTANTIAL_WEIGHT) unmatched++;
  }
  return matched.size === 1 && unmatched >= 2;
}
