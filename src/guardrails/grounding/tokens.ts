/**
 * Tokeniser for the grounding scorer: turns text into content terms with a kind and a weight
 * class, grouped into sentences (sources) or clauses (answers).
 *
 * Matching happens on a folded key (NFKC, lower case, no diacritics) and its Porter stem, so
 * "Ibáñez" meets "Ibanez" and "completed" meets "complete". Numbers are keyed by value, so
 * "52,300" meets "52300" and "seven" meets "7".
 */
import { stemmer } from 'stemmer';
import {
  cardinalWords,
  coordinators,
  definiteDeterminers,
  functionWords,
  nameConnectors,
  numberWords,
  polarityWords,
  pronouns,
  relationWords,
} from './lexicon.js';

/** `relation`: comparisons, negations and orderings ("older", "never", "first"): a claim's verdict. */
export type TermKind = 'number' | 'entity' | 'relation' | 'word';

export interface Term {
  /** Stem used for lookups; numbers use `#<value>`. */
  stem: string;
  /** Folded surface form (lower case, no diacritics, no possessive). */
  key: string;
  kind: TermKind;
  /** Value key of a number word (`#7` for "seven"). */
  alt: string | undefined;
  /** Position in the token stream, counting function words too. */
  position: number;
  /** Index of the sentence (sources) or clause (answers) the term belongs to. */
  clause: number;
  /** Id of the multi-word name this term is part of ("Tolvern River"), or -1. */
  name: number;
  /** Opens its clause after a definite determiner ("The museum was..."), so may refer back. */
  definite: boolean;
  /** Part of the clause's first name: the likely antecedent of a pronoun in the next clause. */
  leading: boolean;
}

export interface TokenizeOptions {
  /** Also split at clause openers after a comma and at semicolons (answers). */
  splitClauses: boolean;
}

export interface TokenizedText {
  terms: Term[];
  /** Number of tokens, function words included. */
  tokenCount: number;
  clauseCount: number;
  /** Token position at which each clause starts (ascending). */
  clauseStarts: number[];
  /** Clauses that contain a personal pronoun, so may continue the clause before them. */
  clausesWithPronoun: Set<number>;
  /** Indexes into `terms` of the first term after a bare "and"/"but" (no comma before it). */
  coordinations: number[];
}

// Digit runs with inner separators; single ideographs or kana (scripts written without spaces); words.
const TOKEN_PATTERN =
  /\p{N}+(?:[.,]\p{N}+)*|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu;
// Characters between tokens that may close a sentence.
const STOP_CHARS = '.!?\u3002\uff01\uff1f';
// Characters a name may run across ("Müller-Ibáñez", "O'Neill", quoted titles).
const PLAIN_GAP_CHARS = '\'’"“”-';
const ASCII = /^[\x00-\x7f]*$/u;
// Clause openers that, after a comma, usually add a separate claim to the one before them.
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'which', 'while', 'whereas', 'because', 'although', 'though', 'but', 'however', 'who', 'where',
  'and', 'since', 'after', 'before', 'so',
]);
// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'jr', 'sr', 'dr', 'mr', 'mrs', 'ms', 'st', 'mt', 'vs', 'no', 'inc', 'ltd', 'co', 'corp', 'gen', 'col',
  'lt', 'capt', 'sgt', 'prof', 'rev', 'ft', 'approx', 'est', 'fig', 'vol',
]);
const DIACRITICS = /\p{M}+/gu;
const POSSESSIVE = /['’]s?$/u;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;
/** Run-on text is cut into pieces of at most this many terms: answer clauses, source sentences. */
const MAX_CLAUSE_TERMS = 24;
const MAX_SENTENCE_TERMS = 80;
const STEM_CACHE_LIMIT = 50_000;
/** Longer runs of capitalised words are headings or shouting, not one name. */
const MAX_NAME_TERMS = 8;

const stemCache = new Map<string, string>();

// Bounds said in several ways ("no more than 4 g" = "up to 4 g"), each replaced by one word.
const BOUND_PHRASE =
  /\b(?:(?:no|not) (?:more|greater|higher|less|fewer|lower) than|at (?:the )?(?:most|least)|up to|a (?:maximum|minimum) of)\b/gi;
const LOWER_BOUND = /less|fewer|lower|least|minimum/i;

function canonicalPhrases(text: string): string {
  return text.replace(BOUND_PHRASE, (phrase) => (LOWER_BOUND.test(phrase) ? 'atleast' : 'upto'));
}

export function stemOf(key: string): string {
  const cached = stemCache.get(key);
  if (cached !== undefined) return cached;
  const stem = key.length <= 3 ? key : stemmer(key);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(key, stem);
  return stem;
}

export function foldKey(word: string): string {
  const plain = ASCII.test(word) ? word : word.normalize('NFD').replace(DIACRITICS, '');
  return plain.toLowerCase().replace(POSSESSIVE, '');
}

interface Gap {
  newline: boolean;
  /** Holds end punctuation (. ! ? and their full-width forms). */
  stop: boolean;
  startsWithDot: boolean;
  semicolon: boolean;
  comma: boolean;
  /** Only spaces, quotes, apostrophes or hyphens: a name may run across it. */
  plain: boolean;
}

/** Reads the characters between two tokens without copying them. */
function readGap(text: string, start: number, end: number): Gap {
  const gap = { newline: false, stop: false, startsWithDot: false, semicolon: false, comma: false, plain: true };
  for (let at = start; at < end; at += 1) {
    const char = text.charAt(at);
    if (char === '\n') gap.newline = true;
    else if (char === ';') gap.semicolon = true;
    else if (char === ',') gap.comma = true;
    else if (STOP_CHARS.includes(char)) {
      gap.stop = true;
      if (at === start && char === '.') gap.startsWithDot = true;
    }
    if (!PLAIN_GAP_CHARS.includes(char) && !/\s/u.test(char)) gap.plain = false;
  }
  return gap;
}

function numberKey(digits: string): string {
  // "7,585" groups thousands; "3.5" is a decimal; anything else stays literal.
  const plain = THOUSANDS.test(digits) ? digits.replace(/,/g, '') : digits;
  const value = Number(plain);
  return Number.isFinite(value) ? `#${value}` : `#${plain}`;
}

function isUpperInitial(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

function isLowerInitial(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

function kindOf(key: string, capitalised: boolean, atSentenceStart: boolean): TermKind {
  if (cardinalWords.has(key)) return 'number';
  if (capitalised && !atSentenceStart) return 'entity';
  return relationWords.has(key) ? 'relation' : 'word';
}

/** Content terms of `text`; function words advance positions but are not returned. */
export function tokenize(text: string, options: TokenizeOptions): TokenizedText {
  const normalized = canonicalPhrases(text.normalize('NFKC'));
  const terms: Term[] = [];
  const clauseStarts: number[] = [0];
  const clausesWithPronoun = new Set<number>();
  const coordinations: number[] = [];
  let position = 0;
  let clause = 0;
  let clauseTerms = 0;
  let previousEnd = 0;
  let previousKey = '';
  let sentenceStart = true;
  let names = 0;
  // Whether the next capitalised word continues the name of the previous term.
  let nameOpen = false;
  let nameLength = 0;
  // The clause's first name: 0 not seen yet, 1 being read, 2 complete.
  let leadingState = 0;
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(normalized); match !== null; match = TOKEN_PATTERN.exec(normalized)) {
    const surface = match[0];
    const gap = readGap(normalized, previousEnd, match.index);
    previousEnd = match.index + surface.length;
    const key = foldKey(surface);
    position += 1;
    // "Wait... what" and "Dr. Lund" do not end a sentence; "Bergen.Oslo" (no space) does.
    const endsSentence =
      gap.newline ||
      (gap.stop &&
        !isLowerInitial(surface) &&
        !(gap.startsWithDot && (ABBREVIATIONS.has(previousKey) || previousKey.length === 1)));
    const endsClause =
      clauseTerms >= (options.splitClauses ? MAX_CLAUSE_TERMS : MAX_SENTENCE_TERMS) ||
      (options.splitClauses && (gap.semicolon || (gap.comma && CLAUSE_OPENERS.has(key))));
    if (endsSentence || endsClause) {
      if (clauseTerms > 0) {
        clause += 1;
        clauseStarts.push(position);
      }
      clauseTerms = 0;
      leadingState = 0;
      nameOpen = false;
      if (endsSentence) sentenceStart = true;
    }
    if (!gap.plain) nameOpen = false;
    const definite = clauseTerms === 0 && definiteDeterminers.has(previousKey) && gap.plain;
    previousKey = key;
    const atSentenceStart = sentenceStart;
    sentenceStart = false;
    if (key.length === 0 || (atSentenceStart && polarityWords.has(key))) continue;
    if (pronouns.has(key)) clausesWithPronoun.add(clause);
    if (coordinators.has(key) && clauseTerms > 0 && !endsClause) coordinations.push(terms.length);
    if (functionWords.has(key)) {
      if (!nameConnectors.has(key)) nameOpen = false;
      continue;
    }
    clauseTerms += 1;
    if (STARTS_WITH_DIGIT.test(surface)) {
      nameOpen = false;
      if (leadingState === 1) leadingState = 2;
      const stem = numberKey(surface);
      terms.push({ stem, key, kind: 'number', alt: undefined, position, clause, name: -1, definite, leading: false });
      continue;
    }
    const capitalised = isUpperInitial(surface);
    let kind = kindOf(key, capitalised, atSentenceStart);
    let name = -1;
    let leading = false;
    if (capitalised) {
      const previous = terms[terms.length - 1];
      if (nameOpen && previous !== undefined && nameLength < MAX_NAME_TERMS) {
        if (previous.name < 0) previous.name = names++;
        previous.kind = 'entity';
        name = previous.name;
        kind = 'entity';
        nameLength += 1;
      } else {
        nameLength = 1;
      }
      leading = leadingState === 0 || (leadingState === 1 && name >= 0);
      leadingState = leading ? 1 : 2;
      nameOpen = true;
    } else {
      nameOpen = false;
      if (leadingState === 1) leadingState = 2;
    }
    const value = numberWords.get(key);
    const alt = value === undefined ? undefined : `#${value}`;
    terms.push({ stem: stemOf(key), key, kind, alt, position, clause, name, definite, leading });
  }
  const clauseCount = clauseTerms > 0 ? clause + 1 : clause;
  return {
    terms,
    tokenCount: position,
    clauseCount,
    clauseStarts: clauseStarts.slice(0, Math.max(1, clauseCount)),
    clausesWithPronoun,
    coordinations,
  };
}
