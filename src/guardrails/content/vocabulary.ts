/**
 * Every word form the lexicon patterns can match, used to decide how to read spelled-out letters
 * ("a n i g g e r" is "a" plus a listed word, not one unknown word).
 */
import type { ContentRule } from './rule-matcher.js';
import { patternVariants } from './token-pattern.js';
import type { WordClasses, WordSet } from './word-set.js';

export function lexiconVocabulary(rules: readonly ContentRule[], classes: WordClasses): Set<string> {
  const words = new Set<string>();
  // Patterns share their sets (a class of a thousand words appears in dozens): each is read once.
  const seen = new Set<WordSet>();
  for (const rule of rules) {
    for (const elements of patternVariants(rule.p, classes)) {
      for (const element of elements) {
        const sets = element.kind === 'word' ? [element.set] : element.kind === 'phrase' ? element.options.flat() : [];
        for (const set of sets) {
          if (seen.has(set)) continue;
          seen.add(set);
          for (const w of set.exact) words.add(w);
        }
      }
    }
  }
  return words;
}
