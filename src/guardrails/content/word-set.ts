/**
 * A set of word forms a single token may match: exact forms, their squeezed forms (for elongated
 * spellings) and prefixes. Written as `a|b+|c*|@class`: `+` adds inflections, `*` is a prefix.
 */
import { squeezeAll } from './tokenize.js';

export interface WordSet {
  exact: Set<string>;
  /**
   * Squeezed forms of the exact words that differ from their word ("kill" -> "kil"). A squeezed
   * form equal to its word is found in `exact`, so it is not held twice (see `matchesWord`).
   */
  squeezed: Set<string>;
  prefixes: string[];
  /** first characters of `prefixes`, to skip the prefix loop for most tokens */
  prefixStarts: Set<number>;
}

export type WordClasses = ReadonlyMap<string, WordSet>;

export function emptyWordSet(): WordSet {
  return { exact: new Set(), squeezed: new Set(), prefixes: [], prefixStarts: new Set() };
}

const NO_CLASSES: WordClasses = new Map();

/**
 * Parsed sets by spec, per class table. Lexicon patterns repeat the same elements ("@target",
 * "@insultnoun") hundreds of times, and each copy of a large class would hold its own thousand
 * forms: equal specs share one set instead. Sets are never changed once parsed.
 */
const parsedByClasses = new WeakMap<WordClasses, Map<string, WordSet>>();

export function parseWordSet(spec: string, classes: WordClasses = NO_CLASSES): WordSet {
  let parsed = parsedByClasses.get(classes);
  if (!parsed) {
    parsed = new Map();
    parsedByClasses.set(classes, parsed);
  }
  const known = parsed.get(spec);
  if (known) return known;
  const set = emptyWordSet();
  for (const item of spec.split('|')) addItem(set, item.trim(), classes);
  // Most sets have no prefix and most words no repeated letter: those parts share one empty set
  // (an empty Set still holds a table), as the lexicons parse into over a thousand sets.
  if (set.squeezed.size === 0) set.squeezed = NO_STRINGS as Set<string>;
  if (set.prefixStarts.size === 0) set.prefixStarts = NO_CODES as Set<number>;
  if (set.prefixes.length === 0) set.prefixes = NO_PREFIXES as string[];
  parsed.set(spec, set);
  return set;
}

const NO_STRINGS: ReadonlySet<string> = new Set();
const NO_CODES: ReadonlySet<number> = new Set();
const NO_PREFIXES: readonly string[] = Object.freeze([]);

function addItem(set: WordSet, item: string, classes: WordClasses): void {
  if (item === '') return;
  if (item.startsWith('@')) {
    const named = classes.get(item.slice(1));
    if (!named) throw new Error(`unknown word class ${item}`);
    for (const w of named.exact) addWord(set, w);
    for (const p of named.prefixes) addPrefix(set, p);
    return;
  }
  if (item.endsWith('*')) {
    addPrefix(set, item.slice(0, -1));
    return;
  }
  if (item.endsWith('+')) {
    for (const form of inflections(item.slice(0, -1))) addWord(set, form);
    return;
  }
  addWord(set, item);
}

function addPrefix(set: WordSet, prefix: string): void {
  set.prefixes.push(prefix);
  set.prefixStarts.add(prefix.charCodeAt(0));
}

function addWord(set: WordSet, word: string): void {
  set.exact.add(word);
  const squeezed = squeezeAll(word);
  if (squeezed !== word) set.squeezed.add(squeezed);
}

/**
 * `squeezed` is a token's squeezed form ('' when it has no long run), which has no repeated
 * letter: it is a squeezed form of the set's words exactly when it is one of the words itself or
 * one of the squeezed forms that differ from their word.
 */
export function matchesWord(set: WordSet, norm: string, squeezed: string): boolean {
  if (set.exact.has(norm)) return true;
  if (squeezed !== '' && (set.squeezed.has(squeezed) || set.exact.has(squeezed))) return true;
  if (!set.prefixStarts.has(norm.charCodeAt(0))) return false;
  for (const p of set.prefixes) if (norm.startsWith(p)) return true;
  return false;
}

const VOWELS = 'aeiou';

/** Regular English inflections of a base form; over-generation is harmless for matching. */
export function inflections(base: string): string[] {
  const forms = new Set<string>([base]);
  const last = base[base.length - 1] ?? '';
  const beforeLast = base[base.length - 2] ?? '';
  if (last === 'e') {
    const stem = base.slice(0, -1);
    for (const s of ['es', 'ed', 'er', 'ers']) forms.add(stem + s);
    forms.add(base + 's').add(base + 'd').add(stem + 'ing');
  } else if (last === 'y' && !VOWELS.includes(beforeLast)) {
    const stem = base.slice(0, -1);
    for (const s of ['ies', 'ied', 'ier', 'iers']) forms.add(stem + s);
    forms.add(base + 'ing');
  } else {
    const esNeeded = /(s|x|z|ch|sh)$/.test(base);
    forms.add(base + (esNeeded ? 'es' : 's'));
    for (const s of ['ed', 'ing', 'er', 'ers']) forms.add(base + s);
    // consonant doubling (stab -> stabbed, cut -> cutting)
    if (!VOWELS.includes(last) && VOWELS.includes(beforeLast) && !'wxy'.includes(last)) {
      for (const s of ['ed', 'ing', 'er', 'ers']) forms.add(base + last + s);
    }
  }
  forms.add(base + "in'").add(base + 'in');
  return [...forms];
}
