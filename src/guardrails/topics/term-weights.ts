/**
 * The weighted features one term adds to a vector: its word (or phrase) key, its concepts and
 * their broader concepts. Shared by topic compilation and by the hot path, so both weigh alike.
 */
import type { TermInfo } from './word-entries.js';
import { getLexicon } from './lexicon/index.js';

export interface FeatureWeights {
  /** Vector scales relative to the term's own weight. */
  conceptFactor: number;
  broaderFactor: number;
  /** Weight factor of a slot-like word the topic does not know (see ScoringParams.slotFactor). */
  slotFactor: number;
}

/** What a term is matched against: the topic's words and concepts. */
export interface TopicWords {
  vocabulary: ReadonlySet<string>;
  concepts: ReadonlySet<string>;
}

/** Topic word an unknown word stands for, with its similarity. */
export type TermRemap = (term: TermInfo) => readonly [string, number] | undefined;

const CONTEXT_CONCEPT_FACTOR = 0.5;

/** Reusable output of `termFeatures`: valid up to the next call. */
export interface FeatureBuffer {
  keys: string[];
  weights: number[];
  length: number;
}

export function featureBuffer(): FeatureBuffer {
  return { keys: [], weights: [], length: 0 };
}

function put(buffer: FeatureBuffer, key: string, weight: number): void {
  buffer.keys[buffer.length] = key;
  buffer.weights[buffer.length] = weight;
  buffer.length++;
}

/**
 * Fills `buffer` with the features of `term`. Against a topic, a word that neither the topic nor
 * the thesaurus knows as more than a slot value weighs less, and `remap` redirects an unknown word
 * to the topic word it misspells (which then expresses that word's concepts).
 */
export function termFeatures(term: TermInfo, scales: FeatureWeights, buffer: FeatureBuffer, topic?: TopicWords, remap?: TermRemap): void {
  const { conceptsByKey, contextConceptKeys, slotConcepts } = getLexicon();
  buffer.length = 0;
  const remapped = term.known || !remap ? undefined : remap(term);
  const key = remapped ? remapped[0] : term.key;
  let weight = remapped ? term.weight * remapped[1] : term.weight;
  if (topic && !remapped && !topic.vocabulary.has(key) && isSlotOnly(term, topic, slotConcepts)) weight *= scales.slotFactor;
  put(buffer, key, weight);
  const concepts = remapped ? (conceptsByKey.get(key) ?? []).map((concept) => `c:${concept}`) : term.conceptKeys;
  // A word of several concepts spreads its weight: ambiguity is weaker evidence for each sense.
  const conceptWeight = (weight * scales.conceptFactor) / (concepts.length > 1 ? Math.sqrt(concepts.length) : 1);
  for (const concept of concepts) put(buffer, concept, contextConceptKeys.has(concept) ? conceptWeight * CONTEXT_CONCEPT_FACTOR : conceptWeight);
  if (!remapped) for (const broader of term.broaderKeys) put(buffer, broader, conceptWeight * scales.broaderFactor);
}

function isSlotOnly(term: TermInfo, topic: TopicWords, slotConcepts: ReadonlySet<string>): boolean {
  for (const concept of term.concepts) if (!slotConcepts.has(concept) || topic.concepts.has(concept)) return false;
  return true;
}
