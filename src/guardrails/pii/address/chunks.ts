/**
 * Splits the token stream into address-compatible chunks: runs of numbers, capitalised words,
 * street vocabulary and address punctuation, possibly over several lines. Lower-case prose
 * words and sentence punctuation end a chunk.
 */
import { INITIAL, LOWER, NEWLINE, NUM, PUNCT, WORD, type Tokens } from '../tokens.js';
import { ADDRESS_ABBREVIATIONS, ADDRESS_WORDS, STREET_COMPOUND_ENDINGS, isStreetCompound } from './lexicon.js';

export interface Chunk {
  from: number;
  to: number;
}

const JOINERS = ',-/#()\'’&–';
const LINE_MARKERS = '>?*•|-';

/** Longest word in the address vocabulary; longer lower-case words skip the set look-up. */
const MAX_ADDRESS_WORD = 12;

// First letters of the address vocabulary and last letters of compound street names: most prose
// words fail these cheap checks and are never sliced out of the text.
const FIRST_CODES = new Set([...ADDRESS_WORDS].map((w) => w.charCodeAt(0)));
const LAST_CODES = new Set(STREET_COMPOUND_ENDINGS.map((e) => e.charCodeAt(e.length - 1)));

export function addressWord(t: Tokens, i: number, lowerText: boolean): boolean {
  if (t.shape(i) !== LOWER || lowerText) return true;
  const len = t.length(i);
  const start = t.start[i] as number;
  if (len <= MAX_ADDRESS_WORD && FIRST_CODES.has(t.src.charCodeAt(start)) && ADDRESS_WORDS.has(t.text(i))) return true;
  return len >= 6 && LAST_CODES.has(t.src.charCodeAt(start + len - 1)) && isStreetCompound(t.text(i));
}

function atLineStart(t: Tokens, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const kind = t.kind(k);
    if (kind === NEWLINE) return true;
    if (kind === PUNCT && LINE_MARKERS.includes(t.text(k))) continue;
    return false;
  }
  return true;
}

function compatible(t: Tokens, i: number, lowerText: boolean, stop: ReadonlySet<string>): boolean {
  switch (t.kind(i)) {
    case NEWLINE:
      return true;
    case NUM:
      return t.length(i) <= 6;
    case WORD:
      if (lowerText && t.length(i) <= 8 && stop.has(t.lower(i))) return false;
      return addressWord(t, i, lowerText);
    case PUNCT: {
      if (t.length(i) !== 1) return false;
      const ch = t.text(i);
      if (JOINERS.includes(ch)) return true;
      if (ch === '.') {
        const prev = i - 1;
        if (t.spaceBefore(i) || prev < 0) return false;
        return t.kind(prev) === NUM || t.shape(prev) === INITIAL || (t.kind(prev) === WORD && t.length(prev) <= 4 && ADDRESS_ABBREVIATIONS.has(t.lower(prev)));
      }
      return LINE_MARKERS.includes(ch) && atLineStart(t, i);
    }
    default:
      return false;
  }
}

/** `stop` lists prose words that end a chunk in all-lower-case text. */
export function addressChunks(t: Tokens, lowerText: boolean, stop: ReadonlySet<string>): Chunk[] {
  const chunks: Chunk[] = [];
  let from = -1;
  let newlines = 0;
  const close = (to: number): void => {
    let end = to;
    while (end >= from && t.kind(end) !== NUM && t.kind(end) !== WORD) end--;
    if (from >= 0 && end >= from) chunks.push({ from, to: end });
    from = -1;
  };
  for (let i = 0; i < t.count; i++) {
    if (!compatible(t, i, lowerText, stop)) {
      if (from >= 0) close(i - 1);
      newlines = 0;
      continue;
    }
    const kind = t.kind(i);
    if (kind === NEWLINE) {
      newlines++;
      // A blank line may separate a city line from its country line, but not two paragraphs.
      if (newlines > 2 && from >= 0) close(i - 1);
      continue;
    }
    newlines = 0;
    if (from < 0) {
      if (kind === PUNCT) continue;
      from = i;
    }
  }
  if (from >= 0) close(t.count - 1);
  return chunks;
}
