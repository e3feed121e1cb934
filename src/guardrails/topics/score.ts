/**
 * Raw similarity of a run of terms to a compiled topic: a blend of cosine to the topic centroid
 * and to its closest example, lowered for each action or question kind the topic never has
 * ("cancel my reservation" is not a request to make one), for a lone topic word amid other words,
 * and for a text that leaves the topic's name unsaid. The hot path: no allocation per window
 * beyond small scratch growth.
 */
import type { Term } from './features.js';
import { getLexicon } from './lexicon/index.js';
import type { ResolvedTerm, ScoringParams, TopicProfile } from './profile.js';
import { type TermRemap, featureBuffer, termFeatures } from './term-weights.js';

// Scratch state reused across windows (detection is synchronous, so one set suffices).
const buffer = featureBuffer();
let values = new Float64Array(64);
let stamps = new Int32Array(64);
let touched = new Int32Array(64);
let stamp = 0;
const otherKeys: string[] = [];
const otherWeights: number[] = [];
// Above this many off-topic features a map beats scanning the list for repeats.
const MAX_SCANNED_FEATURES = 48;
const otherIndex = new Map<string, number>();

function ensureCapacity(size: number): void {
  if (values.length >= size) return;
  const capacity = Math.max(size, values.length * 2);
  values = new Float64Array(capacity);
  stamps = new Int32Array(capacity);
  touched = new Int32Array(capacity);
  stamp = 0;
}

/** Adds an off-topic feature (`max` of repeats), which only lengthens the text vector. */
function addOther(key: string, weight: number): void {
  let at = -1;
  if (otherKeys.length <= MAX_SCANNED_FEATURES) at = otherKeys.indexOf(key);
  else {
    if (otherIndex.size === 0) otherKeys.forEach((known, index) => otherIndex.set(known, index));
    at = otherIndex.get(key) ?? -1;
  }
  if (at >= 0) {
    if (weight > otherWeights[at]!) otherWeights[at] = weight;
    return;
  }
  if (otherIndex.size > 0) otherIndex.set(key, otherKeys.length);
  otherKeys.push(key);
  otherWeights.push(weight);
}

// Resolved terms kept per topic; a long run of new words (names, typos) starts the cache afresh.
const MAX_RESOLVED = 20_000;

/** The term's features against the topic, cached per topic when typo lookups are on (detection). */
function resolve(profile: TopicProfile, term: Term, params: ScoringParams, remap?: TermRemap): ResolvedTerm {
  const cached = remap ? profile.resolved.get(term.info) : undefined;
  if (cached) return cached;
  termFeatures(term.info, params, buffer, profile, remap);
  const resolved: ResolvedTerm = { indices: [], weights: [], otherKeys: [], otherWeights: [] };
  for (let f = 0; f < buffer.length; f++) {
    const index = profile.featureIndex.get(buffer.keys[f]!);
    if (index === undefined) {
      resolved.otherKeys.push(buffer.keys[f]!);
      resolved.otherWeights.push(buffer.weights[f]!);
    } else {
      resolved.indices.push(index);
      resolved.weights.push(buffer.weights[f]!);
    }
  }
  if (remap) {
    if (profile.resolved.size >= MAX_RESOLVED) profile.resolved.clear();
    profile.resolved.set(term.info, resolved);
  }
  return resolved;
}

/** Raw score of `terms[from, to)` against a topic. */
export function scoreWindow(profile: TopicProfile, terms: readonly Term[], from: number, to: number, params: ScoringParams, remap?: TermRemap): number {
  if (to <= from) return 0;
  const size = profile.featureIndex.size;
  ensureCapacity(size);
  stamp++;
  let count = 0;
  otherKeys.length = 0;
  otherWeights.length = 0;
  otherIndex.clear();
  for (let t = from; t < to; t++) {
    const { indices, weights, otherKeys: keys, otherWeights: others } = resolve(profile, terms[t]!, params, remap);
    for (let f = 0; f < indices.length; f++) {
      const index = indices[f]!;
      const weight = weights[f]!;
      if (stamps[index] !== stamp) {
        stamps[index] = stamp;
        values[index] = weight;
        touched[count++] = index;
      } else if (weight > values[index]!) values[index] = weight;
    }
    for (let f = 0; f < keys.length; f++) addOther(keys[f]!, others[f]!);
  }
  let squares = 0;
  for (const weight of otherWeights) squares += weight * weight;
  let toCentroid = 0;
  for (let i = 0; i < count; i++) {
    const index = touched[i]!;
    const value = values[index]!;
    squares += value * value;
    toCentroid += value * profile.centroid[index]!;
  }
  if (squares === 0) return 0;
  let toExample = 0;
  for (const example of profile.examples) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += values[touched[i]!]! * example[touched[i]!]!;
    if (sum > toExample) toExample = sum;
  }
  let score = (params.centroidShare * toCentroid + (1 - params.centroidShare) * toExample) / Math.sqrt(squares);
  score *= foreignActionFactor(profile, terms, from, to, params);
  score *= singleEvidenceFactor(profile, terms, from, to, params, remap);
  if (profile.core.length > 0) score *= 1 - params.nameCoverage * (1 - nameCoverage(profile, terms, from, to));
  return score;
}

/** Raw score of a whole term list (compilation uses it on the topic's own examples). */
export function scoreTerms(profile: TopicProfile, terms: readonly Term[], params: ScoringParams, remap?: TermRemap): number {
  return scoreWindow(profile, terms, 0, terms.length, params, remap);
}

/**
 * Maps a raw score onto 0..1 relative to the topic's typical score: the midpoint maps to 0.5, twice
 * it to 0.75, and 1 is never reached, so a threshold of 1 matches nothing.
 */
export function calibratedScore(profile: TopicProfile, raw: number, params: ScoringParams): number {
  return 1 - 2 ** (-raw / (profile.typicalScore * params.relativeMidpoint));
}

/**
 * What the request asks: its first question kind, and the actions up to its first predicate. Later
 * verbs belong to the content ("remind me to buy milk" asks for a reminder, not a purchase), and a
 * named action is a thing ("a purchase on my card"). Each such action the topic never has lowers
 * the score.
 */
function foreignActionFactor(profile: TopicProfile, terms: readonly Term[], from: number, to: number, params: ScoringParams): number {
  const { questionConcepts } = getLexicon();
  let factor = 1;
  let question = false;
  let predicate = false;
  // Whether only frame words came before: an opening verb or question word is what the request
  // does ("cancel my booking", "how many days are left"); a later one may be part of its content.
  let opening = true;
  for (let t = from; t < to; t++) {
    const term = terms[t]!.info;
    const first = term.actions[0];
    if (first !== undefined && questionConcepts.has(first)) {
      if (!question && !profile.actions.has(first)) factor *= opening ? params.openingForeignFactor : params.foreignQuestionFactor;
      question = true;
      opening = false;
      continue;
    }
    if (term.frame || term.marker) continue;
    if (predicate || terms[t]!.nominal) {
      opening = false;
      continue;
    }
    term.actions.forEach((action, index) => {
      // An action counts once even when two words of the head express it.
      if (!profile.actions.has(action) && term.actions.indexOf(action) === index) factor *= opening ? params.openingForeignFactor : params.foreignActionFactor;
    });
    predicate = true;
    opening = false;
  }
  return factor;
}

// Weight from which an unmatched word counts as saying something else.
const SUBSTANTIAL_WEIGHT = 1.5;
const NO_MATCH = '';

/**
 * One topic word amid several other content words is usually that word in another sense
 * ("chicken stock", "throw a party"); a text about the topic echoes it more than once. A word
 * known to have an everyday sense needs that echo even beside a single other word.
 */
function singleEvidenceFactor(profile: TopicProfile, terms: readonly Term[], from: number, to: number, params: ScoringParams, remap?: TermRemap): number {
  const { actionConcepts, ambiguousStems } = getLexicon();
  let matched = NO_MATCH;
  let unmatched = 0;
  for (let t = from; t < to; t++) {
    const term = terms[t]!.info;
    const key = (term.known ? undefined : remap?.(term)?.[0]) ?? term.key;
    const hit = profile.vocabulary.has(key) || term.concepts.some((concept) => !actionConcepts.has(concept) && profile.concepts.has(concept));
    if (hit && !actionConcepts.has(key)) {
      if (matched !== NO_MATCH && matched !== key) return 1;
      matched = key;
    } else if (!hit && term.weight >= SUBSTANTIAL_WEIGHT) unmatched++;
  }
  if (matched === NO_MATCH) return 1;
  if (ambiguousStems.has(matched) && unmatched >= 1) return params.singleEvidenceFactor * params.ambiguousFactor;
  return unmatched >= 2 ? params.singleEvidenceFactor : 1;
}

/** Share (by weight) of the topic's core name words that the text expresses, by word or concept. */
function nameCoverage(profile: TopicProfile, terms: readonly Term[], from: number, to: number): number {
  const { compatibleActions } = getLexicon();
  let covered = 0;
  let total = 0;
  for (const core of profile.core) {
    total += core.weight;
    for (let t = from; t < to; t++) {
      const term = terms[t]!.info;
      const hit =
        term.key === core.key || term.concepts.some((concept) => core.concepts.has(concept) || (compatibleActions.get(concept) ?? []).some((action) => core.concepts.has(action)));
      if (hit) {
        covered += core.weight;
        break;
      }
    }
  }
  return total > 0 ? covered / total : 1;
}
