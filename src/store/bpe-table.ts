/**
 * The o200k byte-pair ranks in three typed arrays instead of gpt-tokenizer's encoder objects.
 *
 * The package keeps 200k token strings, a Map over them and the module's array for the process's
 * lifetime: about 20 MB of heap plus what parsing its 2.4 MB source leaves behind. Counting needs
 * only "rank of these bytes", so the tokens are stored as UTF-8 bytes back to back with an
 * open-addressing hash table over them (about 5 MB, outside the JavaScript heap).
 */
import { loadTokenBytes, type TokenBytes } from './bpe-source.js';

export interface BpeTable {
  /** Rank of bytes[start, end) as one token, or -1 when it is none. */
  rankOf(bytes: Uint8Array, start: number, end: number): number;
  readonly size: number;
}

export function loadO200kTable(): BpeTable {
  return buildBpeTable(loadTokenBytes('o200k_base'));
}

/** When two ranks hold the same bytes the later one wins, as in the package's own encoder map. */
export function buildBpeTable({ data, offsets, count }: TokenBytes): BpeTable {
  // Load factor below 0.5 keeps probe chains short; slots hold rank + 1 (0 = empty).
  let capacity = 1;
  while (capacity < count * 2) capacity <<= 1;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity);

  const sameBytes = (rank: number, bytes: Uint8Array, start: number, end: number): boolean => {
    const from = offsets[rank] as number;
    if ((offsets[rank + 1] as number) - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (data[from + i] !== bytes[start + i]) return false;
    return true;
  };

  for (let rank = 0; rank < count; rank++) {
    const start = offsets[rank] as number;
    const end = offsets[rank + 1] as number;
    if (end === start) continue;
    let slot = hashBytes(data, start, end) & mask;
    for (;;) {
      const held = slots[slot] as number;
      if (held === 0 || sameBytes(held - 1, data, start, end)) {
        slots[slot] = rank + 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }

  return {
    size: count,
    rankOf(bytes, start, end) {
      if (end <= start) return -1;
      let slot = hashBytes(bytes, start, end) & mask;
      for (;;) {
        const held = slots[slot] as number;
        if (held === 0) return -1;
        if (sameBytes(held - 1, bytes, start, end)) return held - 1;
        slot = (slot + 1) & mask;
      }
    },
  };
}

/** FNV-1a over a byte range. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}
