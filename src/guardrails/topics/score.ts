/**
 * Raw similarity of a run of terms to a compiled topic: a blend of cosine to the topic centroid
 * and to its closest example, lowered for each action or question kind the topic never has
 * ("cancel my reservation" is not a request to make one), for a lone topic word amid other words,
 * and for a text that leaves the topic's name unsaid. The hot path: each word is resolved against
 * each topic once (cached per detector), and a window is one pass over its terms' records.
 */
import type { Term } from './features.js';
import { getLexicon } from './lexicon/index.js';
import { InfoTable, type ResolvedTerm, type ScoringParams, type TopicProfile } from './profile.js';
import { type FeatureBuffer, type TermRemap, featureBuffer, termFeatures } from './term-weights.js';
import type { TermInfo } from './word-entries.js';

// Scratch state reused across windows (detection is synchronous, so one set suffices).
const buffer = featureBuffer();
let values = new Float64Array(64);
let stamps = new Int32Array(64);
let touched = new Int32Array(64);
let otherTouched = new Int32Array(64);
let stamp = 0;
// Stamps restart before they could overflow the Int32Array they are stored in.
const MAX_STAMP = 2 ** 30;
let covered = new Uint8Array(8);

function ensureCapacity(size: number): void {
  if (values.length >= size) return;
  const capacity = Math.max(size, values.length * 2);
  values = new Float64Array(capacity);
  stamps = new Int32Array(capacity);
  touched = new Int32Array(capacity);
  otherTouched = new Int32Array(capacity);
  stamp = 0;
}

function nextStamp(): number {
  if (++stamp >= MAX_STAMP) {
    stamps.fill(0);
    stamp = 1;
  }
  return stamp;
}

// Resolved words kept per detector; a long run of new words (names, typos) starts the cache afresh.
const MAX_RESOLVED = 20_000;
const NO_CORES: readonly number[] = [];
const NO_ACTIONS: readonly string[] = [];

/** Whether a word expresses a core name word, by itself or by a concept (or a compatible action). */
function expressesCore(term: TermInfo, key: string, concepts: ReadonlySet<string>, compatibleActions: ReadonlyMap<string, readonly string[]>): boolean {
  if (term.key === key) return true;
  for (const concept of term.concepts) {
    if (concepts.has(concept)) return true;
    for (const action of compatibleActions.get(concept) ?? NO_ACTIONS) if (concepts.has(action)) return true;
  }
  return false;
}

/** Everything a window needs to know of a word against the topic, except its features (see `ensureFeatures`). */
function createRecord(profile: TopicProfile, term: TermInfo, remap: TermRemap | undefined): ResolvedTerm {
  const { actionConcepts, compatibleActions, questionConcepts } = getLexicon();
  const remapped = term.known || !remap ? undefined : remap(term);
  const frameOrMarker = term.frame || term.marker;
  let sharesConcept = false;
  let sharesContentConcept = false;
  for (const concept of term.concepts) {
    if (!profile.concepts.has(concept)) continue;
    sharesConcept = true;
    if (!actionConcepts.has(concept)) sharesContentConcept = true;
  }
  // Request-frame words, question kinds, negations and numbers occur everywhere; alone they never
  // reach a threshold, so they are no evidence.
  const evidence = !frameOrMarker && (profile.vocabulary.has(term.key) || sharesConcept || remapped !== undefined);
  const key = remapped ? remapped[0] : term.key;
  const hit = profile.vocabulary.has(key) || sharesContentConcept;
  const first = term.actions[0];
  const question = first !== undefined && questionConcepts.has(first);
  let foreignActions = 0;
  term.actions.forEach((action, index) => {
    // An action counts once even when two words of the head express it.
    if (!profile.actions.has(action) && term.actions.indexOf(action) === index) foreignActions++;
  });
  const cores: number[] = [];
  profile.core.forEach((core, index) => {
    if (expressesCore(term, core.key, core.concepts, compatibleActions)) cores.push(index);
  });
  return {
    evidence,
    matchKey: hit && !actionConcepts.has(key) ? key : undefined,
    substantialMiss: !hit && term.weight >= SUBSTANTIAL_WEIGHT,
    question,
    foreignQuestion: question && !profile.actions.has(first!),
    frameOrMarker,
    foreignActions,
    cores: cores.length === 0 ? NO_CORES : cores,
    indices: undefined,
    weights: [],
    otherIds: [],
    otherWeights: [],
    keyId: 0,
    keyWeight: 0,
    normSquared: 0,
    topicDot: 0,
  };
}

/** The term's features against the topic: its own by position in the topic's arrays, the others by id. */
function ensureFeatures(profile: TopicProfile, term: TermInfo, record: ResolvedTerm, params: ScoringParams, remap: TermRemap | undefined): void {
  if (record.indices !== undefined) return;
  termFeatures(term, params, buffer, profile, remap);
  const indices: number[] = [];
  for (let f = 0; f < buffer.length; f++) {
    const key = buffer.keys[f]!;
    const weight = buffer.weights[f]!;
    const index = profile.featureIndex.get(key);
    if (index !== undefined) {
      indices.push(index);
      record.weights.push(weight);
      if (f === 0) record.keyId = index;
      continue;
    }
    let id = profile.otherFeatures.get(key);
    if (id === undefined) {
      id = profile.featureIndex.size + profile.otherFeatures.size;
      profile.otherFeatures.set(key, id);
    }
    record.otherIds.push(id);
    record.otherWeights.push(weight);
    if (f === 0) record.keyId = id;
  }
  record.indices = indices;
  record.keyWeight = buffer.weights[0]!;
  record.normSquared = lengthSquared(buffer);
  record.topicDot = params.centroidShare * dot(record, profile.centroid) + (1 - params.centroidShare) * bestDot(record, profile.examples);
}

/** Squared length of the vector of a term's features, a repeated feature counted once at its largest weight. */
function lengthSquared(features: FeatureBuffer): number {
  let sum = 0;
  for (let f = 0; f < features.length; f++) {
    const key = features.keys[f]!;
    let weight = features.weights[f]!;
    let first = true;
    for (let g = 0; g < features.length && first; g++) {
      if (g === f || features.keys[g] !== key) continue;
      if (g < f) first = false;
      else weight = Math.max(weight, features.weights[g]!);
    }
    if (first) sum += weight * weight;
  }
  return sum;
}

function dot(record: ResolvedTerm, dense: Float64Array): number {
  const indices = record.indices!;
  let sum = 0;
  for (let f = 0; f < indices.length; f++) sum += record.weights[f]! * dense[indices[f]!]!;
  return sum;
}

function bestDot(record: ResolvedTerm, examples: readonly Float64Array[]): number {
  let best = 0;
  for (const example of examples) best = Math.max(best, dot(record, example));
  return best;
}

/** Resolves each term against the topic into `records` (same positions) and tells whether any is evidence of the topic. */
export function resolveTerms(profile: TopicProfile, terms: readonly Term[], remap: TermRemap | undefined, records: ResolvedTerm[]): boolean {
  records.length = terms.length;
  let evidence = false;
  for (let t = 0; t < terms.length; t++) {
    const record = createRecord(profile, terms[t]!.info, remap);
    records[t] = record;
    if (record.evidence) evidence = true;
  }
  return evidence;
}

/**
 * Resolves the terms of texts against the topics of one detector, keeping each word's records
 * (one per topic) under a single cache entry, so a word costs one lookup however many topics
 * there are. A long run of new words (names, typos) starts the cache afresh.
 */
export class TopicsResolver {
  private readonly resolved = new InfoTable<readonly ResolvedTerm[]>();

  constructor(
    private readonly profiles: readonly TopicProfile[],
    private readonly remaps: readonly TermRemap[],
  ) {}

  /** Fills `records[p]` with the records of `terms` against topic `p`, and `evidence[p]` with whether any is evidence of it. */
  resolve(terms: readonly Term[], records: ResolvedTerm[][], evidence: boolean[]): void {
    const { profiles, remaps, resolved } = this;
    // Only between texts: the off-topic feature ids of the records of one text must stay distinct.
    if (resolved.size >= MAX_RESOLVED) {
      resolved.clear();
      for (const profile of profiles) profile.otherFeatures.clear();
    }
    for (let p = 0; p < profiles.length; p++) {
      (records[p] ??= []).length = terms.length;
      evidence[p] = false;
    }
    for (let t = 0; t < terms.length; t++) {
      const info = terms[t]!.info;
      let found = resolved.get(info);
      if (found === undefined) {
        found = profiles.map((profile, p) => createRecord(profile, info, remaps[p]));
        resolved.set(info, found);
      }
      for (let p = 0; p < found.length; p++) {
        const record = found[p]!;
        records[p]![t] = record;
        if (record.evidence) evidence[p] = true;
      }
    }
  }
}

// Weight from which an unmatched word counts as saying something else.
const SUBSTANTIAL_WEIGHT = 1.5;

/** Raw score of `terms[from, to)` against a topic, from their `records` (see `resolveTerms`). */
export function scoreWindow(profile: TopicProfile, terms: readonly Term[], records: readonly ResolvedTerm[], from: number, to: number, params: ScoringParams, remap?: TermRemap): number {
  if (to <= from) return 0;
  for (let t = from; t < to; t++) ensureFeatures(profile, terms[t]!.info, records[t]!, params, remap);
  ensureCapacity(profile.featureIndex.size + profile.otherFeatures.size);
  const coreCount = profile.core.length;
  if (covered.length < coreCount) covered = new Uint8Array(coreCount);
  covered.fill(0, 0, coreCount);
  const current = nextStamp();
  let count = 0;
  let others = 0;
  // What the request asks: its first question kind, and the actions up to its first predicate.
  // Later verbs belong to the content ("remind me to buy milk" asks for a reminder, not a
  // purchase), and a named action is a thing ("a purchase on my card"). Each such action the
  // topic never has lowers the score.
  let foreign = 1;
  let question = false;
  let predicate = false;
  // Whether only frame words came before: an opening verb or question word is what the request
  // does ("cancel my booking", "how many days are left"); a later one may be part of its content.
  let opening = true;
  // One topic word amid several other content words is usually that word in another sense.
  let matched: string | undefined;
  let severalMatched = false;
  let unmatched = 0;
  for (let t = from; t < to; t++) {
    const record = records[t]!;
    const indices = record.indices!;
    const weights = record.weights;
    for (let f = 0; f < indices.length; f++) {
      const index = indices[f]!;
      const weight = weights[f]!;
      if (stamps[index] !== current) {
        stamps[index] = current;
        values[index] = weight;
        touched[count++] = index;
      } else if (weight > values[index]!) values[index] = weight;
    }
    // Off-topic features only lengthen the text vector (`max` of repeats).
    const ids = record.otherIds;
    for (let f = 0; f < ids.length; f++) {
      const id = ids[f]!;
      const weight = record.otherWeights[f]!;
      if (stamps[id] !== current) {
        stamps[id] = current;
        values[id] = weight;
        otherTouched[others++] = id;
      } else if (weight > values[id]!) values[id] = weight;
    }

    if (record.question) {
      if (!question && record.foreignQuestion) foreign *= opening ? params.openingForeignFactor : params.foreignQuestionFactor;
      question = true;
      opening = false;
    } else if (!record.frameOrMarker) {
      if (predicate || terms[t]!.nominal) opening = false;
      else {
        for (let a = 0; a < record.foreignActions; a++) foreign *= opening ? params.openingForeignFactor : params.foreignActionFactor;
        predicate = true;
        opening = false;
      }
    }

    if (!severalMatched) {
      const key = record.matchKey;
      if (key !== undefined) {
        if (matched !== undefined && matched !== key) severalMatched = true;
        matched = key;
      } else if (record.substantialMiss) unmatched++;
    }

    const cores = record.cores;
    for (let c = 0; c < cores.length; c++) covered[cores[c]!] = 1;
  }
  let squares = 0;
  for (let i = 0; i < others; i++) {
    const value = values[otherTouched[i]!]!;
    squares += value * value;
  }
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
  score *= foreign;
  score *= singleEvidenceFactor(matched, severalMatched, unmatched, params);
  if (coreCount > 0) score *= 1 - params.nameCoverage * (1 - nameCoverage(profile));
  return score;
}

/**
 * Whether `windowBound` holds under these params (the defaults'): feature weights and topic
 * vectors are never negative, every factor a score is multiplied by is at most 1, the blend of
 * centroid and example similarity is a convex one, and calibration rises with the raw score.
 */
export function scoresAreBounded(params: ScoringParams): boolean {
  const atMostOne = (value: number): boolean => value >= 0 && value <= 1;
  return (
    params.conceptFactor >= 0 &&
    params.broaderFactor >= 0 &&
    params.slotFactor >= 0 &&
    params.definitionWeight >= 0 &&
    params.nameWeight >= 0 &&
    params.relativeMidpoint > 0 &&
    atMostOne(params.centroidShare) &&
    atMostOne(params.foreignActionFactor) &&
    atMostOne(params.foreignQuestionFactor) &&
    atMostOne(params.openingForeignFactor) &&
    atMostOne(params.singleEvidenceFactor) &&
    atMostOne(params.singleEvidenceFactor * params.ambiguousFactor) &&
    atMostOne(params.nameCoverage)
  );
}

// Room for rounding: the bound and the score sum the same products in different orders.
const BOUND_MARGIN = 1 + 1e-9;

/**
 * An upper bound of `scoreWindow` over the same terms (when `scoresAreBounded`), at one step per
 * term instead of one per feature. A window's feature values are the largest of its terms' (all
 * weights and topic vectors are positive), so its similarity to the topic is at most the sum of
 * its terms', and its length at least the length of each term's vector and that of its distinct
 * key features. Most windows of an off-topic text score far below any threshold and are not scored.
 */
export function windowBound(profile: TopicProfile, terms: readonly Term[], records: readonly ResolvedTerm[], from: number, to: number, params: ScoringParams, remap?: TermRemap): number {
  if (to <= from) return 0;
  for (let t = from; t < to; t++) if (records[t]!.indices === undefined) ensureFeatures(profile, terms[t]!.info, records[t]!, params, remap);
  ensureCapacity(profile.featureIndex.size + profile.otherFeatures.size);
  const current = nextStamp();
  let similarity = 0;
  let longest = 0;
  let keys = 0;
  for (let t = from; t < to; t++) {
    const record = records[t]!;
    similarity += record.topicDot;
    if (record.normSquared > longest) longest = record.normSquared;
    // The same key in several terms (a repeated word) is one feature of the window: its largest weight counts.
    const id = record.keyId;
    if (stamps[id] !== current) {
      stamps[id] = current;
      values[id] = record.keyWeight;
      touched[keys++] = id;
    } else if (record.keyWeight > values[id]!) values[id] = record.keyWeight;
  }
  if (similarity <= 0) return 0;
  let keySquares = 0;
  for (let k = 0; k < keys; k++) {
    const value = values[touched[k]!]!;
    keySquares += value * value;
  }
  const squares = Math.max(longest, keySquares);
  return squares > 0 ? (similarity / Math.sqrt(squares)) * BOUND_MARGIN : Number.POSITIVE_INFINITY;
}

// Room for rounding when a calibrated score is compared through the raw score it maps from.
const CALIBRATION_MARGIN = 1 - 1e-9;

/**
 * A raw score below which the calibrated score (see `calibratedScore`) is surely below `least`, a
 * little under the exact one for rounding: comparing a bound with it spares a power per window.
 * 0 (nothing is below it) for `least` of 0 or at least 1, which rounding may reach.
 */
export function rawScoreFor(profile: TopicProfile, least: number, params: ScoringParams): number {
  if (!(least > 0 && least < 1)) return 0;
  return -Math.log2(1 - least) * profile.typicalScore * params.relativeMidpoint * CALIBRATION_MARGIN;
}

/** Raw score of a whole term list (compilation uses it on the topic's own examples). */
export function scoreTerms(profile: TopicProfile, terms: readonly Term[], params: ScoringParams, remap?: TermRemap): number {
  const records: ResolvedTerm[] = [];
  resolveTerms(profile, terms, remap, records);
  return scoreWindow(profile, terms, records, 0, terms.length, params, remap);
}

/**
 * Maps a raw score onto 0..1 relative to the topic's typical score: the midpoint maps to 0.5, twice
 * it to 0.75, and 1 is never reached, so a threshold of 1 matches nothing.
 */
export function calibratedScore(profile: TopicProfile, raw: number, params: ScoringParams): number {
  return 1 - 2 ** (-raw / (profile.typicalScore * params.relativeMidpoint));
}

/**
 * A text about the topic echoes it more than once ("chicken stock", "throw a party" echo it
 * once). A word known to have an everyday sense needs that echo even beside a single other word.
 */
function singleEvidenceFactor(matched: string | undefined, severalMatched: boolean, unmatched: number, params: ScoringParams): number {
  if (matched === undefined || severalMatched) return 1;
  if (unmatched >= 1 && getLexicon().ambiguousStems.has(matched)) return params.singleEvidenceFactor * params.ambiguousFactor;
  return unmatched >= 2 ? params.singleEvidenceFactor : 1;
}

/** Share (by weight) of the topic's core name words that the window expresses (see `covered`). */
function nameCoverage(profile: TopicProfile): number {
  let hits = 0;
  let total = 0;
  profile.core.forEach((core, index) => {
    total += core.weight;
    if (covered[index]) hits += core.weight;
  });
  return total > 0 ? hits / total : 1;
}
