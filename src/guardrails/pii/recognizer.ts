/** Shared shapes and helpers for the pattern recognizers. */
import { isWordCharAt, type ScanContext } from './tokens.js';

export interface Candidate {
  start: number;
  end: number;
  entity: string;
  score: number;
}

/** One entity family; compiled once, `find` is called per text and appends to `out`. */
export interface Recognizer {
  readonly entity: string;
  find(text: string, out: Candidate[], ctx: ScanContext): void;
}

/** Matches at or above this score are reported. */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * Runs a global regex only over the text around digits (see ScanContext.digitWindows), for
 * values that always contain one. Match indices are reported relative to the whole text.
 */
export function eachMatchNearDigits(re: RegExp, ctx: ScanContext, visit: (m: RegExpExecArray, offset: number) => void): void {
  const windows = ctx.digitWindows();
  const text = ctx.text;
  for (let w = 0; w < windows.length; w += 2) {
    const from = windows[w] as number;
    const to = windows[w + 1] as number;
    const part = from === 0 && to === text.length ? text : text.slice(from, to);
    eachMatch(re, part, (m) => visit(m, from));
  }
}

/** Runs a global regex over the text; guards against empty matches looping forever. */
export function eachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    visit(m);
  }
}

/**
 * Context words raise a score when they occur shortly before (or, less often, after) a match.
 * The regex must be case-insensitive and non-global.
 */
export interface ContextWindow {
  before: number;
  after: number;
}

export function hasContext(
  text: string,
  start: number,
  end: number,
  words: RegExp,
  window: ContextWindow = { before: 48, after: 24 },
): boolean {
  const before = text.slice(Math.max(0, start - window.before), start);
  if (words.test(before)) return true;
  if (window.after <= 0) return false;
  return words.test(text.slice(end, Math.min(text.length, end + window.after)));
}

/**
 * Builds a case-insensitive word-list regex: `wordsRegex(['credit card', 'cc'])`. ASCII word
 * boundaries (no Unicode lookbehind) keep it fast; context words are English.
 */
export function wordsRegex(list: readonly string[]): RegExp {
  const body = list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s_-]*')).join('|');
  return new RegExp(`(?:^|[^A-Za-z0-9])(?:${body})(?![A-Za-z0-9])`, 'i');
}

export function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}

/**
 * A simple recognizer from a regex, a validator returning a score (or null to drop), a threshold
 * and the capture group holding the value. `nearDigits` restricts the scan to the text around
 * digits, for values that always contain one. The validator sees the match in whole-text terms
 * through `at` (the match index in the text).
 */
export function patternRecognizer(
  entity: string,
  re: RegExp,
  score: (m: RegExpExecArray, text: string, at: number) => number | null,
  options: { threshold?: number; group?: number; nearDigits?: boolean } = {},
): Recognizer {
  const { threshold = DEFAULT_THRESHOLD, group = 0, nearDigits = false } = options;
  const visit = (text: string, out: Candidate[], m: RegExpExecArray, offset: number): void => {
    const at = m.index + offset;
    const s = score(m, text, at);
    if (s === null || s < threshold) return;
    const value = m[group];
    if (value === undefined) return;
    const start = group === 0 ? at : at + m[0].lastIndexOf(value);
    out.push({ start, end: start + value.length, entity, score: Math.min(1, s) });
  };
  return {
    entity,
    find(text, out, ctx) {
      if (nearDigits) eachMatchNearDigits(re, ctx, (m, offset) => visit(text, out, m, offset));
      else eachMatch(re, text, (m) => visit(text, out, m, 0));
    },
  };
}

/** Is the match at `index` preceded by a letter/digit (or one of `extra`)? Then it starts mid-token. */
export function gluedBefore(text: string, index: number, extra = ''): boolean {
  if (index <= 0) return false;
  return isWordCharAt(text, index - 1) || extra.includes(text[index - 1] as string);
}

/** Is the match ending at `end` followed by a letter/digit (or one of `extra` then a letter/digit)? */
export function gluedAfter(text: string, end: number, extra = ''): boolean {
  if (isWordCharAt(text, end)) return true;
  return extra.length > 0 && extra.includes(text[end] ?? '\u0000') && isWordCharAt(text, end + 1);
}
