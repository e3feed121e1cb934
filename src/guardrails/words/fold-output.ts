/**
 * The output of the profanity fold as it is built: folded units, their source offsets, and the
 * state of the run being collapsed. One instance is reused from call to call, since allocating the
 * arrays cost more than folding a short message; a fold's result is read before the next fold
 * starts (folding is synchronous), so its offset maps may be these very arrays.
 */
import { Buffer } from 'node:buffer';
import type { FoldedText } from '../text-normalize.js';

// A character may repeat up to its threshold: two for letters English doubles (b, e, o, l, s, g),
// one for everything else. These are obscenity's recommended collapse settings, over char codes.
const COLLAPSE_THRESHOLDS: [string, number][] = [['b', 2], ['e', 2], ['o', 2], ['l', 2], ['s', 2], ['g', 2]];
export const THRESHOLD_BY_CODE = new Uint8Array(0x10000).fill(1);
for (const [char, threshold] of COLLAPSE_THRESHOLDS) THRESHOLD_BY_CODE[char.charCodeAt(0)] = threshold;

/** Beyond this many units the arrays are not kept, so one huge request does not pin memory. */
const KEPT_CAPACITY = 1 << 16;
const INITIAL_CAPACITY = 1024;

const decoder = new TextDecoder('utf-16le');

export class FoldOutput {
  capacity = 0;
  /** units while they all fit in one byte, so the text decodes as a fast one-byte string */
  bytes: Buffer = Buffer.alloc(0);
  /** units once one of them does not fit in a byte (`wide` set) */
  wideUnits = new Uint16Array(0);
  wide = false;
  starts = new Int32Array(0);
  ends = new Int32Array(0);
  length = 0;
  /** last unit written and how many times in a row it came */
  previous = -1;
  run = 0;

  constructor(capacity: number) {
    this.reserve(capacity);
  }

  /** Makes room for `count` more units (and the final offset). */
  reserve(count: number): void {
    if (this.length + count < this.capacity) return;
    const capacity = Math.max(this.length + count + 1, this.capacity * 2);
    const bytes = Buffer.allocUnsafe(capacity);
    this.bytes.copy(bytes, 0, 0, this.length);
    this.bytes = bytes;
    if (this.wide) this.wideUnits = copied(this.wideUnits, new Uint16Array(capacity), this.length);
    this.starts = copied(this.starts, new Int32Array(capacity + 1), this.length);
    this.ends = copied(this.ends, new Int32Array(capacity + 1), this.length);
    this.capacity = capacity;
  }

  /** Appends a unit produced by source [start, end), collapsing runs; room must be reserved. */
  push(unit: number, start: number, end: number): void {
    if (unit === this.previous) {
      this.run++;
      if (this.run > (THRESHOLD_BY_CODE[unit] ?? 1)) {
        // The kept unit stands for the last character of its run, so "trafficking" maps its
        // "fick" to the source "fick" (whitelisted) and not to "ffick".
        this.starts[this.length - 1] = start;
        this.ends[this.length - 1] = end;
        return;
      }
    } else {
      this.previous = unit;
      this.run = 1;
    }
    if (unit > 0xff && !this.wide) this.widen();
    if (this.wide) this.wideUnits[this.length] = unit;
    else this.bytes[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  finish(sourceLength: number): FoldedText {
    this.starts[this.length] = sourceLength;
    this.ends[this.length] = sourceLength;
    const text = this.wide
      ? decoder.decode(this.wideUnits.subarray(0, this.length))
      : this.bytes.toString('latin1', 0, this.length);
    return { text, starts: this.starts, ends: this.ends };
  }

  private widen(): void {
    if (this.wideUnits.length < this.capacity) this.wideUnits = new Uint16Array(this.capacity);
    for (let k = 0; k < this.length; k++) this.wideUnits[k] = this.bytes[k] ?? 0;
    this.wide = true;
  }
}

let kept = new FoldOutput(INITIAL_CAPACITY);

/** An empty output with room for `capacity` units: the kept one unless it grew too large. */
export function foldOutput(capacity: number): FoldOutput {
  if (kept.capacity > KEPT_CAPACITY) kept = new FoldOutput(INITIAL_CAPACITY);
  kept.length = 0;
  kept.previous = -1;
  kept.run = 0;
  kept.wide = false;
  kept.reserve(capacity);
  return kept;
}

function copied<T extends Uint16Array | Int32Array>(from: T, to: T, length: number): T {
  to.set(from.subarray(0, length));
  return to;
}
