/**
 * Resolves words with letters masked by `*` ("f*ck", "n***er", "sh*t") to the lexicon word they
 * stand for. Only lexicon words are candidates, so a masked word can only become a listed word.
 */
import type { ContentRule } from './rule-matcher.js';
import { patternVariants } from './token-pattern.js';
import type { WordClasses } from './word-set.js';

// profanity that the category rules use inside phrases rather than as single words
const EXTRA = ['fuck', 'fucking', 'fucked', 'fucker', 'shit', 'shitty', 'bullshit', 'bitch', 'damn', 'crap', 'piss', 'dick', 'cock', 'cunt', 'ass', 'asshole'];

export function compileUnmasker(rules: readonly ContentRule[], classes: WordClasses): (masked: string) => string | undefined {
  const byLength = new Map<number, string[]>();
  const add = (word: string): void => {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) return;
    const list = byLength.get(word.length);
    if (!list) byLength.set(word.length, [word]);
    else if (!list.includes(word)) list.push(word);
  };
  for (const w of EXTRA) add(w);
  const preferred = new Set(EXTRA);
  for (const rule of rules) {
    for (const elements of patternVariants(rule.p, classes)) {
      const only = elements[0];
      if (elements.length === 1 && only?.kind === 'word') for (const w of only.set.exact) add(w);
    }
  }
  const cache = new Map<string, string | undefined>();
  const resolve = (masked: string): string | undefined => {
    const candidates = byLength.get(masked.length);
    if (!candidates) return undefined;
    let visible = 0;
    for (const ch of masked) if (ch !== '*') visible++;
    if (visible < 1 || masked[0] === '*') return undefined;
    // common profanity wins; otherwise an ambiguous mask ("p***s") resolves to nothing, not a guess
    let found: string | undefined;
    for (const word of candidates) {
      if (found !== undefined && preferred.has(found)) break;
      let ok = true;
      for (let i = 0; i < word.length && ok; i++) if (masked[i] !== '*' && masked[i] !== word[i]) ok = false;
      if (!ok) continue;
      if (found !== undefined) return undefined;
      found = word;
    }
    return found;
  };
  return (masked) => {
    if (cache.has(masked)) return cache.get(masked);
    const word = resolve(masked);
    // bounded: masked spellings are few in real text, a flood of distinct ones is not worth keeping
    if (cache.size < 4096) cache.set(masked, word);
    return word;
  };
}
