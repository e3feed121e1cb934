/**
 * A topic compiled for scoring: one unit vector per example, a centroid of examples, definition
 * and name (dense arrays over the topic's features), the topic's vocabulary (for typo-tolerant
 * matching), the actions its requests perform, the name words a text about it should echo, and
 * its typical score, which makes one threshold mean the same for every topic.
 */
import type { TopicDefinition } from '../types.js';
import { editDistance } from '../text-similarity.js';
import { type Term, extractTerms } from './features.js';
import type { TermInfo } from './word-entries.js';
import { getLexicon } from './lexicon/index.js';
import { featureBuffer, termFeatures } from './term-weights.js';
import { type SparseVector, addWeight, normalize } from './vectors.js';

export interface ScoringParams {
  /** Weight of a concept feature relative to the word that expresses it. */
  conceptFactor: number;
  /** Weight of the definition (and of the name) in the centroid, relative to one example. */
  definitionWeight: number;
  nameWeight: number;
  /** Blend of centroid similarity and best single-example similarity. */
  centroidShare: number;
  /** Score factor per action (or question kind) of the text that none of the topic's texts has. */
  foreignActionFactor: number;
  foreignQuestionFactor: number;
  /** The same for an action or question kind that opens the request, the surest sign of what it asks. */
  openingForeignFactor: number;
  /** Least similarity (1 - edits / length) for an unknown word to count as a misspelt topic word. */
  fuzzyMin: number;
  /** Score factor when a single word carries the match amid other substantial words (word sense). */
  singleEvidenceFactor: number;
  /** Further factor when that single word is one with a frequent everyday sense. */
  ambiguousFactor: number;
  /** Raw score, relative to the topic's typical example score, that maps to a score of 0.5. */
  relativeMidpoint: number;
  /** Share of the score that depends on the text expressing every word of the topic's name. */
  nameCoverage: number;
  /**
   * Weight factor of a text word the topic never uses and the thesaurus does not know: such words
   * are mostly slot values (a dish, a place, a person), which say little about the request.
   */
  slotFactor: number;
  /** Weight of a broader concept relative to the concept under it. */
  broaderFactor: number;
}

/**
 * Tuned as a whole (never per topic) on the own intent pools and half of the shared development
 * topics; the other half and a later-written set of pools served as checks.
 */
export const DEFAULT_PARAMS: Readonly<ScoringParams> = Object.freeze({
  conceptFactor: 1.4,
  definitionWeight: 1,
  nameWeight: 0.5,
  centroidShare: 0.85,
  foreignActionFactor: 0.6,
  foreignQuestionFactor: 0.6,
  openingForeignFactor: 0.35,
  fuzzyMin: 0.75,
  relativeMidpoint: 0.5,
  singleEvidenceFactor: 0.6,
  ambiguousFactor: 0.6,
  nameCoverage: 0.4,
  slotFactor: 0.4,
  broaderFactor: 0.5,
});

// Typical score assumed when a topic has too few examples to measure its own.
const FALLBACK_TYPICAL_SCORE = 0.45;
const MIN_TYPICAL_SCORE = 0.25;
const MIN_FUZZY_LENGTH = 4;
// Definitions often open with what kind of text they describe; those words say nothing of the topic.
const DEFINITION_OPENING = /^\s*(?:requests?|questions?|asking|queries|query|inquiries)\b\s*(?:to|for|about|on|whether|if)?\b\s*/i;

/**
 * What one word says about one topic, worked out once per word and topic: the hot path then scores
 * windows from these records without looking anything up.
 */
export interface ResolvedTerm {
  /** A content word that shares a word or concept with the topic (or misspells one of its words). */
  evidence: boolean;
  /** The topic word it matches, for the single-evidence check; undefined when it matches none. */
  matchKey: string | undefined;
  /** A weighty word the topic does not share: saying something else. */
  substantialMiss: boolean;
  /** A question kind; `foreignQuestion` when the topic never asks it. */
  question: boolean;
  foreignQuestion: boolean;
  /** Request-frame word or marker: no action of its own. */
  frameOrMarker: boolean;
  /** Distinct actions of the word that the topic never has. */
  foreignActions: number;
  /** Positions in `profile.core` of the name words it expresses. */
  cores: readonly number[];
  /** Features, filled when the word is first scored: topic features by index, others by id. */
  indices: number[] | undefined;
  weights: number[];
  otherIds: number[];
  otherWeights: number[];
  /** Filled with the features, to bound a window's score without scoring it (see `windowBound`): */
  /** the id of the word's own feature (its key) and that feature's weight, */
  keyId: number;
  keyWeight: number;
  /** the squared length of the word's vector, */
  normSquared: number;
  /** and its similarity to the topic (centroid and best example, blended as a window's are). */
  topicDot: number;
}

/**
 * Values by term info (by its id): open addressing over typed arrays, a few times cheaper per
 * word than a map keyed by the info object.
 */
export class InfoTable<V> {
  private ids = new Float64Array(64).fill(-1);
  private values: (V | undefined)[] = new Array<V | undefined>(64).fill(undefined);
  size = 0;

  get(info: TermInfo): V | undefined {
    const { ids } = this;
    const mask = ids.length - 1;
    for (let slot = slotOf(info.id, mask); ; slot = (slot + 1) & mask) {
      const id = ids[slot]!;
      if (id === info.id) return this.values[slot];
      if (id < 0) return undefined;
    }
  }

  /** Adds the value of an info not in the table. */
  set(info: TermInfo, value: V): void {
    if ((this.size + 1) * 2 > this.ids.length) this.grow();
    this.place(info.id, value);
    this.size++;
  }

  clear(): void {
    this.ids.fill(-1);
    this.values.fill(undefined);
    this.size = 0;
  }

  private place(id: number, value: V | undefined): void {
    const mask = this.ids.length - 1;
    let slot = slotOf(id, mask);
    while (this.ids[slot]! >= 0) slot = (slot + 1) & mask;
    this.ids[slot] = id;
    this.values[slot] = value;
  }

  private grow(): void {
    const { ids, values } = this;
    this.ids = new Float64Array(ids.length * 2).fill(-1);
    this.values = new Array<V | undefined>(ids.length * 2).fill(undefined);
    for (let slot = 0; slot < ids.length; slot++) if (ids[slot]! >= 0) this.place(ids[slot]!, values[slot]);
  }
}

function slotOf(id: number, mask: number): number {
  return Math.imul(id | 0, 0x9e3779b1) & mask;
}

/** A word of the topic's name that its examples echo: a text about the topic says it somehow. */
export interface CoreTerm {
  key: string;
  concepts: ReadonlySet<string>;
  weight: number;
}

export interface TopicProfile {
  name: string;
  threshold: number;
  /** Position of each feature of the centroid and examples in their dense arrays. */
  featureIndex: ReadonlyMap<string, number>;
  centroid: Float64Array;
  examples: readonly Float64Array[];
  vocabulary: ReadonlySet<string>;
  concepts: ReadonlySet<string>;
  /** Topic words by length, to find the one a misspelling stands for. */
  wordsByLength: ReadonlyMap<number, readonly string[]>;
  actions: ReadonlySet<string>;
  core: readonly CoreTerm[];
  /** Ids of the off-topic features met while scoring, numbered after `featureIndex`. */
  otherFeatures: Map<string, number>;
  /** Mean raw score of each example against the rest of the topic (leave-one-out). */
  typicalScore: number;
}

/** Feature vector of a term list (topic texts, compiled once): `max` of each feature's weights. */
function termVector(terms: readonly Term[], params: ScoringParams): SparseVector {
  const vector: SparseVector = new Map();
  const buffer = featureBuffer();
  for (const term of terms) {
    termFeatures(term.info, params, buffer);
    for (let i = 0; i < buffer.length; i++) addWeight(vector, buffer.keys[i]!, buffer.weights[i]!, 'max');
  }
  return vector;
}

function nameText(name: string): string {
  return name.replace(/[_\-.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** Name words that the examples or definition echo (a made-up name says nothing). */
function coreTerms(nameTerms: readonly Term[], vocabulary: ReadonlySet<string>, concepts: ReadonlySet<string>): CoreTerm[] {
  const core = new Map<string, CoreTerm>();
  for (const { info: term } of nameTerms) {
    if (term.frame) continue;
    if (!vocabulary.has(term.key) && !term.concepts.some((concept) => concepts.has(concept))) continue;
    core.set(term.key, { key: term.key, concepts: new Set(term.concepts), weight: term.weight });
  }
  return [...core.values()];
}

function buildProfile(topic: TopicDefinition, params: ScoringParams, threshold: number, typicalScore: number): TopicProfile {
  const { compatibleActions } = getLexicon();
  const exampleTerms = topic.examples.map((example) => extractTerms(example));
  const definitionTerms = extractTerms(topic.definition.replace(DEFINITION_OPENING, ''));
  const nameTerms = extractTerms(nameText(topic.name));

  const centroid: SparseVector = new Map();
  const addDocument = (terms: Term[], weight: number): void => {
    for (const [key, value] of normalize(termVector(terms, params))) addWeight(centroid, key, value * weight);
  };
  for (const terms of exampleTerms) addDocument(terms, 1);
  addDocument(definitionTerms, params.definitionWeight);
  addDocument(nameTerms, params.nameWeight);

  const vocabulary = new Set<string>();
  const concepts = new Set<string>();
  const actions = new Set<string>();
  for (const { info: term } of [...exampleTerms, definitionTerms].flat()) {
    vocabulary.add(term.key);
    for (const concept of term.concepts) concepts.add(concept);
  }
  const core = coreTerms(nameTerms, vocabulary, concepts);
  for (const { info: term } of [...exampleTerms, definitionTerms, nameTerms].flat()) {
    vocabulary.add(term.key);
    for (const concept of term.concepts) concepts.add(concept);
    for (const action of term.actions) for (const compatible of compatibleActions.get(action) ?? [action]) actions.add(compatible);
  }
  const wordsByLength = new Map<number, string[]>();
  for (const word of vocabulary) {
    if (word.length < MIN_FUZZY_LENGTH || !/^[a-z]+$/.test(word)) continue;
    wordsByLength.set(word.length, [...(wordsByLength.get(word.length) ?? []), word]);
  }
  const exampleVectors = exampleTerms.map((terms) => normalize(termVector(terms, params)));
  const featureIndex = new Map<string, number>();
  for (const vector of [centroid, ...exampleVectors]) for (const key of vector.keys()) if (!featureIndex.has(key)) featureIndex.set(key, featureIndex.size);
  const dense = (vector: SparseVector): Float64Array => {
    const values = new Float64Array(featureIndex.size);
    for (const [key, value] of vector) values[featureIndex.get(key)!] = value;
    return values;
  };
  return {
    name: topic.name,
    threshold,
    featureIndex,
    centroid: dense(normalize(centroid)),
    examples: exampleVectors.map(dense),
    vocabulary,
    concepts,
    wordsByLength,
    actions,
    core,
    otherFeatures: new Map(),
    typicalScore,
  };
}

/**
 * Compiles a topic. Its typical score is measured by scoring each example against a profile built
 * from the others: topics with varied examples score their own paraphrases lower, and the
 * threshold scales with that.
 */
export function compileProfile(
  topic: TopicDefinition,
  params: ScoringParams,
  defaultThreshold: number,
  scoreTerms: (profile: TopicProfile, terms: readonly Term[]) => number,
): TopicProfile {
  const threshold = Number.isFinite(topic.threshold) ? Math.min(1, Math.max(0, topic.threshold ?? 0)) : defaultThreshold;
  let typicalScore = FALLBACK_TYPICAL_SCORE;
  if (topic.examples.length >= 2) {
    let sum = 0;
    topic.examples.forEach((example, index) => {
      const rest = { ...topic, examples: topic.examples.filter((_, other) => other !== index) };
      sum += scoreTerms(buildProfile(rest, params, threshold, 1), extractTerms(example));
    });
    typicalScore = Math.max(MIN_TYPICAL_SCORE, sum / topic.examples.length);
  }
  return buildProfile(topic, params, threshold, typicalScore);
}

/**
 * The topic word an unknown word most likely misspells: one edit (two for long words) away,
 * transpositions included ("stcok", "wednseday"), the first letter kept.
 */
export function closestTopicWord(profile: TopicProfile, word: string, minSimilarity: number): readonly [string, number] | undefined {
  if (word.length < MIN_FUZZY_LENGTH || profile.vocabulary.has(word)) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  let best: readonly [string, number] | undefined;
  for (let length = word.length - allowed; length <= word.length + allowed; length++) {
    for (const known of profile.wordsByLength.get(length) ?? []) {
      if (known[0] !== word[0]) continue;
      const edits = editDistance(word, known, allowed);
      if (edits > allowed) continue;
      const similarity = 1 - edits / Math.max(word.length, known.length);
      if (similarity >= minSimilarity && (!best || similarity > best[1])) best = [known, similarity];
    }
  }
  return best;
}
