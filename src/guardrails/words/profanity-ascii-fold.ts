/**
 * The profanity fold (profanity-text.ts) specialised to ASCII characters that map to a single
 * unit: one table lookup per character, the run collapse inlined. It folds as far as it can and
 * stops at the first character the general path must judge (non-ASCII, or edge punctuation next
 * to non-ASCII); both paths produce the same units and offsets.
 */
import type { CodePointMapper } from '../text-normalize.js';
import { THRESHOLD_BY_CODE } from './fold-output.js';
import type { FoldOutput } from './fold-output.js';

export interface AsciiFoldRules {
  /** 1 for punctuation read as a letter only inside a word */
  edgeLeet: Uint8Array;
  /** 1 for ASCII characters that count as part of a word next to such punctuation */
  wordish: Uint8Array;
}

const LEET_AT_EDGE = -2;

/** Folds source (whose UTF-16 units are `units`) from `from` into `out`; returns where it stopped. */
export type AsciiRunFold = (source: string, units: Uint16Array, from: number, out: FoldOutput) => number;

export function compileAsciiRunFold(mapCodePoint: CodePointMapper, rules: AsciiFoldRules): AsciiRunFold {
  const { edgeLeet, wordish } = rules;
  const byteUnit = (code: number): number => {
    const mapped = mapCodePoint(code);
    return mapped.length === 1 && mapped.charCodeAt(0) <= 0xff ? mapped.charCodeAt(0) : -1;
  };
  // Folded unit per ASCII character; LEET_AT_EDGE for edge punctuation, whose in-word unit is in
  // `leetUnits`; -1 when the mapping is not a single byte (the general path handles those).
  const units = new Int32Array(0x80).map((_, code) => (edgeLeet[code] === 1 ? LEET_AT_EDGE : byteUnit(code)));
  const leetUnits = new Int32Array(0x80).map((_, code) => byteUnit(code));

  return (source, sourceUnits, from, out) => {
    out.reserve(source.length - from);
    const { starts, ends, wide } = out;
    const target = wide ? out.wideUnits : out.bytes;
    const sourceLength = source.length;
    let { length, previous, run } = out;
    let i = from;
    for (; i < sourceLength; i++) {
      const code = sourceUnits[i]!;
      if (code >= 0x80) break;
      let unit = units[code] ?? -1;
      if (unit < 0) {
        if (unit !== LEET_AT_EDGE) break;
        // Outside the text a neighbour reads as NaN, as charCodeAt gives it: not a word character.
        const before = i > 0 ? sourceUnits[i - 1]! : Number.NaN;
        const after = i + 1 < sourceLength ? sourceUnits[i + 1]! : Number.NaN;
        if (before >= 0x80 || after >= 0x80) break;
        unit = wordish[before] === 1 && wordish[after] === 1 ? (leetUnits[code] ?? -1) : code;
        if (unit < 0) break;
      }
      if (unit === previous) {
        run++;
        if (run > (THRESHOLD_BY_CODE[unit] ?? 1)) {
          starts[length - 1] = i;
          ends[length - 1] = i + 1;
          continue;
        }
      } else {
        previous = unit;
        run = 1;
      }
      target[length] = unit;
      starts[length] = i;
      ends[length] = i + 1;
      length++;
    }
    out.length = length;
    out.previous = previous;
    out.run = run;
    return i;
  };
}
