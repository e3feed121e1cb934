/**
 * The folded text the profanity patterns run on, built like obscenity's recommended English
 * transformers: confusable characters resolved, leet speak resolved ($ -> s, 1 -> i, @ -> a...),
 * ASCII lower case, and runs of one character collapsed.
 *
 * The per-character transformers are taken from obscenity and composed with this project's Unicode
 * folding (so full-width, accented and invisible-character spellings resolve too) into one cached
 * table; the scan applies it, reads edge punctuation and collapses runs in a single pass, keeping
 * the offset map back to the source text.
 */
import { englishRecommendedBlacklistMatcherTransformers } from 'obscenity';
import type { TransformerContainer, TransformerFn } from 'obscenity';
import { cachedMapper, foldCodePointCached } from '../text-normalize.js';
import type { CodePointMapper, FoldedText } from '../text-normalize.js';

export interface ProfanityText {
  /** per code point mapping (leet, confusables, case, folding), exposed for token checks */
  mapCodePoint: CodePointMapper;
  /** folds a source text, collapsing runs; what the patterns run on */
  fold: (source: string) => FoldedText;
}

// A character may repeat up to its threshold: two for letters English doubles (b, e, o, l, s, g),
// one for everything else. These are the recommended transformer's settings, applied over char
// codes because calling the stateful transformer per character was the slowest step of the scan.
const COLLAPSE_THRESHOLDS: [string, number][] = [['b', 2], ['e', 2], ['o', 2], ['l', 2], ['s', 2], ['g', 2]];
const THRESHOLD_BY_CODE = new Uint8Array(0x10000).fill(1);
for (const [char, threshold] of COLLAPSE_THRESHOLDS) THRESHOLD_BY_CODE[char.charCodeAt(0)] = threshold;

// Punctuation that doubles as a letter in leet ("sh!t", "b|tch") is read as a letter only inside a
// word; at a word edge it stays punctuation, or "hoes!" would read "hoesi" and "(cunt)" "ccunt".
const EDGE_LEET = new Uint8Array(0x80);
for (const char of '!|(/') EDGE_LEET[char.charCodeAt(0)] = 1;
const WORDISH = /[\p{L}\p{N}$@*]/u;
const ASCII_WORDISH = new Uint8Array(0x80).map((_, code) => (WORDISH.test(String.fromCharCode(code)) ? 1 : 0));

const decoder = new TextDecoder('utf-16le');

export function compileProfanityText(): ProfanityText {
  const perCharacter: TransformerFn[] = [];
  for (const container of englishRecommendedBlacklistMatcherTransformers as TransformerContainer[]) {
    if ('transform' in container) perCharacter.push(container.transform);
  }
  const mapCodePoint = cachedMapper(composeMapper(perCharacter));
  // Single-unit results of the BMP: unit + 1; 0 = not computed yet; -1 = take the string path.
  const single = new Int32Array(0x10000);
  return { mapCodePoint, fold: (source) => foldForProfanity(source, mapCodePoint, single) };
}

/** Confusables first (they are defined on raw code points), then folding, then leet and case. */
function composeMapper(steps: TransformerFn[]): CodePointMapper {
  const [first, ...rest] = steps;
  return (codePoint) => {
    const resolved = first ? (first(codePoint) ?? codePoint) : codePoint;
    let out = '';
    for (const char of foldCodePointCached(resolved)) {
      let current: number | undefined = char.codePointAt(0);
      for (const step of rest) {
        if (current === undefined) break;
        current = step(current);
      }
      if (current !== undefined) out += String.fromCodePoint(current);
    }
    return out;
  };
}

function foldForProfanity(source: string, mapCodePoint: CodePointMapper, single: Int32Array): FoldedText {
  let capacity = source.length + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity + 1);
  let ends = new Int32Array(capacity + 1);
  let length = 0;
  let previous = -1;
  let run = 0;
  for (let i = 0; i < source.length; ) {
    const code = source.charCodeAt(i);
    let mapped: string | undefined;
    let unit = -1;
    let width = 1;
    if (code < 0xd800 || code > 0xdfff) {
      let known = single[code] ?? -1;
      if (known === 0) {
        const result = mapCodePoint(code);
        known = result.length === 1 ? result.charCodeAt(0) + 1 : -1;
        single[code] = known;
      }
      if (known > 0) unit = known - 1;
      else mapped = mapCodePoint(code);
      if (code < 0x80 && EDGE_LEET[code] === 1 && !(isWordish(source, i - 1) && isWordish(source, i + 1))) {
        unit = code;
        mapped = undefined;
      }
    } else {
      const codePoint = source.codePointAt(i) ?? code;
      width = codePoint > 0xffff ? 2 : 1;
      mapped = mapCodePoint(codePoint);
    }
    const count = mapped === undefined ? 1 : mapped.length;
    if (length + count >= capacity) {
      capacity = capacity * 2 + count;
      units = grow(units, new Uint16Array(capacity));
      starts = grow(starts, new Int32Array(capacity + 1));
      ends = grow(ends, new Int32Array(capacity + 1));
    }
    for (let k = 0; k < count; k++) {
      const next = mapped === undefined ? unit : mapped.charCodeAt(k);
      if (next === previous) {
        run++;
        if (run > (THRESHOLD_BY_CODE[next] ?? 1)) {
          // The kept unit stands for the last character of its run, so "trafficking" maps its
          // "fick" to the source "fick" (whitelisted) and not to "ffick".
          starts[length - 1] = i;
          ends[length - 1] = i + width;
          continue;
        }
      } else {
        previous = next;
        run = 1;
      }
      units[length] = next;
      starts[length] = i;
      ends[length] = i + width;
      length++;
    }
    i += width;
  }
  starts[length] = source.length;
  ends[length] = source.length;
  return {
    text: decoder.decode(units.subarray(0, length)),
    starts: starts.subarray(0, length + 1),
    ends: ends.subarray(0, length + 1),
  };
}

function isWordish(source: string, index: number): boolean {
  if (index < 0 || index >= source.length) return false;
  const code = source.charCodeAt(index);
  return code < 0x80 ? ASCII_WORDISH[code] === 1 : WORDISH.test(source[index] ?? '');
}

function grow<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
