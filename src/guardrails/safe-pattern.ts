/**
 * Gatekeeper for user-supplied regular expressions (word-filter patterns, custom PII regexes).
 *
 * JavaScript's regex engine backtracks, so a pattern must be judged before it meets user text:
 * nested repeats (found by safe-regex2), alternatives that overlap under a repeat and adjacent
 * repeats over the same characters are refused. What remains is at worst polynomial, and
 * `boundRepeats` caps each unbounded repeat so that one match attempt does a bounded amount of work.
 */
import safeRegex from 'safe-regex2';
import { analyzeRegex } from './words/regex-shape.js';
import type { RegexShape } from './words/regex-shape.js';

/**
 * Longest run an unbounded repeat may take once compiled (`\S+` becomes `\S{1,32}`). A failing
 * attempt then costs at most about this many steps per start position: a simple repeat over 256 KB
 * of adversarial text stays near 20 ms. Longer runs are still found, only reported shorter.
 */
export const MAX_REPEAT = 32;
const MAX_PATTERN_LENGTH = 1000;
const ALLOWED_FLAGS = /^[dgimsuyv]*$/;

/**
 * Returns null when the pattern is valid and safe to run on untrusted text, else a one-line reason.
 * Without flags the pattern must compile with `u` or without it (the word filter tries both).
 */
export function checkPattern(pattern: string, flags?: string): string | null {
  if (flags !== undefined && !ALLOWED_FLAGS.test(flags)) return `invalid regular expression flags: ${flags}`;
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern too long (more than ${MAX_PATTERN_LENGTH} characters)`;
  const compiled = compile(pattern, flags);
  if (typeof compiled === 'string') return compiled;
  let shape: RegexShape;
  try {
    shape = analyzeRegex(pattern, compiled.unicode);
  } catch {
    return 'unsupported regular expression syntax';
  }
  // safe-regex2 misses nesting under lazy repeats ("(a*)+?"), so the parser's own count backs it up.
  if (shape.nestedRepeat || !safeRegex(forSafeRegex(pattern), { limit: Number.POSITIVE_INFINITY })) {
    return 'may backtrack catastrophically (nested quantifier)';
  }
  if (!safeRegex(forSafeRegex(pattern))) return 'too many quantifiers (more than 25)';
  const probe = new RegExp(compiled.source, compiled.flags.replace(/[gy]/g, ''));
  if (shape.minLength === 0 || probe.test('')) return 'can match the empty string';
  return shape.hazard ?? null;
}

/**
 * Rewrites unbounded repeats (and bounds above MAX_REPEAT) to at most MAX_REPEAT, so a failing
 * match attempt gives up after a bounded number of steps instead of scanning to the end of the text.
 * Returns the pattern unchanged when it cannot be analysed.
 */
export function boundRepeats(pattern: string, unicode: boolean): string {
  let shape: RegexShape;
  try {
    shape = analyzeRegex(pattern, unicode);
  } catch {
    return pattern;
  }
  let out = '';
  let from = 0;
  for (const site of shape.repeats) {
    if (site.max !== undefined && site.max <= MAX_REPEAT) continue;
    const lazy = pattern[site.end - 1] === '?' && site.end - site.start > 1 ? '?' : '';
    out += `${pattern.slice(from, site.start)}{${site.min},${Math.max(site.min, MAX_REPEAT)}}${lazy}`;
    from = site.end;
  }
  return out + pattern.slice(from);
}

/** Compiles with the given flags, or with `u` and then without. Returns the error reason on failure. */
function compile(pattern: string, flags: string | undefined): RegExp | string {
  const attempts = flags === undefined ? ['u', ''] : [flags];
  let error = '';
  for (const attempt of attempts) {
    try {
      return new RegExp(pattern, attempt);
    } catch (err) {
      error ||= err instanceof Error ? err.message : String(err);
    }
  }
  return `invalid regular expression: ${error.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}`;
}

/**
 * safe-regex2's parser does not know look-behind; for star height a look-behind group counts like
 * any other group, so it is presented as one.
 */
function forSafeRegex(pattern: string): string {
  return pattern.replace(/\(\?<[=!]/g, '(?:');
}
