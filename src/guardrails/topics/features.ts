/**
 * Turns text into weighted topic terms: word stems weighted by general-English rarity, each with
 * the thesaurus concepts it expresses, plus question-kind and negation markers.
 */
import { STOPWORDS, type WordToken, expandContraction, stem, tokenize } from '../text-similarity.js';
import { CONCEPT_LINES, CONTEXT_WORDS, GAZETTEER_LINES } from './lexicon.js';
import { wordWeight } from './term-rarity.js';

export interface Term {
  stem: string;
  weight: number;
  concepts: readonly string[];
  /** Vector keys of the concepts (`c:<concept>`), precomputed for the hot path. */
  conceptKeys: readonly string[];
  /** Offsets of the source token in the text. */
  start: number;
  end: number;
}

export interface Lexicon {
  conceptsByStem: ReadonlyMap<string, readonly string[]>;
  conceptKeysByStem: ReadonlyMap<string, readonly string[]>;
  /** Concepts naming what a request does (cancel, confirm, how, when...), compared across intents. */
  actionConcepts: ReadonlySet<string>;
  /** The subset of actions that are question kinds; a mismatch there is weaker evidence. */
  questionConcepts: ReadonlySet<string>;
}

// Request-frame words occur in most requests whatever their topic, so they weigh little.
const FRAME_WORDS = new Set(
  `tell know want need like would let give show get got help find see look say ask wonder wondering
  something anything thing things stuff way someone anyone able possible sure think mean try trying
  go going use using please could can may might must should shall will question questions request
  requests about regarding including such whether etc information info details detail`.split(/\s+/),
);
const FRAME_FACTOR = 0.35;
const CONTEXT_SET = new Set(CONTEXT_WORDS.split(/\s+/));
const CONTEXT_FACTOR = 0.5;
const QUESTION_WEIGHT = 0.4;
const NEGATION_WEIGHT = 0.6;
const NEGATIONS = new Set(['not', 'no', 'never']);

// `how much`-style pairs ask for a quantity, a different request from a bare `how` (a how-to).
const QUESTION_WORDS = new Map<string, string>(Object.entries({
  what: 'act_what', which: 'act_what', when: 'act_when', where: 'act_where', why: 'act_why',
  who: 'act_who', whom: 'act_who', how: 'act_how',
}));
const QUANTITY_AFTER_HOW = new Set(['much', 'many', 'long', 'often', 'far', 'old', 'big', 'soon', 'late', 'early']);

let lexicon: Lexicon | undefined;

function parseLines(lines: string, into: Map<string, string[]>, actions: Set<string>): void {
  for (const line of lines.split('\n')) {
    const colon = line.indexOf(':');
    if (line.startsWith('#') || colon < 0) continue;
    const concept = line.slice(0, colon).trim();
    if (concept.startsWith('act_')) actions.add(concept);
    for (const word of line.slice(colon + 1).trim().split(/\s+/)) {
      const key = stem(word);
      const concepts = into.get(key) ?? [];
      if (!concepts.includes(concept)) concepts.push(concept);
      into.set(key, concepts);
    }
  }
}

/** The compiled thesaurus, built once on first use. */
export function getLexicon(): Lexicon {
  if (!lexicon) {
    const conceptsByStem = new Map<string, string[]>();
    const actionConcepts = new Set<string>();
    parseLines(CONCEPT_LINES, conceptsByStem, actionConcepts);
    parseLines(GAZETTEER_LINES, conceptsByStem, actionConcepts);
    const questionConcepts = new Set([...QUESTION_WORDS.values(), 'act_quantity']);
    for (const concept of questionConcepts) actionConcepts.add(concept);
    const conceptKeysByStem = new Map([...conceptsByStem].map(([key, concepts]) => [key, concepts.map(conceptKey)]));
    lexicon = { conceptsByStem, conceptKeysByStem, actionConcepts, questionConcepts };
  }
  return lexicon;
}

export function conceptKey(concept: string): string {
  return `c:${concept}`;
}

const NO_CONCEPTS: readonly string[] = [];
const TIME_CONCEPTS: readonly string[] = ['time_of_day', 'number_word'];
const NUMBER_CONCEPTS: readonly string[] = ['number_word'];
const keysOf = (concepts: readonly string[]): readonly string[] => concepts.map(conceptKey);
const TIME_KEYS = keysOf(TIME_CONCEPTS);
const NUMBER_KEYS = keysOf(NUMBER_CONCEPTS);

type WordInfo = Pick<Term, 'stem' | 'weight' | 'concepts' | 'conceptKeys'>;
const QUESTION_INFO = new Map<string, WordInfo>();

const NEGATION_INFO: WordInfo = { stem: 'not', weight: NEGATION_WEIGHT, concepts: NO_CONCEPTS, conceptKeys: NO_CONCEPTS };
// Numbers and times are slot values: one shared feature, whatever the digits.
const TIME_INFO: WordInfo = { stem: '#number', weight: 1, concepts: TIME_CONCEPTS, conceptKeys: TIME_KEYS };
const NUMBER_INFO: WordInfo = { stem: '#number', weight: 1, concepts: NUMBER_CONCEPTS, conceptKeys: NUMBER_KEYS };

function questionInfo(concept: string): WordInfo {
  let info = QUESTION_INFO.get(concept);
  if (!info) QUESTION_INFO.set(concept, (info = { stem: concept, weight: QUESTION_WEIGHT, concepts: [concept], conceptKeys: [conceptKey(concept)] }));
  return info;
}

function describeWord(word: string, lexiconTables: Lexicon): WordInfo | undefined {
  if (NEGATIONS.has(word)) return NEGATION_INFO;
  if (/\d/.test(word)) return /:|am$|pm$/.test(word) ? TIME_INFO : NUMBER_INFO;
  if (word.length < 2 || STOPWORDS.has(word)) return undefined;
  const key = stem(word);
  let weight = wordWeight(word);
  if (FRAME_WORDS.has(word)) weight *= FRAME_FACTOR;
  if (CONTEXT_SET.has(word)) weight *= CONTEXT_FACTOR;
  return {
    stem: key,
    weight,
    concepts: lexiconTables.conceptsByStem.get(key) ?? NO_CONCEPTS,
    conceptKeys: lexiconTables.conceptKeysByStem.get(key) ?? NO_CONCEPTS,
  };
}

/** Content terms of a text in order; stopwords dropped, negation kept as the term `not`. */
export function extractTerms(text: string): Term[] {
  const tables = getLexicon();
  // Long texts repeat their words; stemming and weighing each distinct word once keeps this fast.
  const described = new Map<string, WordInfo | undefined>();
  const words: string[] = [];
  const owners: WordToken[] = [];
  for (const token of tokenize(text)) {
    for (const word of expandContraction(token.word)) {
      words.push(word);
      owners.push(token);
    }
  }
  const terms: Term[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const { start, end } = owners[i]!;
    const question = QUESTION_WORDS.get(word);
    if (question) {
      const quantity = word === 'how' && QUANTITY_AFTER_HOW.has(words[i + 1] ?? '');
      const info = questionInfo(quantity ? 'act_quantity' : question);
      terms.push({ ...info, start, end });
      if (quantity) i++;
      continue;
    }
    let info = described.get(word);
    if (info === undefined && !described.has(word)) {
      info = describeWord(word, tables);
      described.set(word, info);
    }
    if (info) terms.push({ stem: info.stem, weight: info.weight, concepts: info.concepts, conceptKeys: info.conceptKeys, start, end });
  }
  return terms;
}
