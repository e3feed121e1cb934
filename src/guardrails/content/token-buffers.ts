/**
 * Token arrays for the tokenizer, reused between calls where that is cheaper than allocating.
 */
import type { TokenStream } from './tokenize.js';

// texts longer than this get typed arrays of their own, so one huge call does not pin memory for good
const MAX_REUSED_CAPACITY = 1 << 15;
// The string arrays are kept up to this many tokens: appending to a fresh array costs more per
// token than the scan (every time it grows it is copied into a new object), and nearly all tokens
// are strings the tokenizer has handed out before (see tokenize.ts), which a long-lived array
// holds as cheaply as a fresh one does.
const MAX_KEPT_STRINGS = 1 << 18;

/** Token arrays kept between calls: allocating them per call costs more than scanning a short message. */
export class TokenBuffers {
  start = new Int32Array(0);
  end = new Int32Array(0);
  sentence = new Int32Array(0);
  caps = new Uint8Array(0);
  hash = new Int32Array(0);
  flags = new Uint8Array(0);
  /** Entries past the last stream's length are stale. */
  private norm: string[] = [];
  private squeezed: string[] = [];

  /** Arrays of at least `capacity` entries: these buffers, or fresh ones for very long texts. */
  take(capacity: number): Omit<TokenStream, 'length'> {
    const keepStrings = capacity <= MAX_KEPT_STRINGS;
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
      const { start, end, sentence, caps, hash, flags } = allocateTokenArrays(size);
      Object.assign(this, { start, end, sentence, caps, hash, flags });
    }
    return {
      norm: keepStrings ? this.norm : [],
      squeezed: keepStrings ? this.squeezed : [],
      start: this.start,
      end: this.end,
      sentence: this.sentence,
      caps: this.caps,
      hash: this.hash,
      flags: this.flags,
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
    hash: new Int32Array(capacity),
    flags: new Uint8Array(capacity),
  };
}
