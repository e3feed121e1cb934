/** Shared shapes and helpers for the pattern recognizers. */
import type { ScanContext } from './tokens.js';

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

/** A simple recognizer from a regex, a validator returning a score (or null to drop) and a threshold. */
export function patternRecognizer(
  entity: string,
  re: RegExp,
  score: (m: RegExpExecArray, text: string) => number | null,
  threshold = DEFAULT_THRESHOLD,
  group = 0,
): Recognizer {
  return {
    entity,
    find(text, out) {
      eachMatch(re, text, (m) => {
        const s = score(m, text);
        if (s === null || s < threshold) return;
        const value = m[group];
        if (value === undefined) return;
        const start = group === 0 ? m.index : m.index + m[0].indexOf(value);
        out.push({ start, end: start + value.length, entity, score: Math.min(1, s) });
      });
    },
  };
}
