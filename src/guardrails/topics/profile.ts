/**
 * A topic compiled for scoring: one unit vector per example, a centroid of examples, definition
 * and name, the topic's vocabulary (for typo-tolerant matching), the actions its requests perform,
 * and its typical score, which makes one threshold mean the same for every topic.
 */
import type { TopicDefinition } from '../types.js';
import { type SparseVector, addWeight, charNgrams, editDistance, normalize } from '../text-similarity.js';
import { type Term, extractTerms, getLexicon } from './features.js';

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
  /** Least character-trigram similarity for an unknown word to count as a misspelt topic word. */
  fuzzyMin: number;
  /** Score factor when a single word carries the match amid other substantial words (word sense). */
  singleEvidenceFactor: number;
  /** Raw score, relative to the topic's typical example score, that maps to a score of 0.5. */
  relativeMidpoint: number;
}

/** Tuned on development data as a whole (never per topic). */
export const DEFAULT_PARAMS: Readonly<ScoringParams> = Object.freeze({
  conceptFactor: 1.4,
  definitionWeight: 1,
  nameWeight: 0.5,
  centroidShare: 0.85,
  foreignActionFactor: 0.5,
  foreignQuestionFactor: 0.5,
  fuzzyMin: 0.62,
  relativeMidpoint: 0.56,
  singleEvidenceFactor: 0.6,
});

// Typical score assumed when a topic has too few examples to measure its own.
const FALLBACK_TYPICAL_SCORE = 0.45;
const MIN_TYPICAL_SCORE = 0.25;

export interface TopicProfile {
  name: string;
  threshold: number;
  examples: SparseVector[];
  centroid: SparseVector;
  vocabulary: ReadonlySet<string>;
  concepts: ReadonlySet<string>;
  /** Trigram → topic words containing it, to find the topic word a misspelling stands for. */
  gramIndex: ReadonlyMap<string, readonly string[]>;
  gramCounts: ReadonlyMap<string, number>;
  actions: ReadonlySet<string>;
  /** Mean raw score of each example against the rest of the topic (leave-one-out). */
  typicalScore: number;
}

export type TermRemap = (stem: string) => readonly [string, number] | undefined;

/** Feature vector of a term list; `remap` redirects an unknown stem to a topic word it misspells. */
export function termVector(terms: readonly Term[], params: ScoringParams, remap?: TermRemap): SparseVector {
  const vector: SparseVector = new Map();
  for (const term of terms) {
    const remapped = remap?.(term.stem);
    const key = remapped?.[0] ?? term.stem;
    const weight = term.weight * (remapped?.[1] ?? 1);
    addWeight(vector, key, weight, 'max');
    // A corrected misspelling expresses the concepts of the word it stands for.
    const conceptKeys = remapped ? (getLexicon().conceptKeysByStem.get(key) ?? []) : term.conceptKeys;
    for (const concept of conceptKeys) addWeight(vector, concept, weight * params.conceptFactor, 'max');
  }
  return vector;
}

function nameText(name: string): string {
  return name.replace(/[_\-.]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
}

function buildProfile(topic: TopicDefinition, params: ScoringParams, threshold: number, typicalScore: number): TopicProfile {
  const { actionConcepts } = getLexicon();
  const exampleTerms = topic.examples.map((example) => extractTerms(example));
  const definitionTerms = extractTerms(topic.definition);
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
  for (const term of [...exampleTerms, definitionTerms, nameTerms].flat()) {
    vocabulary.add(term.stem);
    for (const concept of term.concepts) {
      concepts.add(concept);
      if (actionConcepts.has(concept)) actions.add(concept);
    }
  }
  const gramIndex = new Map<string, string[]>();
  const gramCounts = new Map<string, number>();
  for (const word of vocabulary) {
    if (word.length < 4 || word.startsWith('act_') || word.startsWith('#')) continue;
    const grams = new Set(charNgrams(word));
    gramCounts.set(word, grams.size);
    for (const gram of grams) gramIndex.set(gram, [...(gramIndex.get(gram) ?? []), word]);
  }
  return {
    name: topic.name,
    threshold,
    examples: exampleTerms.map((terms) => normalize(termVector(terms, params))),
    centroid: normalize(centroid),
    vocabulary,
    concepts,
    gramIndex,
    gramCounts,
    actions,
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

/** The topic word an unknown word most likely misspells, with its trigram (Dice) similarity. */
export function closestTopicWord(profile: TopicProfile, word: string, minSimilarity: number): readonly [string, number] | undefined {
  if (word.length < 4 || profile.vocabulary.has(word) || word.startsWith('act_') || word.startsWith('#')) return undefined;
  const grams = new Set(charNgrams(word));
  const shared = new Map<string, number>();
  for (const gram of grams) for (const known of profile.gramIndex.get(gram) ?? []) shared.set(known, (shared.get(known) ?? 0) + 1);
  let best: readonly [string, number] | undefined;
  for (const [known, count] of shared) {
    // Trigrams catch inserted or dropped letters; edit distance catches swapped ones ("stcok").
    const dice = (2 * count) / (grams.size + (profile.gramCounts.get(known) ?? 0));
    const edits = word.length >= 5 ? editDistance(word, known, 1) : 2;
    const similarity = Math.max(dice, edits <= 1 ? 1 - edits / Math.max(word.length, known.length) : 0);
    if (similarity >= minSimilarity && (!best || similarity > best[1])) best = [known, similarity];
  }
  return best;
}
