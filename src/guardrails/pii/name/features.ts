/** Lexicon facts about a word as bit flags, computed once per distinct word and cached. */
import { HONORIFICS, HUMAN_VERBS, NAME_SUFFIXES, ORG_WORDS, PARTICLES, type NameLexicon } from './lexicon.js';
import { looksLikeSurname, strongSurnameShape } from './surname-shapes.js';

export const FIRST = 1;
export const LAST = 2;
/** An everyday word that is not also a name. */
export const COMMON = 4;
export const PLACE = 8;
export const DEMONYM = 16;
export const ORG = 32;
export const VERB = 64;
export const AMBIGUOUS = 128;
/** Has a family-name ending and is not an everyday word. */
export const SURNAME_SHAPE = 256;
export const HONORIFIC = 512;
export const PARTICLE = 1024;
/** A family-name ending that is rarely anything else ("-sson", "-ová", "-wicz", "-nen"). */
export const STRONG_SURNAME = 2048;
export const NAME_SUFFIX = 4096;
/** A verb whose subject is nearly always a person. */
export const HUMAN_VERB = 8192;

const MAX_CACHE = 50_000;

export class WordFeatures {
  private readonly cache = new Map<string, number>();
  constructor(private readonly lex: NameLexicon) {}

  of(lower: string): number {
    let f = this.cache.get(lower);
    if (f !== undefined) return f;
    const lex = this.lex;
    f = 0;
    if (lex.first.has(lower)) f |= FIRST;
    if (lex.last.has(lower)) f |= LAST;
    if (lex.ambiguous.has(lower)) f |= AMBIGUOUS;
    if (lex.common.has(lower)) f |= COMMON;
    if (lex.places.has(lower)) f |= PLACE;
    if (lex.demonyms.has(lower)) f |= DEMONYM;
    if (ORG_WORDS.has(lower)) f |= ORG;
    if (lex.verbs.has(lower)) f |= VERB;
    if (HUMAN_VERBS.has(lower)) f |= HUMAN_VERB;
    if (!(f & (COMMON | PLACE)) && looksLikeSurname(lower)) {
      f |= SURNAME_SHAPE;
      if (strongSurnameShape(lower)) f |= STRONG_SURNAME;
    }
    if (HONORIFICS.has(lower)) f |= HONORIFIC;
    if (PARTICLES.has(lower)) f |= PARTICLE;
    if (NAME_SUFFIXES.has(lower)) f |= NAME_SUFFIX;
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(lower, f);
    return f;
  }
}
