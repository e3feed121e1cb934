/**
 * Counts o200k tokens the way gpt-tokenizer's `countTokens` does with no special tokens allowed:
 * the text is split by the encoding's pre-tokenizer pattern, a piece that is one token counts 1,
 * any other is byte-pair merged (lowest rank first, leftmost on ties) and counts its parts.
 * The text is encoded to UTF-8 once into a reused buffer and pieces are byte ranges of it, so a
 * count allocates nothing per piece.
 */
import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';
import type { BpeTable } from './bpe-table.js';

const NO_RANK = 0x7fffffff;

/** `split` is the pre-tokenizer pattern (o200k's unless a test passes another). */
export function createBpeCounter(table: BpeTable, split: RegExp = O200K_TOKEN_SPLIT_REGEX): (text: string) => number {
  const { source, flags } = split;
  // Sticky: o200k's pattern covers every character, so each piece starts where the last one ended.
  const sticky = new RegExp(source, `${flags.replace('g', '')}y`);
  // Where a pattern does not, the search goes on as matchAll would, skipping what matches nothing.
  const search = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(3072);
  let starts = new Int32Array(257);
  let ranks = new Int32Array(257);

  const rankAt = (i: number, parts: number): number => {
    if (i + 2 >= parts) return NO_RANK;
    const rank = table.rankOf(bytes, starts[i] as number, starts[i + 2] as number);
    return rank < 0 ? NO_RANK : rank;
  };

  /** Number of tokens byte-pair merging leaves of bytes[from, to). */
  const mergeCount = (from: number, to: number): number => {
    const length = to - from;
    if (starts.length < length + 1) {
      starts = new Int32Array(length + 1);
      ranks = new Int32Array(length + 1);
    }
    let parts = length + 1;
    for (let i = 0; i < parts; i++) starts[i] = from + i;
    for (let i = 0; i < parts; i++) ranks[i] = rankAt(i, parts);
    while (parts > 1) {
      let lowest = NO_RANK;
      let at = -1;
      for (let i = 0; i < parts - 1; i++) {
        const rank = ranks[i] as number;
        if (rank < lowest) {
          lowest = rank;
          at = i;
        }
      }
      if (at === -1) break;
      starts.copyWithin(at + 1, at + 2, parts);
      ranks.copyWithin(at, at + 1, parts);
      parts--;
      ranks[at] = rankAt(at, parts);
      if (at > 0) ranks[at - 1] = rankAt(at - 1, parts);
    }
    return parts - 1;
  };

  /** The next non-empty piece at or after `from`, found by searching. */
  const searchPiece = (text: string, from: number): { start: number; end: number } | null => {
    search.lastIndex = from;
    for (let m = search.exec(text); m !== null; m = search.exec(text)) {
      if (m[0].length > 0) return { start: m.index, end: m.index + m[0].length };
      // an empty match holds no token; step over one code point, as matchAll does
      search.lastIndex = m.index + (isPairAt(text, m.index) ? 2 : 1);
    }
    return null;
  };

  return (text) => {
    if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3);
    encoder.encodeInto(text, bytes);
    let tokens = 0;
    let char = 0;
    let byte = 0;
    while (char < text.length) {
      let start = char;
      let end: number;
      sticky.lastIndex = char;
      if (sticky.test(text) && sticky.lastIndex > char) {
        end = sticky.lastIndex;
      } else {
        const piece = searchPiece(text, char);
        if (!piece) break;
        byte += utf8Length(text, char, piece.start).bytes;
        start = piece.start;
        end = piece.end;
      }
      const { bytes: length, lone } = utf8Length(text, start, end);
      // A lone surrogate encodes as U+FFFD, which is a token; the package looks the piece up as a
      // string first and so never matches it whole, only through merging.
      tokens += !lone && table.rankOf(bytes, byte, byte + length) >= 0 ? 1 : mergeCount(byte, byte + length);
      char = end;
      byte += length;
    }
    return tokens;
  };
}

// Reused by every call (and read at once): a result object per piece would be garbage per token.
const lengthResult = { bytes: 0, lone: false };

/** UTF-8 length of text[from, to) as TextEncoder writes it, and whether it holds a lone surrogate. */
function utf8Length(text: string, from: number, to: number): { bytes: number; lone: boolean } {
  let bytes = 0;
  let lone = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && isPairAt(text, k)) {
        bytes += 4;
        k++;
      } else {
        bytes += 3;
        lone = true;
      }
    } else bytes += 3;
  }
  lengthResult.bytes = bytes;
  lengthResult.lone = lone;
  return lengthResult;
}

function isPairAt(text: string, k: number): boolean {
  const high = text.charCodeAt(k);
  const low = text.charCodeAt(k + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
