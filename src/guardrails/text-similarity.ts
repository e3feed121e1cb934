/**
 * Lexical text-similarity helpers shared by the local detectors: word tokens with offsets,
 * normalisation (contractions, irregular forms, Porter stems), stopwords, sparse vectors, IDF and
 * BM25 weights, character n-grams and sentence spans. Everything here is linear in its input.
 */
import { stemmer } from 'stemmer';
import type { Span } from './types.js';

export interface WordToken extends Span {
  /** Lower-cased surface form with typographic apostrophes folded to `'`. */
  word: string;
}

// Letters or digits, optionally joined by an apostrophe or an inner colon/period between digits
// (7:30, 2.5). Each alternative starts with a distinct class, so matching cannot backtrack.
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*(?:[:.][\p{N}]+)?/gu;

export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD_RE)) {
    const start = match.index;
    tokens.push({ word: match[0].toLowerCase().replace(/’/g, "'"), start, end: start + match[0].length });
  }
  return tokens;
}

/** Function words that carry no topic: determiners, pronouns, prepositions, auxiliaries. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the this that these those some any each every either neither all both few many much more
  most other another such own same i me my mine myself we us our ours you your yours yourself he him
  his she her hers it its itself they them their theirs what which who whom whose this there here
  am is are was were be been being have has had having do does did doing done will would shall
  should can could may might must ought and but or nor so yet if then than too very just also only
  of at by for with about against between into through during before after above below to from up
  down in out on off over under again further once as until while because whether though although
  s t d ll m re ve y o just now ever even still else etc oh hey hi hello ok okay please kindly thanks
  thank yeah yes well um uh`
    .split(/\s+/)
    .filter(Boolean),
);

// Contractions whose base is a content word, and apostrophe-less spellings common in chat text.
const CONTRACTIONS = new Map<string, string[]>(Object.entries({
  "can't": ['can', 'not'], cant: ['can', 'not'], "won't": ['will', 'not'], wont: ['will', 'not'],
  "shan't": ['shall', 'not'], dont: ['do', 'not'], didnt: ['did', 'not'], doesnt: ['does', 'not'],
  isnt: ['is', 'not'], arent: ['are', 'not'], wasnt: ['was', 'not'], werent: ['were', 'not'],
  havent: ['have', 'not'], hasnt: ['has', 'not'], couldnt: ['could', 'not'], wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'], im: ['i', 'am'], ive: ['i', 'have'], whats: ['what', 'is'],
  hows: ['how', 'is'], wheres: ['where', 'is'], whens: ['when', 'is'], lets: ['let', 'us'],
  wanna: ['want', 'to'], gonna: ['going', 'to'], gotta: ['got', 'to'], gimme: ['give', 'me'],
}));

/** Splits a token into normalised words: `didn't` → `did`, `not`; `what's` → `what`, `is`. */
export function expandContraction(word: string): string[] {
  const apostrophe = word.indexOf("'");
  const known = CONTRACTIONS.get(word);
  if (known) return known;
  if (apostrophe < 0) return [word];
  if (word.endsWith("n't")) return [word.slice(0, -3), 'not'];
  // 's, 're, 've, 'll, 'd, 'm: keep the base; the clitic is a function word.
  return [word.slice(0, apostrophe)];
}

// Irregular forms Porter leaves apart from their lemma; only frequent verbs and plurals.
const IRREGULAR = new Map<string, string>(Object.entries({
  lost: 'lose', stole: 'steal', stolen: 'steal', bought: 'buy', sold: 'sell', spoke: 'speak',
  spoken: 'speak', told: 'tell', heard: 'hear', ate: 'eat', eaten: 'eat', drove: 'drive',
  driven: 'drive', went: 'go', gone: 'go', took: 'take', taken: 'take', gave: 'give', given: 'give',
  made: 'make', paid: 'pay', sent: 'send', found: 'find', got: 'get', gotten: 'get', left: 'leave',
  felt: 'feel', kept: 'keep', knew: 'know', known: 'know', saw: 'see', seen: 'see', wrote: 'write',
  written: 'write', spent: 'spend', brought: 'bring', thought: 'think', flew: 'fly', flown: 'fly',
  ran: 'run', began: 'begin', begun: 'begin', chose: 'choose', chosen: 'choose', broke: 'break',
  broken: 'break', forgot: 'forget', forgotten: 'forget', sang: 'sing', sung: 'sing', won: 'win',
  children: 'child', people: 'person', men: 'man', women: 'woman', mice: 'mouse', feet: 'foot',
  teeth: 'tooth', taught: 'teach', caught: 'catch', meant: 'mean', met: 'meet', held: 'hold',
  understood: 'understand', stood: 'stand', fell: 'fall', fallen: 'fall', hid: 'hide', hidden: 'hide',
  dying: 'die', lying: 'lie',
}));

/** Lemma-ish key of a lower-case word: irregular forms first, then the Porter stem. */
export function stem(word: string): string {
  const base = IRREGULAR.get(word) ?? word;
  return /^[a-z]+$/.test(base) ? stemmer(base) : base;
}

/** Character n-grams of a word padded with `^`/`$`, for typo-tolerant lookups. */
export function charNgrams(word: string, n = 3): string[] {
  const padded = `^${word}$`;
  if (padded.length <= n) return [padded];
  const grams: string[] = [];
  for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  return grams;
}

/** Dice coefficient over character trigram sets: 1 for equal words, ~0 for unrelated ones. */
export function charSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const gramsA = new Set(charNgrams(a));
  const gramsB = new Set(charNgrams(b));
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared++;
  return (2 * shared) / (gramsA.size + gramsB.size);
}

/**
 * Optimal-string-alignment distance (edits, with adjacent transpositions) for short words, or
 * `limit + 1` as soon as the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export type SparseVector = Map<string, number>;

/** Adds `weight` to `key`, or keeps the larger one when `combine` is `max`. */
export function addWeight(vector: SparseVector, key: string, weight: number, combine: 'sum' | 'max' = 'sum'): void {
  const current = vector.get(key) ?? 0;
  vector.set(key, combine === 'sum' ? current + weight : Math.max(current, weight));
}

export function norm(vector: SparseVector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, value] of small) {
    const other = large.get(key);
    if (other !== undefined) sum += value * other;
  }
  return sum;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/** Scales a vector to unit length (a zero vector stays empty). */
export function normalize(vector: SparseVector): SparseVector {
  const length = norm(vector);
  const unit: SparseVector = new Map();
  if (length === 0) return unit;
  for (const [key, value] of vector) unit.set(key, value / length);
  return unit;
}

/** Smoothed inverse document frequency (BM25's, floored at 0). */
export function idf(documentFrequency: number, documentCount: number): number {
  return Math.max(0, Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}

/** Okapi BM25 weight of one term in one document. */
export function bm25(termFrequency: number, documentLength: number, averageLength: number, termIdf: number, k1 = 1.2, b = 0.75): number {
  const lengthRatio = averageLength > 0 ? documentLength / averageLength : 1;
  return (termIdf * termFrequency * (k1 + 1)) / (termFrequency + k1 * (1 - b + b * lengthRatio));
}

// A sentence ends at . ! ? or a line break, followed by space; decimals and "e.g." stay inside.
const SENTENCE_END_RE = /[.!?。！？]+["')\]]*(?=\s)|\n\s*\n|\n/g;

/** Sentence spans of a text, trimmed of surrounding whitespace; empty text gives none. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const match of text.matchAll(SENTENCE_END_RE)) {
    const end = match.index + match[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return spans;
}
