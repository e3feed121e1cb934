/**
 * Unicode folding for matchers that work on a simplified copy of the text.
 *
 * Every source code point is mapped on its own to zero or more folded UTF-16 units, so each folded
 * unit knows exactly which source code point produced it. That keeps the offset map exact (spans
 * found in folded text map back to source offsets) at the price of ignoring folds that span several
 * code points; decomposition (NFKD) plus dropping combining diacritics makes that harmless for the
 * Latin, Greek and Cyrillic scripts, where composed and decomposed spellings fold the same way.
 */
import { Buffer } from 'node:buffer';
import type { Span } from './types.js';

export interface FoldedText {
  text: string;
  /** starts[i]: source offset of the code point that produced folded unit i; starts[len] = source length */
  starts: Int32Array;
  /** ends[i] (i < text length): source offset just past that code point */
  ends: Int32Array;
}

/** Maps one code point to its replacement ('' drops it). Must be pure: results are cached by callers. */
export type CodePointMapper = (codePoint: number) => string;

// Invisible characters used to split words past a filter: zero-width space/joiners, direction
// marks, embeddings and isolates, word joiner, soft hyphen, BOM, Mongolian vowel separator,
// invisible operators, variation selectors, tags.
const INVISIBLE =
  /^[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFE00-\uFE0F\u{E0000}-\u{E007F}]$/u;
// Combining diacritics of the Latin, Greek and Cyrillic scripts only: stripping all \p{M} would
// also remove the vowel signs of Indic scripts and change the word.
const DIACRITICS = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/gu;

/** Folds one code point: compatibility decomposition, diacritics dropped, lower case, ß -> ss. */
export function foldCodePoint(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  if (INVISIBLE.test(char)) return '';
  const decomposed = char.normalize('NFKD').replace(DIACRITICS, '');
  // toLowerCase is not full case folding; the one common expansion it misses is the sharp s.
  return decomposed.toLowerCase().replace(/ß/g, 'ss').normalize('NFC');
}

/**
 * Wraps a mapper with a per-code-point cache: dense for the BMP in pages of 256 code points,
 * made when text first uses them (a whole BMP table would be 512 KB of heap per mapper, while
 * real text touches a few pages), and a bounded map above it.
 */
export function cachedMapper(mapper: CodePointMapper): CodePointMapper {
  const pages: ((string | undefined)[] | undefined)[] = [];
  for (let i = 0; i < 256; i++) pages.push(undefined);
  const astral = new Map<number, string>();
  return (codePoint) => {
    if (codePoint < 0x10000) {
      let page = pages[codePoint >> 8];
      if (page === undefined) {
        page = new Array<string | undefined>(256).fill(undefined);
        pages[codePoint >> 8] = page;
      }
      let mapped = page[codePoint & 0xff];
      if (mapped === undefined) {
        mapped = mapper(codePoint);
        page[codePoint & 0xff] = mapped;
      }
      return mapped;
    }
    let mapped = astral.get(codePoint);
    if (mapped === undefined) {
      mapped = mapper(codePoint);
      if (astral.size < 4096) astral.set(codePoint, mapped);
    }
    return mapped;
  };
}

export const foldCodePointCached: CodePointMapper = cachedMapper(foldCodePoint);

const decoder = new TextDecoder('utf-16le');

// Per mapper, the BMP code points that map to exactly one unit: unit + 1, 0 = not yet known,
// -1 = use the string result. Saves a call and a string per character on the common path.
const singleUnitTables = new WeakMap<CodePointMapper, Int32Array>();

function singleUnitTable(mapper: CodePointMapper): Int32Array {
  let table = singleUnitTables.get(mapper);
  if (!table) {
    table = new Int32Array(0x10000);
    singleUnitTables.set(mapper, table);
  }
  return table;
}

interface MapBuffers {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
}

function allocateMapBuffers(capacity: number): MapBuffers {
  return {
    units: new Uint16Array(capacity),
    starts: new Int32Array(capacity + 1),
    ends: new Int32Array(capacity + 1),
  };
}

/** Applies `mapper` to each code point of `source`, keeping the offset map. */
export function mapText(source: string, mapper: CodePointMapper): FoldedText {
  const { buffers, length } = mapInto(source, mapper, allocateMapBuffers(source.length + 16));
  return {
    text: decoder.decode(buffers.units.subarray(0, length)),
    starts: buffers.starts.subarray(0, length + 1),
    ends: buffers.ends.subarray(0, length + 1),
  };
}

/** Maps into `buffers` (grown when needed); returns the buffers holding the result and its length. */
function mapInto(
  source: string,
  mapper: CodePointMapper,
  initial: MapBuffers,
): { buffers: MapBuffers; length: number } {
  const single = singleUnitTable(mapper);
  let { units, starts, ends } = initial;
  let length = 0;
  for (let i = 0; i < source.length; ) {
    const code = source.charCodeAt(i);
    let known = single[code] ?? -1;
    if (known === 0 && (code < 0xd800 || code > 0xdfff)) {
      const mapped = mapper(code);
      known = mapped.length === 1 ? mapped.charCodeAt(0) + 1 : -1;
      single[code] = known;
    }
    if (known > 0 && (code < 0xd800 || code > 0xdfff)) {
      if (length + 1 >= units.length) {
        units = growUint16(units, units.length * 2);
        starts = growInt32(starts, units.length + 1);
        ends = growInt32(ends, units.length + 1);
      }
      units[length] = known - 1;
      starts[length] = i;
      ends[length] = i + 1;
      length++;
      i++;
      continue;
    }
    const codePoint = source.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const mapped = mapper(codePoint);
    if (length + mapped.length >= units.length) {
      units = growUint16(units, units.length * 2 + mapped.length);
      starts = growInt32(starts, units.length + 1);
      ends = growInt32(ends, units.length + 1);
    }
    for (let k = 0; k < mapped.length; k++) {
      units[length] = mapped.charCodeAt(k);
      starts[length] = i;
      ends[length] = i + width;
      length++;
    }
    i += width;
  }
  starts[length] = source.length;
  ends[length] = source.length;
  return { buffers: { units, starts, ends }, length };
}

/** Whether every unit is ASCII: only then is a string's UTF-8 length its length (native, no regex scan). */
function isAscii(source: string): boolean {
  return Buffer.byteLength(source, 'utf8') === source.length;
}

// Shared read-only identity map for ASCII text, grown on demand, and its view from 1 (the ends).
let identity = new Int32Array(0);
let identityEnds = identity;

function identityMap(length: number): Int32Array {
  if (identity.length < length + 2) {
    identity = new Int32Array(Math.max(length + 2, identity.length * 2));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
    identityEnds = identity.subarray(1);
  }
  return identity;
}

/**
 * NFKD + diacritics + lower-case + invisible characters removed, with the offset map. ASCII text
 * folds to its lower case one to one, which skips the per-character work. The maps are read-only.
 */
export function foldText(source: string): FoldedText {
  if (isAscii(source)) {
    const map = identityMap(source.length);
    return {
      text: source.toLowerCase(),
      starts: map.subarray(0, source.length + 1),
      ends: map.subarray(1, source.length + 1),
    };
  }
  return mapText(source, foldCodePointCached);
}

// Buffers reused by foldTextTransient; not kept once grown past the cap, so one huge text does
// not pin its size in memory.
const KEPT_TRANSIENT_CAPACITY = 1 << 16;
let transientBuffers = allocateMapBuffers(1024);

/**
 * foldText without allocating for each call: the offset maps may be views of buffers that the next
 * call overwrites (and run past the text), so read the result before folding again. For
 * per-message hot paths.
 */
export function foldTextTransient(source: string): FoldedText {
  // ASCII: the shared identity maps themselves, longer than the text, rather than views of them
  if (isAscii(source)) return { text: source.toLowerCase(), starts: identityMap(source.length), ends: identityEnds };
  const capacity = source.length + 16;
  const initial = capacity <= transientBuffers.units.length ? transientBuffers : allocateMapBuffers(capacity);
  const { buffers, length } = mapInto(source, foldCodePointCached, initial);
  if (buffers.units.length <= KEPT_TRANSIENT_CAPACITY) transientBuffers = buffers;
  return { text: decoder.decode(buffers.units.subarray(0, length)), starts: buffers.starts, ends: buffers.ends };
}

/** Folds a configured word or phrase the same way the text is folded. */
export function foldString(value: string): string {
  return foldText(value).text;
}

/** Maps a folded span [start, end) back to source offsets, whole code points included. */
export function toSourceSpan(folded: FoldedText, start: number, end: number): Span {
  const sourceStart = folded.starts[start] ?? 0;
  const sourceEnd = end > start ? (folded.ends[end - 1] ?? sourceStart) : sourceStart;
  return { start: sourceStart, end: sourceEnd };
}

function growUint16(array: Uint16Array, size: number): Uint16Array {
  const grown = new Uint16Array(size);
  grown.set(array);
  return grown;
}

function growInt32(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}
