/**
 * Splits text into word tokens with offsets into the original string and a normalised form that
 * survives the usual obfuscations: case, accents, look-alike letters, leetspeak, masked letters,
 * zero-width characters, elongation ("fuuuck") and spaced-out letters ("k i l l").
 */
import { MAX_TABLE_WORD, TextUnits, WORD_HASH_SEED, WordTable, hashString, hashUnit } from '../text-units.js';
import { allocateTokenArrays, type TokenBuffers } from './token-buffers.js';

/** Token arrays may be longer than `length` (reused buffers); entries past `length` are stale. */
export interface TokenStream {
  /** normalised token text (lower case, de-obfuscated) */
  norm: string[];
  /** `norm` with every run of a repeated letter squeezed to one, or '' when no run of 3+ exists */
  squeezed: string[];
  start: Int32Array;
  end: Int32Array;
  /** sentence index of each token; patterns never span two sentences */
  sentence: Int32Array;
  /** 1 when the raw token was written in capitals (used for persona names such as DAN) */
  caps: Uint8Array;
  /** `hashString` of each `norm`, for quick negative lookups (see PatternIndex) */
  hash: Int32Array;
  /** what the caller's `classify` says of each token (see TokenizeOptions); ALL_TOKEN_FLAGS without one */
  flags: Uint8Array;
  length: number;
}

/**
 * Flags the content matchers attach to tokens: a clear flag says the token surely is not what it
 * names, so the matcher skips its lookups for that token.
 */
export const ANCHORS_RULE = 1;
export const HEADS_SPLIT_WORD = 2;
export const ANCHORS_SIGNAL = 4;
export const ALL_TOKEN_FLAGS = 7;

/** Classifies a token by its normalised form, squeezed form and hash (see `TokenStream.flags`). */
export type TokenClassifier = (norm: string, squeezed: string, hash: number) => number;

const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const MARKS_RE = /\p{M}/gu;
const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;
const HAS_LETTER_RE = /\p{L}/u;

const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', '$': 's', '!': 'i', '|': 'l',
};

// Cyrillic and Greek letters that render like Latin ones.
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', α: 'a', β: 'b', ε: 'e', ι: 'i',
  κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ß: 'ss',
};

// ASCII character classes for the scanner
const SEP = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const SYMBOL = 4; // ' @ $ * ! | inside words (leet, masks, contractions)
const ASCII_CLASS = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LOWER;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = UPPER;
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (const ch of "'@$*!|") ASCII_CLASS[ch.charCodeAt(0)] = SYMBOL;

function isWordCode(text: string, i: number, c: number): boolean {
  if (c === 0x2019 || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) return true;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR_RE.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return WORD_CHAR_RE.test(text.slice(i - 1, i + 1));
  return WORD_CHAR_RE.test(text[i] as string);
}

export interface TokenizeOptions {
  /** Resolves a token containing `*` masks ("f*ck") to a known word, or returns undefined. */
  unmask?: (masked: string) => string | undefined;
  /** Words the caller looks for; lets "a n i g g e r" read as "a" plus a known word. */
  known?: ReadonlySet<string>;
  /** Arrays to fill instead of allocating; the previous stream built on them becomes invalid. */
  buffers?: TokenBuffers;
  /**
   * Flags for each token, worked out once per distinct token of ASCII letters (they repeat from
   * text to text) and kept with it; other tokens are classified each time.
   */
  classify?: TokenClassifier;
}

// The text is read from a typed copy (faster than charCodeAt), and tokens of ASCII letters only,
// most of any text, are looked up by their units: a token seen before gets the same string as
// last time, without a slice, a lower-casing or a fresh string hash in the lookups that follow.
const textUnits = new TextUnits();
const letterTokens = new WordTable<LetterToken>(4096);

/** A token of ASCII letters as the stream holds it: lower-cased, its squeezed form, and its flags. */
interface LetterToken {
  norm: string;
  squeezed: string;
  flags: number;
  /** the number of the classifier the flags are from (0: none), which does not keep it alive */
  classifier: number;
}

// Classifiers by number, so a cached token does not hold on to the caller that classified it.
const classifierNumbers = new WeakMap<TokenClassifier, number>();
let classifierCount = 0;

function classifierNumber(classify: TokenClassifier | undefined): number {
  if (classify === undefined) return 0;
  let number = classifierNumbers.get(classify);
  if (number === undefined) {
    number = ++classifierCount;
    classifierNumbers.set(classify, number);
  }
  return number;
}
const tokenKey = new Uint16Array(MAX_TABLE_WORD);

export function tokenize(text: string, options: TokenizeOptions = {}): TokenStream {
  // a token takes at least one character and one separator, which bounds the token count
  const capacity = (text.length >> 1) + 1;
  const { norm, squeezed, start, end, sentence, caps, hash: hashes, flags } = options.buffers?.take(capacity) ?? allocateTokenArrays(capacity);
  const classify = options.classify;
  const classifier = classifierNumber(classify);
  const units = textUnits.load(text);
  let count = 0;
  let sentenceIndex = 0;
  let boundary = false;
  let gluedDot = false;
  let singleRun = 0;
  let hasSpacedLetters = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = units[i]!;
    // a space is the commonest separator and changes nothing
    if (c === 32) {
      i++;
      continue;
    }
    let cls = c < 128 ? (ASCII_CLASS[c] as number) : isWordCode(text, i, c) ? 5 : SEP;
    if (cls === SEP) {
      if (c === 63 || c === 10 || c === 59 || c === 0x3002 || c === 0xff01 || c === 0xff1f) boundary = true;
      else if (c === 46) {
        // a dot before a space, a quote or the end ends a sentence; one glued to the next word
        // ("change.yall") does too unless a single letter is on either side ("e.g.", "n.i.c.e")
        const next = i + 1 < n ? units[i + 1]! : 32;
        if (next === 32 || next === 9 || next === 10 || next === 13 || next === 34 || next === 0x201d) boundary = true;
        else if (count > 0 && end[count - 1] === i && i - (start[count - 1] as number) > 1) gluedDot = true;
      }
      i++;
      continue;
    }
    const from = i;
    let lower = 0;
    let upper = 0;
    let digits = 0;
    let other = 0;
    let nonAscii = 0;
    let hash = WORD_HASH_SEED;
    while (i < n) {
      c = units[i]!;
      // lower-case letters, most of any text, take the short way
      if (c >= 97 && c <= 122) {
        lower++;
        hash = hashUnit(hash, c);
        i++;
        continue;
      }
      cls = c < 128 ? (ASCII_CLASS[c] as number) : isWordCode(text, i, c) ? 5 : SEP;
      if (cls === SEP) break;
      if (cls === LOWER) lower++;
      else if (cls === UPPER) upper++;
      else if (cls === DIGIT) digits++;
      else {
        other++;
        if (c >= 128) nonAscii++;
      }
      hash = hashUnit(hash, cls === UPPER ? c | 0x20 : c);
      i++;
    }
    let s = from;
    let e = i;
    // digits were counted apart only for the fast paths below; the rest of the scan counts them as `other`
    const alphanumeric = other === 0;
    other += digits;
    if (other > 0) {
      // edge symbols are punctuation ("idiot!", "**bold**", "@user"), except `$` which is leet ("a$$")
      while (s < e && isEdgeSymbol(units[s]!)) s++;
      while (e > s && isEdgeSymbol(units[e - 1]!) && units[e - 1] !== 36) e--;
      if (e <= s) {
        if (text.slice(from, i).includes('!')) boundary = true;
        continue;
      }
      const tail = text.slice(e, i);
      // "f***" and "a**": trailing stars after a short stem are masked letters, not punctuation
      if (tail !== '' && e - s <= 3 && /^\*+$/.test(tail)) e = i;
    }
    if (gluedDot && e - s > 1 && s === from && (start[count - 1] as number) < s) boundary = true;
    gluedDot = false;
    if (boundary && count > 0) sentenceIndex++;
    if (s > from && text.slice(from, s).includes('!') && count > 0 && !boundary) sentenceIndex++;
    boundary = e < i && text.slice(e, i).includes('!');
    let value: string;
    let squeezedValue: string;
    let tokenFlags: number;
    let isCaps = 0;
    if (other === 0) {
      // ASCII letters only: the token lower-cased, as the general path below would make it
      const token = letterToken(text, units, s, e, upper > 0, hash, classify, classifier);
      value = token.norm;
      squeezedValue = token.squeezed;
      tokenFlags = token.flags;
      isCaps = upper > 1 && lower === 0 ? 1 : 0;
    } else if (alphanumeric && lower + upper === 0) {
      // ASCII digits only: a number, which the general path would leave as it is
      value = text.slice(s, e);
      squeezedValue = squeezeRuns(value);
      tokenFlags = classify ? classify(value, squeezedValue, hash) : ALL_TOKEN_FLAGS;
    } else {
      const token = text.slice(s, e);
      // edge symbols hold no letters, so the word's letter counts are the token's
      if (nonAscii === 0) isCaps = e - s > 1 && lower === 0 && upper > 0 ? 1 : 0;
      else isCaps = token.length > 1 && token === token.toUpperCase() && token !== token.toLowerCase() ? 1 : 0;
      value = normaliseCached(token);
      if (value.includes('*')) value = options.unmask?.(value) ?? value;
      squeezedValue = squeezeRuns(value);
      hash = hashString(value);
      tokenFlags = classify ? classify(value, squeezedValue, hash) : ALL_TOKEN_FLAGS;
    }
    singleRun = e - s === 1 ? singleRun + 1 : 0;
    if (singleRun >= 3) hasSpacedLetters = true;
    norm[count] = value;
    squeezed[count] = squeezedValue;
    start[count] = s;
    end[count] = e;
    sentence[count] = sentenceIndex;
    caps[count] = isCaps;
    hashes[count] = hash;
    flags[count] = tokenFlags;
    count++;
  }
  const tokens: TokenStream = { norm, squeezed, start, end, sentence, caps, hash: hashes, flags, length: count };
  return hasSpacedLetters ? joinSpacedLetters(text, tokens, options.known, classify) : tokens;
}

/** The token `text[s, e)` of ASCII letters (`units` are the text's); `hash` is that of the lower-cased token. */
function letterToken(text: string, units: Uint16Array, s: number, e: number, hasUpper: boolean, hash: number, classify: TokenClassifier | undefined, classifier: number): LetterToken {
  const length = e - s;
  if (length > MAX_TABLE_WORD) return newLetterToken(text, s, e, hasUpper, hash, classify, classifier);
  // a token in lower case is its own key; one with capitals is keyed by a lower-cased copy
  let keyUnits = units;
  let keyStart = s;
  if (hasUpper) {
    for (let k = 0; k < length; k++) tokenKey[k] = units[s + k]! | 0x20;
    keyUnits = tokenKey;
    keyStart = 0;
  }
  const known = letterTokens.get(keyUnits, keyStart, length, hash);
  if (known !== undefined) {
    // flags of another classifier (another caller) are worked out again
    if (known.classifier !== classifier) {
      known.flags = classify ? classify(known.norm, known.squeezed, hash) : ALL_TOKEN_FLAGS;
      known.classifier = classifier;
    }
    return known;
  }
  const token = newLetterToken(text, s, e, hasUpper, hash, classify, classifier);
  letterTokens.set(keyUnits, keyStart, length, hash, token);
  return token;
}

function newLetterToken(text: string, s: number, e: number, hasUpper: boolean, hash: number, classify: TokenClassifier | undefined, classifier: number): LetterToken {
  const norm = hasUpper ? text.slice(s, e).toLowerCase() : text.slice(s, e);
  const squeezed = squeezeRuns(norm);
  return { norm, squeezed, flags: classify ? classify(norm, squeezed, hash) : ALL_TOKEN_FLAGS, classifier };
}

function isEdgeSymbol(code: number): boolean {
  // ' ’ @ * ! | and $ (36); `$` is only stripped at the start
  return code === 39 || code === 0x2019 || code === 64 || code === 42 || code === 33 || code === 124 || code === 36;
}

/**
 * Normalised forms of recent tokens. Tokens that need normalising (contractions, leet, accents)
 * repeat within a text; a hit saves the regex tests and the strings built along the way.
 */
const normalised = new Map<string, string>();
const MAX_NORMALISED = 4096;
/** Longer tokens are normalised every time, so the cache cannot pin large strings. */
const MAX_CACHED_TOKEN = 32;

function normaliseCached(token: string): string {
  if (token.length > MAX_CACHED_TOKEN) return normaliseToken(token);
  let value = normalised.get(token);
  if (value === undefined) {
    value = normaliseToken(token);
    // cleared rather than evicted one by one: a flood of distinct tokens is not worth keeping
    if (normalised.size >= MAX_NORMALISED) normalised.clear();
    normalised.set(token, value);
  }
  return value;
}

export function normaliseToken(token: string): string {
  let lower = token.toLowerCase().replace(/’/g, "'");
  if (/[^\x00-\x7f]/.test(lower)) {
    lower = lower.replace(INVISIBLE_RE, '').normalize('NFKD').replace(MARKS_RE, '');
    let mapped = '';
    for (const ch of lower) mapped += HOMOGLYPHS[ch] ?? ch;
    lower = mapped;
  }
  // Leetspeak only inside words that also have letters, so "2021" and "1488" stay numbers.
  if (/[0-9@$!|]/.test(lower) && HAS_LETTER_RE.test(lower)) {
    let mapped = '';
    for (const ch of lower) mapped += LEET[ch] ?? ch;
    lower = mapped;
  }
  return stripPossessive(lower);
}

function stripPossessive(word: string): string {
  return word.endsWith("'s") && word.length > 3 ? word.slice(0, -2) : word;
}

/** Squeezes runs of a repeated character to one when any run is 3+ long; '' otherwise. */
export function squeezeRuns(word: string): string {
  let hasLongRun = false;
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) {
      hasLongRun = true;
      break;
    }
  }
  return hasLongRun ? squeezeAll(word) : '';
}

/** Squeezes every run of a repeated character to one; the word itself when it has none. */
export function squeezeAll(word: string): string {
  let i = 1;
  while (i < word.length && word.charCodeAt(i) !== word.charCodeAt(i - 1)) i++;
  if (i >= word.length) return word;
  let out = word.slice(0, i);
  for (; i < word.length; i++) if (word[i] !== word[i - 1]) out += word[i];
  return out;
}

/**
 * Joins runs of 3+ single-letter tokens separated by short gaps on one line ("k i l l",
 * "n.i.g.g.e.r") into one token, so spelled-out words match like written ones.
 */
function joinSpacedLetters(text: string, tokens: TokenStream, known: ReadonlySet<string> | undefined, classify: TokenClassifier | undefined): TokenStream {
  const { norm, squeezed, start, end, sentence, caps, hash, flags } = tokens;
  const n = tokens.length;
  let write = 0;
  let read = 0;
  while (read < n) {
    let last = read;
    // the run goes on while single characters are split by the same short gap ("k i l l", "f.u.c.k")
    // only two single characters in a row can start a run; the gap is not needed otherwise
    const gap =
      read + 1 < n && (end[read] as number) - (start[read] as number) === 1 && (end[read + 1] as number) - (start[read + 1] as number) === 1
        ? text.slice(end[read] as number, start[read + 1] as number)
        : '';
    while (
      last + 1 < n &&
      gap.length <= 2 &&
      !gap.includes('\n') &&
      (end[last] as number) - (start[last] as number) === 1 &&
      (end[last + 1] as number) - (start[last + 1] as number) === 1 &&
      text.startsWith(gap, end[last] as number) &&
      (start[last + 1] as number) - (end[last] as number) === gap.length
    ) {
      last++;
    }
    let joined = '';
    if (last - read >= 2) {
      for (let k = read; k <= last; k++) joined += text[start[k] as number];
      // runs of digits ("1 1 2 0") are numbers, not a spelled-out word
      if (!/[a-z].*[a-z]/i.test(joined)) joined = '';
    }
    // a leading "a" or "I" is often a word of its own before the spelled-out one
    if (joined !== '' && known && !known.has(normaliseToken(joined)) && /^[ai]/i.test(joined)) {
      const rest = normaliseToken(joined.slice(1));
      if (known.has(rest)) {
        start[write] = start[read] as number;
        sentence[write] = sentence[read] as number;
        norm[write] = norm[read] as string;
        squeezed[write] = '';
        caps[write] = 0;
        hash[write] = hash[read] as number;
        flags[write] = flags[read] as number;
        end[write] = end[read] as number;
        write++;
        read++;
        joined = joined.slice(1);
      }
    }
    if (joined !== '') {
      const value = normaliseToken(joined);
      start[write] = start[read] as number;
      sentence[write] = sentence[read] as number;
      norm[write] = value;
      squeezed[write] = squeezeRuns(value);
      caps[write] = joined === joined.toUpperCase() && joined !== joined.toLowerCase() ? 1 : 0;
      hash[write] = hashString(value);
      flags[write] = classify ? classify(value, squeezed[write] as string, hash[write] as number) : ALL_TOKEN_FLAGS;
      end[write] = end[last] as number;
      write++;
      read = last + 1;
      continue;
    }
    // not joined: copy the whole run as it is, so a long run is looked at once
    if (write === read) {
      write += last + 1 - read;
      read = last + 1;
      continue;
    }
    for (; read <= last; read++, write++) {
      start[write] = start[read] as number;
      sentence[write] = sentence[read] as number;
      norm[write] = norm[read] as string;
      squeezed[write] = squeezed[read] as string;
      caps[write] = caps[read] as number;
      hash[write] = hash[read] as number;
      flags[write] = flags[read] as number;
      end[write] = end[read] as number;
    }
  }
  return { norm, squeezed, start, end, sentence, caps, hash, flags, length: write };
}
