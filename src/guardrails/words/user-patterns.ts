/**
 * Configured regular expressions, run case-insensitively on the source text (so offsets need no
 * mapping). Patterns are expected to have passed checkPattern; their unbounded repeats are capped
 * (boundRepeats). A pattern that does not compile at all is skipped: the detector must not throw.
 *
 * Flags are `gi`, or `giu` when the pattern needs Unicode mode (\p{...}, \u{...}, characters beyond
 * the BMP) or compiles only with it: under `iu`, V8 checks \b against Unicode case folding and a
 * pattern starting with \b scans about 20 times slower.
 */
import type { WordMatch } from '../types.js';
import { boundRepeats } from '../safe-pattern.js';

export type UserPatternsMatcher = (text: string) => WordMatch[];

interface CompiledPattern {
  rule: string;
  regex: RegExp;
}

export function compileUserPatterns(patterns: string[]): UserPatternsMatcher | undefined {
  const compiled = patterns.flatMap((pattern, index): CompiledPattern[] => {
    const regex = compileOne(pattern);
    return regex ? [{ rule: `pattern:${index}`, regex }] : [];
  });
  if (compiled.length === 0) return undefined;
  return (text) => {
    const matches: WordMatch[] = [];
    for (const { rule, regex } of compiled) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex = m.index + 1;
          continue;
        }
        matches.push({ start: m.index, end: m.index + m[0].length, rule });
      }
    }
    return matches;
  };
}

const NEEDS_UNICODE = /\\[pP]\{|\\u\{|[\uD800-\uDFFF]/;

function compileOne(pattern: string): RegExp | undefined {
  const attempts = NEEDS_UNICODE.test(pattern)
    ? ([['giu', true], ['gi', false]] as const)
    : ([['gi', false], ['giu', true]] as const);
  for (const [flags, unicode] of attempts) {
    try {
      return new RegExp(boundRepeats(pattern, unicode), flags);
    } catch {
      // try the next flag set
    }
  }
  return undefined;
}
