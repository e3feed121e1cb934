/**
 * A small word tokenizer shared by the NAME and ADDRESS recognizers. One pass over the characters
 * with a per-code-unit class table, results kept in typed arrays (struct of arrays) so that huge
 * or adversarial inputs cost no per-token objects; token text is sliced only when asked for.
 */

// Token kinds (0 means "no token", for out-of-range indices).
export const NONE = 0;
export const WORD = 1;
export const NUM = 2;
export const PUNCT = 3;
export const NEWLINE = 4;

// Word shapes: Xxx, XXX, xxx, a lone capital, caseless scripts.
export const TITLE = 1;
export const UPPER = 2;
export const LOWER = 3;
export const INITIAL = 4;
export const CASELESS_SHAPE = 5;

// Character classes.
const C_OTHER = 0;
const C_LOWER = 1;
const C_UPPER = 2;
const C_CASELESS = 3;
const C_MARK = 4;
const C_DIGIT = 5;
const C_SPACE = 6;
const C_NEWLINE = 7;
const C_UNKNOWN = 255;

const classes = new Uint8Array(65536).fill(C_UNKNOWN);
const LETTER_LOWER = /\p{Ll}/u;
const LETTER_UPPER = /\p{Lu}|\p{Lt}/u;
const LETTER = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const DIGIT_RE = /\p{Nd}/u;
const SPACE_RE = /\s/u;

function classify(code: number): number {
  if (code === 10) return C_NEWLINE;
  const ch = String.fromCharCode(code);
  if (SPACE_RE.test(ch)) return C_SPACE;
  if (LETTER_LOWER.test(ch)) return C_LOWER;
  if (LETTER_UPPER.test(ch)) return C_UPPER;
  if (LETTER.test(ch)) return C_CASELESS;
  if (MARK_RE.test(ch)) return C_MARK;
  if (DIGIT_RE.test(ch)) return C_DIGIT;
  // Surrogate halves count as caseless letters: astral letters inside names outnumber astral symbols.
  if (code >= 0xd800 && code <= 0xdfff) return C_CASELESS;
  return C_OTHER;
}

function classOf(code: number): number {
  let c = classes[code] as number;
  if (c === C_UNKNOWN) {
    c = classify(code);
    classes[code] = c;
  }
  return c;
}

const isLetter = (c: number): boolean => c === C_LOWER || c === C_UPPER || c === C_CASELESS;

export class Tokens {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  kinds: Uint8Array;
  shapes: Uint8Array;
  /** 1 when whitespace (not a newline) separates the token from the previous one. */
  spaces: Uint8Array;
  private lowers: (string | undefined)[] = [];

  constructor(readonly src: string) {
    const capacity = Math.max(16, Math.min(src.length + 1, 1024));
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.shapes = new Uint8Array(capacity);
    this.spaces = new Uint8Array(capacity);
  }

  push(start: number, end: number, kind: number, shape: number, space: boolean): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.kinds[i] = kind;
    this.shapes[i] = shape;
    this.spaces[i] = space ? 1 : 0;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = copy(this.start, (n) => new Int32Array(n));
    this.end = copy(this.end, (n) => new Int32Array(n));
    this.kinds = copy(this.kinds, (n) => new Uint8Array(n));
    this.shapes = copy(this.shapes, (n) => new Uint8Array(n));
    this.spaces = copy(this.spaces, (n) => new Uint8Array(n));
  }

  kind(i: number): number {
    return i >= 0 && i < this.count ? (this.kinds[i] as number) : NONE;
  }
  shape(i: number): number {
    return i >= 0 && i < this.count ? (this.shapes[i] as number) : NONE;
  }
  spaceBefore(i: number): boolean {
    return i >= 0 && i < this.count && this.spaces[i] === 1;
  }
  length(i: number): number {
    return (this.end[i] as number) - (this.start[i] as number);
  }
  text(i: number): string {
    return i >= 0 && i < this.count ? this.src.slice(this.start[i], this.end[i]) : '';
  }
  /** Lower-cased word text, cached per token. */
  lower(i: number): string {
    if (i < 0 || i >= this.count) return '';
    let s = this.lowers[i];
    if (s === undefined) {
      if (this.lowers.length === 0) this.lowers = new Array<string | undefined>(this.count);
      s = this.text(i).toLowerCase();
      this.lowers[i] = s;
    }
    return s;
  }
  /** Is token i exactly this one-character punctuation? */
  isPunct(i: number, ch: string): boolean {
    return this.kind(i) === PUNCT && this.src.charCodeAt(this.start[i] as number) === ch.charCodeAt(0) && this.length(i) === ch.length;
  }
  isWord(i: number): boolean {
    return this.kind(i) === WORD;
  }
  isNum(i: number): boolean {
    return this.kind(i) === NUM;
  }
}

function shapeOf(src: string, start: number, end: number, firstClass: number): number {
  if (firstClass === C_LOWER) return LOWER;
  if (firstClass !== C_UPPER) return CASELESS_SHAPE;
  if (end - start === 1) return INITIAL;
  for (let i = start + 1; i < end; i++) if (classOf(src.charCodeAt(i)) === C_LOWER) return TITLE;
  return UPPER;
}

/** A possessive "'s" (or "’s") at i, not the start of a longer word. */
function possessiveAt(text: string, i: number): boolean {
  const q = text.charCodeAt(i);
  return (
    (q === 39 || q === 0x2019) &&
    (text.charCodeAt(i + 1) | 32) === 115 &&
    (i + 2 >= text.length || !isLetter(classOf(text.charCodeAt(i + 2))))
  );
}

export function tokenize(text: string): Tokens {
  const tokens = new Tokens(text);
  const n = text.length;
  let i = 0;
  let space = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    const c = classOf(code);
    if (c === C_SPACE || (code === 13 && text.charCodeAt(i + 1) === 10)) {
      space = true;
      i++;
      continue;
    }
    const start = i;
    if (isLetter(c)) {
      i++;
      for (;;) {
        while (i < n) {
          const k = classOf(text.charCodeAt(i));
          if (isLetter(k) || k === C_MARK) i++;
          else break;
        }
        // Apostrophes and hyphens join letters ("O'Brien", "Jean-Luc"), except a possessive "'s".
        const joiner = text.charCodeAt(i);
        if ((joiner === 39 || joiner === 0x2019 || joiner === 45) && i + 1 < n && isLetter(classOf(text.charCodeAt(i + 1)))) {
          if (joiner === 45 || !possessiveAt(text, i)) {
            i += 2;
            continue;
          }
        }
        break;
      }
      tokens.push(start, i, WORD, shapeOf(text, start, i, c), space);
    } else if (c === C_DIGIT) {
      while (i < n && classOf(text.charCodeAt(i)) === C_DIGIT) i++;
      tokens.push(start, i, NUM, 0, space);
    } else if (c === C_NEWLINE) {
      i++;
      tokens.push(start, i, NEWLINE, 0, space);
    } else if (i > 0 && possessiveAt(text, i) && isLetter(classOf(text.charCodeAt(i - 1)))) {
      i += 2;
      tokens.push(start, i, PUNCT, 0, space);
    } else {
      i++;
      tokens.push(start, i, PUNCT, 0, space);
    }
    space = false;
  }
  return tokens;
}

/** Is the character at index a letter or digit (any script)? False outside the text. */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const c = classOf(text.charCodeAt(index));
  return isLetter(c) || c === C_DIGIT || c === C_MARK;
}

/** The longest unbroken digit run any recognizer reads (card numbers go to 19, ids a little further). */
const MAX_DIGIT_RUN = 34;
const DIGIT_RUN = /[0-9]+/g;

/** Window sizes around digits: keywords such as "driver's license number is" come before the value. */
const WINDOW_BEFORE = 72;
const WINDOW_AFTER = 24;

/**
 * Per-call scratch shared by recognizers: the token list and the digit windows are built at most
 * once per text.
 */
export class ScanContext {
  private cached: Tokens | undefined;
  private windows: number[] | undefined;
  constructor(readonly text: string) {}

  tokens(): Tokens {
    this.cached ??= tokenize(this.text);
    return this.cached;
  }

  /**
   * Merged [start, end) pairs of the text around its digits. Recognizers whose values always
   * contain a digit scan only these, so prose without numbers costs them nothing.
   */
  digitWindows(): number[] {
    if (this.windows) return this.windows;
    const text = this.text;
    const out: number[] = [];
    // The engine's search skips the prose between digit runs much faster than a loop over characters.
    DIGIT_RUN.lastIndex = 0;
    for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) {
      const i = m.index;
      const runEnd = i + m[0].length;
      if (runEnd - i > MAX_DIGIT_RUN) {
        // No value sits inside a longer unbroken digit run; keep only its edges' surroundings.
        addWindow(out, Math.max(0, i - WINDOW_BEFORE), i);
        addWindow(out, runEnd, Math.min(text.length, runEnd + WINDOW_AFTER));
      } else addWindow(out, Math.max(0, i - WINDOW_BEFORE), Math.min(text.length, runEnd + WINDOW_AFTER));
    }
    this.windows = out;
    return out;
  }
}

/** Appends the window [start, end) to the merged pairs in `out`. */
function addWindow(out: number[], start: number, end: number): void {
  const prevEnd = out.length > 0 ? (out[out.length - 1] as number) : -1;
  if (prevEnd >= start) out[out.length - 1] = Math.max(prevEnd, end);
  else if (end > start) out.push(start, end);
}
