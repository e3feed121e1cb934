/**
 * Local denied-topics detector: lexical similarity of each sentence (and of neighbouring sentence
 * pairs and the whole text) to a topic's definition and examples, with thesaurus concepts so that
 * paraphrases meet. Deterministic, no model; compiled once per policy, linear per call.
 */
import { splitSentences } from './text-similarity.js';
import type { Span, TopicDefinition, TopicMatch, TopicsDetector } from './types.js';
import { type Term, extractTerms } from './topics/features.js';
import { DEFAULT_PARAMS, type TermRemap, type TopicProfile, closestTopicWord, compileProfile } from './topics/profile.js';
import { calibratedScore, scoreTerms } from './topics/score.js';

/** Score (0..1) at which a topic matches when its definition sets no threshold. */
export const DEFAULT_TOPIC_THRESHOLD = 0.5;

interface Window extends Span {
  terms: readonly Term[];
  /** Index of the first and last sentence the window covers. */
  first: number;
  last: number;
}

// A whole document is judged through its sentences and sentence pairs; only a short text is also
// judged as one piece (a request split over a few sentences).
const MAX_SENTENCES_AS_ONE = 8;

/** Sentences, pairs of neighbouring sentences, and the whole text when it has a few. */
function windowsOf(text: string, terms: readonly Term[]): Window[] {
  const sentences = splitSentences(text);
  const perSentence: Window[] = [];
  let next = 0;
  for (const sentence of sentences) {
    while (next < terms.length && terms[next]!.start < sentence.start) next++;
    const from = next;
    while (next < terms.length && terms[next]!.end <= sentence.end) next++;
    const index = perSentence.length;
    perSentence.push({ ...sentence, terms: terms.slice(from, next), first: index, last: index });
  }
  const windows = [...perSentence];
  for (let i = 0; i + 1 < perSentence.length; i++) {
    const first = perSentence[i]!;
    const second = perSentence[i + 1]!;
    windows.push({ start: first.start, end: second.end, terms: [...first.terms, ...second.terms], first: i, last: i + 1 });
  }
  const count = perSentence.length;
  if (count > 2 && count <= MAX_SENTENCES_AS_ONE) windows.push({ start: perSentence[0]!.start, end: perSentence.at(-1)!.end, terms, first: 0, last: count - 1 });
  return windows.filter((window) => window.terms.length > 0);
}

/**
 * Which sentences share at least one word or concept with the topic: a window without any cannot
 * score, so most sentences of a long unrelated text are skipped without building a vector.
 */
function sentencesWithEvidence(profile: TopicProfile, windows: readonly Window[], remap: TermRemap): boolean[] {
  const flags: boolean[] = [];
  for (const window of windows) {
    if (window.first !== window.last) continue;
    flags[window.first] = window.terms.some(
      (term) => profile.vocabulary.has(term.stem) || term.concepts.some((concept) => profile.concepts.has(concept)) || remap(term.stem) !== undefined,
    );
  }
  return flags;
}

/** Typo lookups cached for one call: long texts repeat their words. */
function cachedRemap(profile: TopicProfile): TermRemap {
  const cache = new Map<string, readonly [string, number] | undefined>();
  return (stem) => {
    if (!cache.has(stem)) cache.set(stem, closestTopicWord(profile, stem, DEFAULT_PARAMS.fuzzyMin));
    return cache.get(stem);
  };
}

export function compileTopicsDetector(topics: TopicDefinition[]): TopicsDetector {
  const score = (profile: TopicProfile, terms: readonly Term[]): number => scoreTerms(profile, terms, DEFAULT_PARAMS);
  const profiles = topics.map((topic) => compileProfile(topic, DEFAULT_PARAMS, DEFAULT_TOPIC_THRESHOLD, score));

  return (text: string): TopicMatch[] => {
    if (profiles.length === 0 || typeof text !== 'string' || text.trim() === '') return [];
    const windows = windowsOf(text, extractTerms(text));
    const matches: TopicMatch[] = [];
    for (const profile of profiles) {
      const remap = cachedRemap(profile);
      const evidence = sentencesWithEvidence(profile, windows, remap);
      let best: TopicMatch | undefined;
      for (const window of windows) {
        if (!evidence.slice(window.first, window.last + 1).some(Boolean)) continue;
        const raw = scoreTerms(profile, window.terms, DEFAULT_PARAMS, remap);
        const value = calibratedScore(profile, raw, DEFAULT_PARAMS);
        if (!best || value > best.score) best = { topic: profile.name, score: value, start: window.start, end: window.end };
      }
      if (best && best.score >= profile.threshold && best.score > 0) matches.push({ ...best, score: round(best.score) });
    }
    return matches;
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
