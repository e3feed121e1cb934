/**
 * Token arrays for the tokenizer, reused between calls where that is cheaper than allocating.
 */
import type { TokenStream } from './tokenize.js';

// texts longer than this get typed arrays of their own, so one huge call does not pin memory for good
const MAX_REUSED_CAPACITY = 1 << 15;
// From this many tokens on, the string arrays are kept too (up to the second bound): appending to a
// fresh array that long costs more per token than the scan, and more the longer it gets, since
// every time it grows it is copied into a new large object.
const MIN_KEPT_STRINGS = 1 << 13;
const MAX_KEPT_STRINGS = 1 << 18;

/**
 * Typed token arrays kept between calls: allocating them per call costs more than scanning a
 * short message. The string arrays of a short text are new: a long-lived array pointing at fresh
 * strings makes every store and the next minor collection slower than a short-lived array does.
 */
export class TokenBuffers {
  start = new Int32Array(0);
  end = new Int32Array(0);
  sentence = new Int32Array(0);
  caps = new Uint8Array(0);
  /** String arrays kept for long texts; entries past the last stream's length are stale. */
  private norm: string[] = [];
  private squeezed: string[] = [];

  /** Arrays of at least `capacity` entries: these buffers, or fresh ones for very long texts. */
  take(capacity: number): Omit<TokenStream, 'length'> {
    const keepStrings = capacity >= MIN_KEPT_STRINGS && capacity <= MAX_KEPT_STRINGS;
    if (capacity > MAX_REUSED_CAPACITY) {
      const arrays = allocateTokenArrays(capacity);
      if (keepStrings) {
        arrays.norm = this.norm;
        arrays.squeezed = this.squeezed;
      }
      return arrays;
    }
    if (this.start.length < capacity) {
      const size = Math.max(capacity, Math.min(MAX_REUSED_CAPACITY, Math.max(256, this.start.length * 2)));
      const { start, end, sentence, caps } = allocateTokenArrays(size);
      Object.assign(this, { start, end, sentence, caps });
    }
    return {
      norm: keepStrings ? this.norm : [],
      squeezed: keepStrings ? this.squeezed : [],
      start: this.start,
      end: this.end,
      sentence: this.sentence,
      caps: this.caps,
    };
  }
}

export function allocateTokenArrays(capacity: number): Omit<TokenStream, 'length'> {
  // the string arrays grow as tokens are appended in order; a presized one would be holey (or a
  // dictionary for long texts), which makes every write slow
  return {
    norm: [],
    squeezed: [],
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    sentence: new Int32Array(capacity),
    caps: new Uint8Array(capacity),
  };
}
