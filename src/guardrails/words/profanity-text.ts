/**
 * The folded text the profanity patterns run on, built like obscenity's recommended English
 * transformers: confusable characters resolved, leet speak resolved ($ -> s, 1 -> i, @ -> a...),
 * ASCII lower case, and runs of one character collapsed.
 *
 * The per-character transformers are taken from obscenity and composed with this project's Unicode
 * folding (so full-width, accented and invisible-character spellings resolve too) into one cached
 * table; the scan applies it, reads edge punctuation and collapses runs in a single pass, keeping
 * the offset map back to the source text. ASCII stretches take a table-driven fast path
 * (profanity-ascii-fold.ts); other characters go through the general mapping one at a time.
 */
import { englishRecommendedBlacklistMatcherTransformers } from 'obscenity';
import type { TransformerContainer, TransformerFn } from 'obscenity';
import { cachedMapper, foldCodePointCached } from '../text-normalize.js';
import { TextUnits } from '../text-units.js';
import type { CodePointMapper, FoldedText } from '../text-normalize.js';
import { foldOutput } from './fold-output.js';
import type { FoldOutput } from './fold-output.js';
import { compileAsciiRunFold } from './profanity-ascii-fold.js';

export interface ProfanityText {
  /** per code point mapping (leet, confusables, case, folding), exposed for token checks */
  mapCodePoint: CodePointMapper;
  /**
   * folds a source text, collapsing runs; what the patterns run on. The offset maps are buffers
   * the next fold overwrites (see fold-output.ts), so read them before folding again.
   */
  fold: (source: string) => FoldedText;
}

// Punctuation that doubles as a letter in leet ("sh!t", "b|tch") is read as a letter only inside a
// word; at a word edge it stays punctuation, or "hoes!" would read "hoesi" and "(cunt)" "ccunt".
const EDGE_LEET = new Uint8Array(0x80);
for (const char of '!|(/') EDGE_LEET[char.charCodeAt(0)] = 1;
const WORDISH = /[\p{L}\p{N}$@*]/u;
const ASCII_WORDISH = new Uint8Array(0x80).map((_, code) => (WORDISH.test(String.fromCharCode(code)) ? 1 : 0));

export function compileProfanityText(): ProfanityText {
  const perCharacter: TransformerFn[] = [];
  for (const container of englishRecommendedBlacklistMatcherTransformers as TransformerContainer[]) {
    if ('transform' in container) perCharacter.push(container.transform);
  }
  const mapCodePoint = cachedMapper(composeMapper(perCharacter));
  // Single-unit results of the BMP: unit + 1; 0 = not computed yet; -1 = take the string path.
  const single = new Int32Array(0x10000);
  const foldAsciiRun = compileAsciiRunFold(mapCodePoint, { edgeLeet: EDGE_LEET, wordish: ASCII_WORDISH });
  const sourceUnits = new TextUnits();
  return {
    mapCodePoint,
    fold: (source) => {
      const out = foldOutput(source.length + 16);
      const units = sourceUnits.load(source);
      // The fast path folds what it can; the general one takes one code point, then back again.
      for (let i = 0; i < source.length; ) {
        i = foldAsciiRun(source, units, i, out);
        if (i < source.length) i = foldCodePointAt(source, i, out, mapCodePoint, single);
      }
      return out.finish(source.length);
    },
  };
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

/** Folds the code point at `i` into `out`; returns the index after it. */
function foldCodePointAt(
  source: string,
  i: number,
  out: FoldOutput,
  mapCodePoint: CodePointMapper,
  single: Int32Array,
): number {
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
  if (mapped === undefined) {
    out.reserve(1);
    out.push(unit, i, i + width);
  } else {
    out.reserve(mapped.length);
    for (let k = 0; k < mapped.length; k++) out.push(mapped.charCodeAt(k), i, i + width);
  }
  return i + width;
}

function isWordish(source: string, index: number): boolean {
  if (index < 0 || index >= source.length) return false;
  const code = source.charCodeAt(index);
  return code < 0x80 ? ASCII_WORDISH[code] === 1 : WORDISH.test(source[index] ?? '');
}
