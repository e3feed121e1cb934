/**
 * The local word filter: configured words and phrases (`custom`), configured regular expressions
 * (`pattern:<index>`) and the managed profanity list (`profanity`). Everything is compiled once
 * per config; the returned detector is a pure function of the text.
 *
 * Spans are in source offsets. A span lying wholly inside another reported span is dropped, so a
 * region is reported once; when two rules report exactly the same span, custom words win over
 * patterns (lower index first), which win over profanity.
 */
import type { Span, WordMatch, WordsDetector, WordsDetectorOptions } from './types.js';
import { foldTextTransient } from './text-normalize.js';
import { compileCustomWords, phraseWords } from './words/custom-words.js';
import { compileUserPatterns } from './words/user-patterns.js';
import { compileProfanityMatcher } from './words/profanity-matcher.js';
import type { ProfanityMatcher } from './words/profanity-matcher.js';
import { analyzeRegex } from './words/regex-shape.js';
import { boundRepeats } from './safe-pattern.js';

/**
 * Words the profanity check may need at the end of a stream: listed phrases have two words, but a
 * word spelled out letter by letter ("f u c k i n g") is one word per letter.
 */
const PROFANITY_HOLDBACK_WORDS = 8;

let sharedProfanity: ProfanityMatcher | undefined;

/** The profanity matcher is config-independent, so one compiled instance serves every policy. */
function profanityMatcher(): ProfanityMatcher {
  sharedProfanity ??= compileProfanityMatcher();
  return sharedProfanity;
}

export function compileWordsDetector(opts: WordsDetectorOptions): WordsDetector {
  const custom = compileCustomWords(opts.words);
  const patterns = compileUserPatterns(opts.patterns);
  const profanity = opts.managed.includes('profanity') ? profanityMatcher() : undefined;
  return (text) => {
    if (text.length === 0) return [];
    const lists: WordMatch[][] = [];
    if (custom) lists.push(custom(foldTextTransient(text)));
    if (patterns) lists.push(patterns(text));
    if (profanity) lists.push(profanity(text));
    return dropContained(lists.filter((list) => list.length > 0));
  };
}

/**
 * What a streaming caller must hold back so a match cannot be cut by a chunk boundary: the most
 * words one match can span, and whether some pattern can span an unbounded stretch of words.
 */
export function wordsHoldback(opts: WordsDetectorOptions): { words: number; unboundedPatterns: boolean } {
  let words = Math.max(0, ...phraseWords(opts.words).map((phrase) => phrase.length));
  if (opts.managed.includes('profanity')) words = Math.max(words, PROFANITY_HOLDBACK_WORDS);
  let unboundedPatterns = false;
  for (const pattern of opts.patterns) {
    const gaps = patternWordGaps(pattern);
    if (gaps.original === Number.POSITIVE_INFINITY) unboundedPatterns = true;
    if (Number.isFinite(gaps.compiled)) words = Math.max(words, gaps.compiled + 1);
  }
  return { words, unboundedPatterns };
}

/** Word gaps of a pattern as written and as compiled (repeats capped). */
function patternWordGaps(pattern: string): { original: number; compiled: number } {
  for (const unicode of [true, false]) {
    try {
      new RegExp(pattern, unicode ? 'u' : '');
      return {
        original: analyzeRegex(pattern, unicode).maxWordGaps,
        compiled: analyzeRegex(boundRepeats(pattern, unicode), unicode).maxWordGaps,
      };
    } catch {
      // try without Unicode mode, then give up
    }
  }
  return { original: Number.POSITIVE_INFINITY, compiled: Number.POSITIVE_INFINITY };
}

function rulePriority(rule: string): number {
  if (rule === 'custom') return -1;
  if (rule === 'profanity') return Number.MAX_SAFE_INTEGER;
  return Number(rule.slice('pattern:'.length));
}

/** Each list is sorted by start, except patterns (sorted here with the rest). */
function dropContained(lists: WordMatch[][]): WordMatch[] {
  const [only] = lists;
  if (!only) return [];
  // The profanity matcher already merges its hits into disjoint spans in order.
  if (lists.length === 1 && only[0]?.rule === 'profanity') return only;
  let matches = only;
  if (lists.length > 1 || (only[0]?.rule ?? '').startsWith('pattern:')) {
    matches = lists.flat();
    const priority = new Map<string, number>();
    for (const match of matches) if (!priority.has(match.rule)) priority.set(match.rule, rulePriority(match.rule));
    matches.sort(
      (a, b) => a.start - b.start || b.end - a.end || (priority.get(a.rule) ?? 0) - (priority.get(b.rule) ?? 0),
    );
  }
  const kept: WordMatch[] = [];
  let reach: Span | undefined;
  for (const match of matches) {
    // Sorted by start, so the kept span reaching furthest right is the only containment candidate.
    if (reach && match.end <= reach.end) continue;
    kept.push(match);
    reach = match;
  }
  return kept;
}
