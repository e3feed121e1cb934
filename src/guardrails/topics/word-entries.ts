/**
 * Everything the term extractor needs to know about one word, worked out once per distinct word
 * and cached: its stem, its term (weight, concepts, actions) if it is a content word, the question
 * kind it may ask, the phrases it may start, and whether it is a determiner or a modifier.
 */
import { STOPWORDS, expandContraction, hasContraction, stem } from '../text-similarity.js';
import { QUESTION_KINDS } from './lexicon/actions.js';
import { type Lexicon, MODIFIERS, type Phrase, getLexicon } from './lexicon/index.js';
import { isKnownWord, wordWeight } from './term-rarity.js';

/** What a term says, whichever words express it. */
export interface TermInfo {
  /** A number no other term info has, which keys the caches of resolved words (see InfoTable). */
  id: number;
  /** Stem, phrase key (`time_off`, `not_make`), question kind (`act_how`) or `#number`. */
  key: string;
  weight: number;
  concepts: readonly string[];
  /** Vector keys of the concepts (`c:<concept>`), precomputed for the hot path. */
  conceptKeys: readonly string[];
  /** Vector keys of the broader concepts (`b:<concept>`). */
  broaderKeys: readonly string[];
  /** The concepts that are actions or question kinds. */
  actions: readonly string[];
  /** False for a word neither in general English nor in the thesaurus: a name or a typo. */
  known: boolean;
  /** A request-frame word (tell, want, help...): present in requests of every topic. */
  frame: boolean;
  /** A question kind, negation or number rather than a word. */
  marker: boolean;
}

export interface WordEntry {
  word: string;
  /** The words a contraction stands for ("didn't" → did, not); undefined for a plain word. */
  parts: readonly WordEntry[] | undefined;
  stem: string;
  /** The word's own term; undefined for stopwords. */
  info: TermInfo | undefined;
  /** Question kind of a question word (refined by the next word). */
  question: string | undefined;
  /** Phrases this word's stem starts, longest first. */
  phrases: readonly Phrase[] | undefined;
  /** `not` or `someone` when the word modifies the verb after it. */
  modifier: string | undefined;
  determiner: boolean;
  /** An adjective that may stand between a determiner and its noun ("my last payment"). */
  nounAdjective: boolean;
  /** No question word, phrase head, modifier or addressee: the word is its own term, if any. */
  plain: boolean;
}

// Request-frame words occur in most requests whatever their topic, so they weigh little.
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  `tell know want need like would let give show get got help find see look say ask wonder wondering
  something anything thing things stuff way someone anyone able possible sure think mean try trying
  go going use using please could can may might must should shall will question questions
  about regarding including such whether etc information info details detail`.split(/\s+/),
);
const FRAME_FACTOR = 0.35;
const CONTEXT_FACTOR = 0.5;
const QUESTION_WEIGHT = 0.4;
const NEGATION_WEIGHT = 0.6;
const NUMBER_WEIGHT = 0.5;
// A name or typo says little about the topic unless a topic uses it (then it is matched anyway).
const UNKNOWN_WEIGHT = 1.5;
const PHRASE_MIN_WEIGHT = 2;
// Amounts, times and ordinals; a word with digits in it (w2, 401k, mp3) is a word.
const NUMBER_RE = /^\d+(?:[:.,]\d+)*(?:st|nd|rd|th|am|pm|s)?$/;
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'your', 'our', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'every', 'each']);
const NOUN_ADJECTIVES = new Set(['new', 'last', 'next', 'recent', 'first', 'another', 'other', 'same', 'old', 'current', 'latest', 'upcoming']);
const QUESTION_WORDS = new Map<string, string>(Object.entries(QUESTION_KINDS));
const MODIFIER_OF = new Map([...MODIFIERS].flatMap(([modifier, words]) => [...words].map((word) => [word, modifier] as const)));

const NONE: readonly string[] = [];

function actionsOf(concepts: readonly string[], tables: Lexicon): readonly string[] {
  const actions = concepts.filter((concept) => tables.actionConcepts.has(concept));
  return actions.length === 0 ? NONE : actions;
}

const keysOf = (concepts: readonly string[]): readonly string[] => (concepts.length === 0 ? NONE : concepts.map((concept) => `c:${concept}`));

function broaderKeysOf(concepts: readonly string[], tables: Lexicon): readonly string[] {
  const keys = new Set<string>();
  for (const concept of concepts) for (const broader of tables.broaderOf.get(concept) ?? NONE) keys.add(`b:${broader}`);
  return keys.size === 0 ? NONE : [...keys];
}

// Ids of term infos; a double counts far past any number of infos a process makes.
let nextId = 0;

function conceptInfo(key: string, weight: number, concepts: readonly string[], tables: Lexicon, flags: Pick<TermInfo, 'known' | 'frame'>): TermInfo {
  return { id: nextId++, key, weight, concepts, conceptKeys: keysOf(concepts), broaderKeys: broaderKeysOf(concepts, tables), actions: actionsOf(concepts, tables), marker: false, ...flags };
}

const marker = (key: string, weight: number, concepts: readonly string[], actions: readonly string[]): TermInfo => ({
  id: nextId++,
  key,
  weight,
  concepts,
  conceptKeys: keysOf(concepts),
  broaderKeys: NONE,
  actions,
  known: true,
  frame: false,
  marker: true,
});

export const QUESTION_INFO: ReadonlyMap<string, TermInfo> = new Map(
  [...new Set([...QUESTION_WORDS.values(), 'act_quantity'])].map((kind) => [kind, marker(kind, QUESTION_WEIGHT, [kind], [kind])]),
);
export const NEGATION_INFO = marker('not', NEGATION_WEIGHT, NONE, NONE);
// Numbers and times are slot values: one shared feature, whatever the digits.
const NUMBER_INFO = marker('#number', NUMBER_WEIGHT, ['number_word'], NONE);
const TIME_INFO = marker('#number', NUMBER_WEIGHT, ['time_of_day', 'number_word'], NONE);

// Long texts and repeated calls see the same words: describe each distinct word once.
const MAX_CACHED = 50_000;
const wordCache = new Map<string, WordEntry>();
const phraseCache = new Map<string, TermInfo>();

// Small talk and assistant settings are about the one addressed ("what are your hobbies", "who
// made you"): the second person is a shared feature, except in request frames ("can you tell me").
const ADDRESSEE_WORDS = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
const ADDRESSEE_WEIGHT = 0.8;
export const ADDRESSEE_INFO: TermInfo = { ...marker('#you', ADDRESSEE_WEIGHT, NONE, NONE), id: nextId++, marker: false };

function contentInfo(word: string, key: string, tables: Lexicon): TermInfo | undefined {
  if (MODIFIER_OF.get(word) === 'not') return NEGATION_INFO;
  if (ADDRESSEE_WORDS.has(word)) return ADDRESSEE_INFO;
  if (NUMBER_RE.test(word)) return /:|am$|pm$/.test(word) ? TIME_INFO : NUMBER_INFO;
  if (word.length < 2 || STOPWORDS.has(word)) return undefined;
  const concepts = tables.conceptsByKey.get(key) ?? NONE;
  const known = concepts.length > 0 || isKnownWord(word, key);
  let weight = known ? wordWeight(word, key) : UNKNOWN_WEIGHT;
  const frame = FRAME_WORDS.has(word);
  if (frame) weight *= FRAME_FACTOR;
  if (tables.contextWords.has(word)) weight *= CONTEXT_FACTOR;
  return conceptInfo(key, weight, concepts, tables, { known, frame });
}

export function wordEntry(word: string): WordEntry {
  let entry = wordCache.get(word);
  if (entry) return entry;
  const tables = getLexicon();
  const key = stem(word);
  const expanded = word.includes("'") || hasContraction(word) ? expandContraction(word) : undefined;
  const parts = expanded && (expanded.length > 1 || expanded[0] !== word) ? expanded.map(wordEntry) : undefined;
  const info = contentInfo(word, key, tables);
  const question = QUESTION_WORDS.get(word);
  const phrases = tables.phrasesByHead.get(key);
  const modifier = MODIFIER_OF.get(word);
  entry = {
    word,
    parts,
    stem: key,
    info,
    question,
    phrases,
    modifier,
    determiner: DETERMINERS.has(word),
    nounAdjective: NOUN_ADJECTIVES.has(word),
    plain: question === undefined && phrases === undefined && modifier === undefined && info !== ADDRESSEE_INFO,
  };
  if (wordCache.size >= MAX_CACHED) wordCache.clear();
  wordCache.set(word, entry);
  return entry;
}

/** The term of a phrase over `entries[from, to)`: as weighty as its weightiest word, at least the minimum. */
export function phraseInfo(key: string, entries: readonly WordEntry[], from: number, to: number): TermInfo {
  let weight = PHRASE_MIN_WEIGHT;
  for (let i = from; i < to; i++) {
    const part = entries[i]!.info;
    if (part && part !== NEGATION_INFO && part.weight > weight) weight = part.weight;
  }
  const cacheKey = `${key} ${weight}`;
  let info = phraseCache.get(cacheKey);
  if (!info) {
    const tables = getLexicon();
    info = conceptInfo(key, weight, tables.conceptsByKey.get(key) ?? NONE, tables, { known: true, frame: false });
    if (phraseCache.size >= MAX_CACHED) phraseCache.clear();
    phraseCache.set(cacheKey, info);
  }
  return info;
}
