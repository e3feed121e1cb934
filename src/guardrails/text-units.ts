/**
 * Helpers for the detectors' hand-written scanners.
 *
 * `TextUnits` copies a text's UTF-16 units into a reused typed array: in a scanning loop, reading
 * a Uint16Array costs about half as much as `charCodeAt`, and the copy is a native memcpy that
 * costs a small fraction of one pass over the text.
 *
 * `WordTable` caches something per distinct word, looked up from units the scanner has already
 * read: the scanner hashes each word while it reads it (`hashUnit`), so a word seen before costs
 * no slice, no string and no string hashing. `HashBits` answers "surely not in this word set" from
 * the same hash. All are bounded (long texts and long words are not kept).
 */
import { Buffer } from 'node:buffer';
import { endianness } from 'node:os';

/** Longer texts get an array of their own, so one huge text does not pin its size for good. */
const KEPT_UNITS = 1 << 15;
const LITTLE_ENDIAN = endianness() === 'LE';

/** A reusable typed copy of a text's UTF-16 units (one per scanner: a load overwrites the last). */
export class TextUnits {
  private units = new Uint16Array(1024);
  private bytes = Buffer.from(this.units.buffer);

  /** The units of `text` in `[0, text.length)`; valid until the next load. */
  load(text: string): Uint16Array {
    const length = text.length;
    if (length > KEPT_UNITS) return copyUnits(text, new Uint16Array(length));
    if (length > this.units.length) {
      this.units = new Uint16Array(Math.min(KEPT_UNITS, Math.max(length, this.units.length * 2)));
      this.bytes = Buffer.from(this.units.buffer);
    }
    if (!LITTLE_ENDIAN) return copyUnits(text, this.units);
    this.bytes.write(text, 0, length * 2, 'utf16le');
    return this.units;
  }
}

function copyUnits(text: string, units: Uint16Array): Uint16Array {
  if (LITTLE_ENDIAN) {
    Buffer.from(units.buffer, units.byteOffset, text.length * 2).write(text, 0, text.length * 2, 'utf16le');
    return units;
  }
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** Start of a word hash (FNV-1a over UTF-16 units). */
export const WORD_HASH_SEED = 0x811c9dc5 | 0;

/** The hash of a word extended by one unit. */
export function hashUnit(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/** The hash of a whole string, as `hashUnit` builds it unit by unit. */
export function hashString(text: string): number {
  return hashAppend(WORD_HASH_SEED, text);
}

/** The hash of a word that has hash `hash` followed by `text`. */
export function hashAppend(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = hashUnit(hash, text.charCodeAt(i));
  return hash;
}

/**
 * Word hashes as bits, in front of a set of words: a clear bit proves in one read that a word is
 * not in the set, which answers most words without a map lookup.
 */
export class HashBits {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** `size` bits (a power of two); a set of a tenth as many words lets few others through. */
  constructor(size = 1 << 16) {
    this.bits = new Uint32Array(size >>> 5);
    this.mask = size - 1;
  }

  add(hash: number): void {
    const bit = hash & this.mask;
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  /** False when no word of the set has this hash. */
  mayHave(hash: number): boolean {
    const bit = hash & this.mask;
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** Longest word a table keeps: longer words take the caller's uncached path. */
export const MAX_TABLE_WORD = 32;
const INITIAL_SLOTS = 256;
// A slot is three numbers side by side (one cache line for a probe): where its key starts in the
// pool (-1 when the slot is empty), the key's length and its hash.
const SLOT_SIZE = 3;

/**
 * Values keyed by a word's UTF-16 units, with open addressing over typed arrays. The caller
 * passes the word as `length` units of an array from `start` (often the text's own units) with
 * their hash (see `hashUnit`). When the table holds `maxEntries` words it starts afresh, like the
 * other per-word caches.
 */
export class WordTable<V> {
  private mask = INITIAL_SLOTS - 1;
  private slots = emptySlots(INITIAL_SLOTS);
  private values: (V | undefined)[] = new Array<V | undefined>(INITIAL_SLOTS).fill(undefined);
  private pool = new Uint16Array(INITIAL_SLOTS * 8);
  private poolLength = 0;
  private size = 0;

  constructor(private readonly maxEntries: number) {}

  /** The value of the word `units[start, start + length)`, or undefined. */
  get(units: Uint16Array, start: number, length: number, hash: number): V | undefined {
    const slot = this.find(units, start, length, hash);
    return slot < 0 ? undefined : this.values[slot];
  }

  /** Stores the value of a word not in the table; words longer than MAX_TABLE_WORD are not kept. */
  set(units: Uint16Array, start: number, length: number, hash: number, value: V): void {
    if (length > MAX_TABLE_WORD) return;
    if (this.size >= this.maxEntries) this.clear();
    else if ((this.size + 1) * 2 > this.values.length) this.grow();
    const slot = this.find(units, start, length, hash);
    if (slot >= 0) {
      this.values[slot] = value;
      return;
    }
    this.place(~slot, units, start, length, hash, value);
    this.size++;
  }

  /** The slot holding the word, or the complement of the empty slot where it would go. */
  private find(units: Uint16Array, start: number, length: number, hash: number): number {
    const { slots, pool, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT_SIZE;
      const keyStart = slots[at]!;
      if (keyStart < 0) return ~slot;
      if (slots[at + 2] !== hash || slots[at + 1] !== length) continue;
      let k = 0;
      while (k < length && pool[keyStart + k] === units[start + k]) k++;
      if (k === length) return slot;
    }
  }

  private place(slot: number, units: Uint16Array, from: number, length: number, hash: number, value: V | undefined): void {
    if (this.poolLength + length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + length));
      pool.set(this.pool.subarray(0, this.poolLength));
      this.pool = pool;
    }
    this.pool.set(units.subarray(from, from + length), this.poolLength);
    const at = slot * SLOT_SIZE;
    this.slots[at] = this.poolLength;
    this.slots[at + 1] = length;
    this.slots[at + 2] = hash;
    this.values[slot] = value;
    this.poolLength += length;
  }

  /** Doubles the slots, re-placing every entry (keys are copied into a fresh pool). */
  private grow(): void {
    const { slots, values, pool } = this;
    const count = values.length * 2;
    this.mask = count - 1;
    this.slots = emptySlots(count);
    this.values = new Array<V | undefined>(count).fill(undefined);
    this.pool = new Uint16Array(pool.length);
    this.poolLength = 0;
    for (let old = 0; old < values.length; old++) {
      const at = old * SLOT_SIZE;
      const start = slots[at]!;
      if (start < 0) continue;
      const hash = slots[at + 2]!;
      let slot = hash & this.mask;
      while (this.slots[slot * SLOT_SIZE]! >= 0) slot = (slot + 1) & this.mask;
      this.place(slot, pool, start, slots[at + 1]!, hash, values[old]);
    }
  }

  /** Empties the table; its arrays keep their size. */
  private clear(): void {
    this.slots.fill(-1);
    this.values.fill(undefined);
    this.poolLength = 0;
    this.size = 0;
  }
}

function emptySlots(count: number): Int32Array {
  return new Int32Array(count * SLOT_SIZE).fill(-1);
}
