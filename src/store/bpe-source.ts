/**
 * gpt-tokenizer's byte-pair vocabularies as token bytes. The rank modules
 * (`const c0 = [ "tok", [1, 2], ... ]; ...`) are read as text, not run: running o200k's would
 * parse 2.4 MB of JavaScript and create 200k strings, which leaves ~30 MB of resident memory
 * behind for good, while reading the literals straight into a byte array costs the file's size,
 * once. A module laid out differently is run after all (and dropped from the require cache).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface TokenBytes {
  /** Every token's bytes, back to back, in rank order. */
  data: Uint8Array;
  /** Token r is data[offsets[r], offsets[r + 1]). */
  offsets: Uint32Array;
  count: number;
}

/** Every byte is a token of its own in a byte-level BPE; a vocabulary without them was misread. */
const SINGLE_BYTES = 256;

/** The vocabulary of `gpt-tokenizer/bpeRanks/<name>`, e.g. `o200k_base`. */
export function loadTokenBytes(name: string): TokenBytes {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`gpt-tokenizer/bpeRanks/${name}`);
  try {
    const parsed = parseRankSource(readFileSync(path));
    if (hasEverySingleByte(parsed)) return parsed;
  } catch {
    // an unexpected layout: run the module instead
  }
  try {
    const loaded = (require(path) as { default?: unknown }).default;
    if (!Array.isArray(loaded)) throw new Error(`gpt-tokenizer/bpeRanks/${name} has no rank table`);
    return tokenBytesOf(loaded);
  } finally {
    // Nothing else reads the module: without this its array would stay reachable forever.
    Reflect.deleteProperty(require.cache, path);
  }
}

/**
 * gpt-tokenizer's rank array (index = rank, value = the token as a string of valid UTF-8 or as
 * its raw bytes) as token bytes.
 */
export function tokenBytesOf(entries: readonly unknown[]): TokenBytes {
  const encoder = new TextEncoder();
  const offsets = new Uint32Array(entries.length + 1);
  let total = 0;
  for (let rank = 0; rank < entries.length; rank++) {
    const entry = entries[rank];
    total += typeof entry === 'string' ? Buffer.byteLength(entry, 'utf8') : Array.isArray(entry) ? entry.length : 0;
    offsets[rank + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let rank = 0; rank < entries.length; rank++) {
    const entry = entries[rank];
    const at = offsets[rank] as number;
    if (typeof entry === 'string') encoder.encodeInto(entry, data.subarray(at, offsets[rank + 1]));
    else if (Array.isArray(entry)) data.set(entry as number[], at);
  }
  return { data, offsets, count: entries.length };
}

function hasEverySingleByte({ data, offsets, count }: TokenBytes): boolean {
  const seen = new Uint8Array(SINGLE_BYTES);
  let distinct = 0;
  for (let rank = 0; rank < count; rank++) {
    const at = offsets[rank] as number;
    if ((offsets[rank + 1] as number) - at !== 1) continue;
    const byte = data[at] as number;
    if (seen[byte] === 0) distinct++;
    seen[byte] = 1;
  }
  return distinct === SINGLE_BYTES;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const COMMA = 0x2c;
const ARRAY_START = Buffer.from('= [');

/** The entries of every array literal in the source, concatenated in source order. */
export function parseRankSource(source: Uint8Array): TokenBytes {
  const data = new Uint8Array(source.length);
  let offsets = new Uint32Array(1 << 16);
  let count = 0;
  let written = 0;
  const endEntry = (): void => {
    if (count + 2 > offsets.length) {
      const grown = new Uint32Array(offsets.length * 2);
      grown.set(offsets);
      offsets = grown;
    }
    offsets[++count] = written;
  };
  const put = (byte: number): void => {
    data[written++] = byte;
  };

  let at = indexOf(source, ARRAY_START, 0);
  if (at < 0) throw new Error('no array literal in the rank module');
  while (at >= 0) {
    let i = at + ARRAY_START.length;
    for (;;) {
      i = skipSpace(source, i);
      const c = source[i];
      if (c === CLOSE) break;
      if (c === COMMA) {
        // a hole: a rank no token has
        endEntry();
        i++;
        continue;
      }
      if (c === QUOTE) i = readString(source, i + 1, put);
      else if (c === OPEN) i = readBytes(source, i + 1, put);
      else throw new Error(`unexpected byte ${String(c)} at ${i} in the rank module`);
      endEntry();
      i = skipSpace(source, i);
      if (source[i] === COMMA) i++;
      else if (source[i] !== CLOSE) throw new Error(`expected , or ] at ${i} in the rank module`);
    }
    at = indexOf(source, ARRAY_START, i);
  }
  return { data: data.slice(0, written), offsets: offsets.slice(0, count + 1), count };
}

/** Reads a string literal's contents as UTF-8; returns the index after the closing quote. */
function readString(source: Uint8Array, from: number, put: (byte: number) => void): number {
  let i = from;
  for (;;) {
    const c = source[i++];
    if (c === undefined || c === 0x0a) throw new Error('unterminated string in the rank module');
    if (c === QUOTE) return i;
    if (c !== BACKSLASH) {
      put(c);
      continue;
    }
    const e = source[i++];
    switch (e) {
      case 0x6e: put(0x0a); break; // \n
      case 0x72: put(0x0d); break; // \r
      case 0x74: put(0x09); break; // \t
      case 0x62: put(0x08); break; // \b
      case 0x66: put(0x0c); break; // \f
      case 0x76: put(0x0b); break; // \v
      case 0x30: put(0x00); break; // \0
      case 0x78: // \xHH
        putCodePoint(hex(source, i, 2), put);
        i += 2;
        break;
      case 0x75: { // \uHHHH, \u{H...}
        let code: number;
        if (source[i] === 0x7b) {
          const close = source.indexOf(0x7d, i);
          code = hex(source, i + 1, close - i - 1);
          i = close + 1;
        } else {
          code = hex(source, i, 4);
          i += 4;
          // a surrogate pair written as two escapes is one code point
          if (code >= 0xd800 && code <= 0xdbff && source[i] === BACKSLASH && source[i + 1] === 0x75) {
            const low = hex(source, i + 2, 4);
            if (low >= 0xdc00 && low <= 0xdfff) {
              code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
              i += 6;
            }
          }
        }
        putCodePoint(code, put);
        break;
      }
      case 0x0d: // line continuation
        if (source[i] === 0x0a) i++;
        break;
      case 0x0a:
        break;
      case undefined:
        throw new Error('unterminated escape in the rank module');
      default:
        // \" \\ \' and other identity escapes (a multi-byte character is copied byte by byte)
        put(e);
    }
  }
}

/** Reads `1, 2, 3]` as bytes; returns the index after the bracket. */
function readBytes(source: Uint8Array, from: number, put: (byte: number) => void): number {
  let i = from;
  for (;;) {
    i = skipSpace(source, i);
    if (source[i] === CLOSE) return i + 1;
    let value = 0;
    let digits = 0;
    for (let c = source[i]; c !== undefined && c >= 0x30 && c <= 0x39; c = source[++i]) {
      value = value * 10 + (c - 0x30);
      digits++;
    }
    if (digits === 0 || value > 255) throw new Error(`bad byte value at ${i} in the rank module`);
    put(value);
    i = skipSpace(source, i);
    if (source[i] === COMMA) i++;
  }
}

function putCodePoint(code: number, put: (byte: number) => void): void {
  if (code < 0x80) put(code);
  else if (code < 0x800) {
    put(0xc0 | (code >> 6));
    put(0x80 | (code & 0x3f));
  } else if (code < 0x10000) {
    put(0xe0 | (code >> 12));
    put(0x80 | ((code >> 6) & 0x3f));
    put(0x80 | (code & 0x3f));
  } else {
    put(0xf0 | (code >> 18));
    put(0x80 | ((code >> 12) & 0x3f));
    put(0x80 | ((code >> 6) & 0x3f));
    put(0x80 | (code & 0x3f));
  }
}

function hex(source: Uint8Array, from: number, length: number): number {
  if (length < 1) throw new Error(`bad escape at ${from} in the rank module`);
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const c = source[i] ?? 0;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (digit < 0) throw new Error(`bad escape at ${from} in the rank module`);
    value = value * 16 + digit;
  }
  return value;
}

function skipSpace(source: Uint8Array, from: number): number {
  let i = from;
  for (let c = source[i]; c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = source[++i]);
  return i;
}

function indexOf(source: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(source.buffer, source.byteOffset, source.byteLength).indexOf(needle, from);
}
