/**
 * Local denied-topics detector: lexical similarity of each sentence (and of neighbouring sentence
 * pairs and the whole text) to a topic's definition and examples, with thesaurus concepts so that
 * paraphrases meet. Deterministic, no model; compiled once per policy, linear per call.
 */
import { splitSentences } from './text-similarity.js';
import type { Span, TopicDefinition, TopicMatch, TopicsDetector } from './types.js';
import { type Term, extractTerms } from './topics/features.js';
import { DEFAULT_PARAMS, type ResolvedTerm, type ScoringParams, type TopicProfile, closestTopicWord, compileProfile } from './topics/profile.js';
import { TopicsResolver, calibratedScore, rawScoreFor, scoreTerms, scoreWindow, scoresAreBounded, windowBound } from './topics/score.js';
import type { TermRemap } from './topics/term-weights.js';

/** Score (0..1) at which a topic matches when its definition sets no threshold. */
export const DEFAULT_TOPIC_THRESHOLD = 0.5;

// A whole document is judged through its sentences and sentence pairs; only a short text is also
// judged as one piece (a request split over a few sentences).
const MAX_SENTENCES_AS_ONE = 8;
// Least score of each sentence of a pair worth judging together: a request split in two
// ("I have a question about my card. It was stolen.") scores something in both halves.
const MIN_PAIR_PART = 0.15;
// Term objects kept from call to call, at most.
const KEPT_TERMS = 1 << 12;

/** A sentence of a text, as the range of its terms that it covers. */
interface Sentence {
  /** Terms `[from, to)` of the text's term list. */
  from: number;
  to: number;
}

/** The sentences that hold terms, in order; a term that spans two sentences belongs to neither. */
function sentencesOf(terms: readonly Term[]): Sentence[] {
  const sentences: Sentence[] = [];
  let next = 0;
  while (next < terms.length) {
    const sentence = terms[next]!.sentence;
    if (sentence < 0) {
      next++;
      continue;
    }
    const from = next;
    while (next < terms.length && terms[next]!.sentence === sentence) next++;
    sentences.push({ from, to: next });
  }
  return sentences;
}

/**
 * The offsets of a window: from the start of the sentence of its first term to the end of the
 * sentence of its last. Only a reported window needs them, so only then is the text split.
 */
function windowSpan(text: string, first: Term, last: Term): Span {
  const window = { start: 0, end: 0 };
  for (const span of splitSentences(text)) {
    if (span.start <= first.start && first.end <= span.end) window.start = span.start;
    if (span.start <= last.start && last.end <= span.end) {
      window.end = span.end;
      break;
    }
  }
  return window;
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

/** The best window so far: its score and its terms `[from, to)`. */
interface Best {
  score: number;
  from: number;
  to: number;
}

/**
 * Finds a text's best window against a topic: each sentence with evidence, each pair of
 * neighbouring sentences that both score at least MIN_PAIR_PART, and a short text as a whole, in
 * that order. A window whose bound (see `windowBound`) stays below the topic's threshold is not
 * scored, as it could not be reported. A sentence below the threshold is still scored when a pair
 * needs its score, at that point: below the threshold, its place in the order changes nothing.
 */
class WindowSearch {
  private readonly bounded: boolean;
  private readonly best: Best = { score: 0, from: 0, to: 0 };
  /** Scores of single sentences and their bounds, NaN until worked out. */
  private singles = new Float64Array(16);
  private singleBounds = new Float64Array(16);
  private profile!: TopicProfile;
  private remap!: TermRemap;
  private text!: TextTerms;
  /** Per topic, the raw scores that a window's bound must reach to matter (see `rawScoreFor`). */
  private readonly rawLeast = new Map<TopicProfile, { threshold: number; pairPart: number }>();
  /** The current topic's raw score for half of a pair. */
  private pairLeast = 0;

  constructor(private readonly params: ScoringParams) {
    this.bounded = scoresAreBounded(params);
  }

  run(profile: TopicProfile, remap: TermRemap, text: TextTerms, evidence: readonly boolean[]): Readonly<Best> {
    let least = this.rawLeast.get(profile);
    if (least === undefined) {
      least = { threshold: rawScoreFor(profile, profile.threshold, this.params), pairPart: rawScoreFor(profile, MIN_PAIR_PART, this.params) };
      this.rawLeast.set(profile, least);
    }
    this.profile = profile;
    this.remap = remap;
    this.text = text;
    const best = this.best;
    best.score = 0;
    best.from = 0;
    best.to = 0;
    const count = text.sentences.length;
    if (this.singles.length < count) {
      this.singles = new Float64Array(Math.max(count, this.singles.length * 2));
      this.singleBounds = new Float64Array(this.singles.length);
    }
    this.singles.fill(Number.NaN, 0, count);
    this.singleBounds.fill(Number.NaN, 0, count);
    const threshold = least.threshold;
    this.pairLeast = least.pairPart;
    for (let i = 0; i < count; i++) {
      if (evidence[i] && this.singleReaches(i, threshold)) this.single(i);
      // A pair can beat its sentences only when both say something of the topic. What is known
      // of each half (its score, or else its bound) is asked before the pair's own bound.
      if (
        i > 0 &&
        evidence[i - 1] &&
        evidence[i] &&
        this.mayPair(i - 1) &&
        this.mayPair(i) &&
        this.reaches(i - 1, i, threshold) &&
        this.single(i - 1) >= MIN_PAIR_PART &&
        this.single(i) >= MIN_PAIR_PART
      ) {
        this.consider(i - 1, i);
      }
    }
    if (count > 2 && count <= MAX_SENTENCES_AS_ONE && this.reaches(0, count - 1, threshold)) this.consider(0, count - 1);
    return best;
  }

  /** Whether sentence `i` (which has evidence) may score enough to be half of a pair. */
  private mayPair(i: number): boolean {
    const value = this.singles[i]!;
    return Number.isNaN(value) ? this.singleReaches(i, this.pairLeast) : value >= MIN_PAIR_PART;
  }

  /** `reaches` for a single sentence, its bound worked out once. */
  private singleReaches(i: number, least: number): boolean {
    if (!this.bounded || least <= 0) return true;
    let bound = this.singleBounds[i]!;
    if (Number.isNaN(bound)) {
      bound = this.bound(i, i);
      this.singleBounds[i] = bound;
    }
    return bound >= least;
  }

  private single(i: number): number {
    let value = this.singles[i]!;
    if (Number.isNaN(value)) {
      value = this.consider(i, i);
      this.singles[i] = value;
    }
    return value;
  }

  /** Whether the window of sentences `first..last` may reach the raw score `least`. */
  private reaches(first: number, last: number, least: number): boolean {
    return !this.bounded || least <= 0 || this.bound(first, last) >= least;
  }

  private bound(first: number, last: number): number {
    const { profile, text } = this;
    return windowBound(profile, text.terms, text.records, text.sentences[first]!.from, text.sentences[last]!.to, this.params, this.remap);
  }

  /** Scores the window of sentences `first..last`, keeps it when it beats the best, returns its score. */
  private consider(first: number, last: number): number {
    const { profile, text, params, best } = this;
    const from = text.sentences[first]!;
    const to = text.sentences[last]!;
    const value = calibratedScore(profile, scoreWindow(profile, text.terms, text.records, from.from, to.to, params, this.remap), params);
    if (value > best.score) {
      best.score = value;
      best.from = from.from;
      best.to = to.to;
    }
    return value;
  }
}

/** `params` exists for tuning; the gateway always uses the defaults. */
export function compileTopicsDetector(topics: TopicDefinition[], params: Readonly<ScoringParams> = DEFAULT_PARAMS): TopicsDetector {
  const score = (profile: TopicProfile, terms: readonly Term[]): number => scoreTerms(profile, terms, params);
  const profiles = topics.map((topic) => compileProfile(topic, params, DEFAULT_TOPIC_THRESHOLD, score));
  const remaps = profiles.map((profile) => cachedRemap(profile, params));

  const resolver = new TopicsResolver(profiles, remaps);

  // Scratch reused across calls (detection is synchronous): nothing of it outlives a call.
  let termScratch: Term[] = [];
  const records: ResolvedTerm[][] = [];
  const anyEvidence: boolean[] = [];
  const evidence: boolean[] = [];
  const search = new WindowSearch(params);

  return (text: string): TopicMatch[] => {
    if (profiles.length === 0 || typeof text !== 'string' || !NON_SPACE_RE.test(text)) return [];
    const terms = extractTerms(text, termScratch);
    // the terms of one huge text are not kept for the next
    if (terms.length > KEPT_TERMS) termScratch = [];
    const matches: TopicMatch[] = [];
    resolver.resolve(terms, records, anyEvidence);
    let sentences: Sentence[] | undefined;
    for (let index = 0; index < profiles.length; index++) {
      // Most texts share no word or concept with a topic: that needs neither sentences nor vectors.
      if (!anyEvidence[index]) continue;
      const profile = profiles[index]!;
      const remap = remaps[index]!;
      const topicRecords = records[index]!;
      sentences ??= sentencesOf(terms);
      let any = false;
      for (let i = 0; i < sentences.length; i++) any = (evidence[i] = hasEvidence(topicRecords, sentences[i]!)) || any;
      if (!any) continue;
      const best = search.run(profile, remap, { terms, records: topicRecords, sentences }, evidence);
      if (best.score > 0 && best.score >= profile.threshold) {
        const { start, end } = windowSpan(text, terms[best.from]!, terms[best.to - 1]!);
        matches.push({ topic: profile.name, score: round(best.score), start, end });
      }
    }
    return matches;
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
