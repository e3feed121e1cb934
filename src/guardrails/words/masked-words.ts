/**
 * Masked profanity: a word with some letters replaced by *, # or % ("f**k", "b*tch", "a##hole").
 * A token matches when it has the length of a listed word, keeps at least two of its letters
 * (the first among them) and masks only the others. Tokens are read from the source text and
 * mapped character by character (leet, case), without collapsing runs: each mask stands for one
 * letter.
 */
import type { Span } from '../types.js';
import type { CodePointMapper } from '../text-normalize.js';

const MASKED_WORDS = [
  'fuck', 'fucks', 'fucked', 'fucker', 'fuckers', 'fucking', 'fuckin', 'motherfucker',
  'shit', 'shits', 'shitty', 'bullshit', 'bitch', 'bitches', 'cunt', 'cunts', 'dick', 'dicks',
  'dickhead', 'pussy', 'asshole', 'assholes', 'bastard', 'whore', 'whores', 'slut', 'sluts',
  'nigger', 'niggers', 'nigga', 'niggas', 'faggot', 'faggots', 'cock', 'cocks', 'cocksucker',
  'twat', 'wanker', 'prick',
];
const MASK_CHARS = /[*#%]/g;
const IS_MASK = /^[*#%]$/;
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}$@*#%!|]/u;
const EDGE_ONLY = /^[!|]$/;
const MAX_TOKEN = 16;

export type MaskedWordFinder = (source: string) => Span[];

export function compileMaskedWords(mapCodePoint: CodePointMapper): MaskedWordFinder {
  const byLength = new Map<number, string[]>();
  for (const word of MASKED_WORDS) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);

  const matchesWord = (token: string): boolean => {
    if (!/^[a-z][a-z*#%]+$/.test(token)) return false;
    let letters = 0;
    for (const char of token) if (!IS_MASK.test(char)) letters++;
    if (letters < 2 || letters === token.length) return false;
    return (byLength.get(token.length) ?? []).some((word) => {
      for (let i = 0; i < token.length; i++) {
        const char = token[i] ?? '';
        if (!IS_MASK.test(char) && char !== word[i]) return false;
      }
      return true;
    });
  };

  return (source) => {
    const spans: Span[] = [];
    // Most texts hold no mask character; a native search says so faster than the regex scan.
    if (source.indexOf('*') < 0 && source.indexOf('#') < 0 && source.indexOf('%') < 0) return spans;
    MASK_CHARS.lastIndex = 0;
    for (let m = MASK_CHARS.exec(source); m !== null; m = MASK_CHARS.exec(source)) {
      const span = tokenAround(source, m.index);
      // Continue after this token, so a long run of masks is visited once.
      MASK_CHARS.lastIndex = Math.max(span.end, m.index + 1);
      if (span.end - span.start > MAX_TOKEN) continue;
      let token = '';
      for (const char of source.slice(span.start, span.end)) {
        token += IS_MASK.test(char) ? char : mapCodePoint(char.codePointAt(0) ?? 0);
      }
      if (matchesWord(token)) spans.push(span);
    }
    return spans;
  };
}

/** The token around a mask character; ! and | count only inside it ("sh!t" but not "f**k!"). */
function tokenAround(source: string, index: number): Span {
  let start = index;
  let end = index + 1;
  const limit = MAX_TOKEN + 1;
  while (start > 0 && index - start < limit && TOKEN_CHAR.test(source[start - 1] ?? '')) start--;
  while (end < source.length && end - index < limit && TOKEN_CHAR.test(source[end] ?? '')) end++;
  while (start < end && EDGE_ONLY.test(source[start] ?? '')) start++;
  while (end > start && EDGE_ONLY.test(source[end - 1] ?? '')) end--;
  return { start, end };
}
