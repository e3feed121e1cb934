/**
 * Local denied-topics detector: lexical similarity of each sentence (and of neighbouring sentence
 * pairs and the whole text) to a topic's definition and examples, with thesaurus concepts so that
 * paraphrases meet. Deterministic, no model; compiled once per policy, linear per call.
 */
import { splitSentences } from './text-similarity.js';
import type { TopicDefinition, TopicMatch, TopicsDetector } from './types.js';
import { type Term, extractTerms } from './topics/features.js';
import { DEFAULT_PARAMS, type ResolvedTerm, type ScoringParams, type TopicProfile, closestTopicWord, compileProfile } from './topics/profile.js';
import { calibratedScore, resolveTerms, scoreTerms, scoreWindow } from './topics/score.js';
import type { TermRemap } from './topics/term-weights.js';

/** Score (0..1) at which a topic matches when its definition sets no threshold. */
export const DEFAULT_TOPIC_THRESHOLD = 0.5;

// A whole document is judged through its sentences and sentence pairs; only a short text is also
// judged as one piece (a request split over a few sentences).
const MAX_SENTENCES_AS_ONE = 8;
// Least score of each sentence of a pair worth judging together: a request split in two
// ("I have a question about my card. It was stolen.") scores something in both halves.
const MIN_PAIR_PART = 0.15;

/** Sentences of a text with the range of its terms that each covers. */
interface Sentence {
  start: number;
  end: number;
  /** Terms `[from, to)` of the text's term list. */
  from: number;
  to: number;
}

function sentencesOf(text: string, terms: readonly Term[]): Sentence[] {
  const sentences: Sentence[] = [];
  let next = 0;
  for (const span of splitSentences(text)) {
    while (next < terms.length && terms[next]!.start < span.start) next++;
    const from = next;
    while (next < terms.length && terms[next]!.end <= span.end) next++;
    if (next > from) sentences.push({ start: span.start, end: span.end, from, to: next });
  }
  return sentences;
}

/** Whether a sentence has a word that is evidence of the topic: a window without any cannot score. */
function hasEvidence(records: readonly ResolvedTerm[], sentence: Sentence): boolean {
  for (let i = sentence.from; i < sentence.to; i++) if (records[i]!.evidence) return true;
  return false;
}

// Typo lookups are cached per topic across calls: traffic repeats its unknown words (names).
const MAX_CACHED_LOOKUPS = 10_000;

function cachedRemap(profile: TopicProfile, params: ScoringParams): TermRemap {
  const cache = new Map<string, readonly [string, number] | null>();
  return (term) => {
    let found = cache.get(term.key);
    if (found === undefined) {
      found = closestTopicWord(profile, term.key, params.fuzzyMin) ?? null;
      if (cache.size >= MAX_CACHED_LOOKUPS) cache.clear();
      cache.set(term.key, found);
    }
    return found ?? undefined;
  };
}

/** A text's terms, their records against the topic being scored, and its sentences. */
interface TextTerms {
  terms: readonly Term[];
  records: readonly ResolvedTerm[];
  sentences: readonly Sentence[];
}

// Whether a text has anything but whitespace, without copying it as `trim` may.
const NON_SPACE_RE = /\S/;

interface Best {
  score: number;
  start: number;
  end: number;
}

/** Scores the window of sentences `first..last`, keeps it when it beats `best`, returns its score. */
function consider(profile: TopicProfile, text: TextTerms, first: number, last: number, params: ScoringParams, remap: TermRemap, best: Best): number {
  const from = text.sentences[first]!;
  const to = text.sentences[last]!;
  const value = calibratedScore(profile, scoreWindow(profile, text.terms, text.records, from.from, to.to, params, remap), params);
  if (value > best.score) {
    best.score = value;
    best.start = from.start;
    best.end = to.end;
  }
  return value;
}

/** `params` exists for tuning; the gateway always uses the defaults. */
export function compileTopicsDetector(topics: TopicDefinition[], params: Readonly<ScoringParams> = DEFAULT_PARAMS): TopicsDetector {
  const score = (profile: TopicProfile, terms: readonly Term[]): number => scoreTerms(profile, terms, params);
  const profiles = topics.map((topic) => compileProfile(topic, params, DEFAULT_TOPIC_THRESHOLD, score));
  const remaps = profiles.map((profile) => cachedRemap(profile, params));

  // Scratch reused across calls (detection is synchronous).
  const records: ResolvedTerm[] = [];
  const evidence: boolean[] = [];

  return (text: string): TopicMatch[] => {
    if (profiles.length === 0 || typeof text !== 'string' || !NON_SPACE_RE.test(text)) return [];
    const terms = extractTerms(text);
    const matches: TopicMatch[] = [];
    let sentences: Sentence[] | undefined;
    for (let index = 0; index < profiles.length; index++) {
      const profile = profiles[index]!;
      const remap = remaps[index]!;
      // Most texts share no word or concept with a topic: that needs neither sentences nor vectors.
      if (!resolveTerms(profile, terms, remap, records)) continue;
      sentences ??= sentencesOf(text, terms);
      let any = false;
      for (let i = 0; i < sentences.length; i++) any = (evidence[i] = hasEvidence(records, sentences[i]!)) || any;
      if (!any) continue;
      const scored: TextTerms = { terms, records, sentences };
      const best: Best = { score: 0, start: 0, end: 0 };
      let previous = 0;
      for (let i = 0; i < sentences.length; i++) {
        const single = evidence[i] ? consider(profile, scored, i, i, params, remap, best) : 0;
        // A pair can beat its sentences only when both say something of the topic.
        if (i > 0 && previous >= MIN_PAIR_PART && single >= MIN_PAIR_PART) consider(profile, scored, i - 1, i, params, remap, best);
        previous = single;
      }
      if (sentences.length > 2 && sentences.length <= MAX_SENTENCES_AS_ONE) consider(profile, scored, 0, sentences.length - 1, params, remap, best);
      if (best.score > 0 && best.score >= profile.threshold) matches.push({ topic: profile.name, score: round(best.score), start: best.start, end: best.end });
    }
    return matches;
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
