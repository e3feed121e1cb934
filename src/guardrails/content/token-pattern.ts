/**
 * Token patterns: a small language for phrases over normalised tokens, compiled once and matched
 * in time linear in the number of tokens (each pattern has a bounded length and bounded gaps).
 *
 *   kill+ ~2 @target       a word set, then up to 2 free tokens, then a word from a class
 *   [the|a] bomb           a bracketed element is optional
 *   {make|build} a bomb    braces: one-word alternatives form a word set, phrases a phrase choice;
 *                          groups holding gaps or optional parts expand to separate patterns
 *
 * A pattern is looked up by its rarest required word (its anchor) and matched outwards from it,
 * so common words such as "you" or "the" do not start work at every occurrence.
 */
import type { TokenStream } from './tokenize.js';
import { hashString } from '../text-units.js';
import { matchesWord, parseWordSet, type WordClasses, type WordSet } from './word-set.js';

export type PatternElement =
  | { kind: 'word'; set: WordSet; optional: boolean }
  | { kind: 'phrase'; options: WordSet[][] }
  | { kind: 'gap'; max: number };

// phrase groups survive brace expansion under these marks and are parsed as one element
const PHRASE_OPEN = '\u27e8';
const PHRASE_CLOSE = '\u27e9';

export interface CompiledPattern<T> {
  elements: PatternElement[];
  payload: T;
  /** index of the anchor element; `before` holds the elements before it, nearest first */
  anchor: number;
  before: PatternElement[];
  after: PatternElement[];
  /** filters (see `neighbourFilter`) of the words that must stand right after and right before the anchor */
  next: Uint32Array | undefined;
  previous: Uint32Array | undefined;
  /** scratch mark used to de-duplicate candidates during one lookup */
  stamp?: number;
}

// Frequent words make poor anchors: a pattern is indexed by its element with the fewest of them.
const COMMON = new Set(
  ("the be to of and a in that have i it for not on with he as you do at this but his by from they we say her she or an will my one all would there their what so up out if about who get which go me when make can like time no just him know take people into year your good some could them see other than then now look only come its over think also back after use two how our work first well way even new want because any these give day most us is are was were been has had did does am i'm it's don't u ur r im dont really very more much should must shall may might those every each here where why too same own off down still again never always being let let's lets please thing things man men woman women girl girls guy guys kid kids life world love going gonna need right yes yeah ok okay oh lol got made said would've can't won't didn't isn't aren't wasn't i'll i've you're they're we're that's there's what's he's she's")
    .split(' '),
);

const COMMON_COST = 1e6;

/** Cost of anchoring on a word element: its common words first, then its size. */
function anchorCost(e: PatternElement): number {
  if (e.kind !== 'word' || e.optional) return Number.POSITIVE_INFINITY;
  return commonWords(e.set) * COMMON_COST + e.set.exact.size + e.set.prefixes.length * 50;
}

// Sets are shared between patterns (class words), so each is counted once.
const commonCounts = new WeakMap<WordSet, number>();

function commonWords(set: WordSet): number {
  let common = commonCounts.get(set);
  if (common === undefined) {
    common = 0;
    // the smaller side is walked: a class of a thousand words against a few hundred common ones
    if (set.exact.size <= COMMON.size) {
      for (const w of set.exact) if (COMMON.has(w)) common++;
    } else {
      for (const w of COMMON) if (set.exact.has(w)) common++;
    }
    commonCounts.set(set, common);
  }
  return common;
}

export function compilePattern<T>(elements: PatternElement[], payload: T): CompiledPattern<T> {
  let anchor = 0;
  let best = Number.POSITIVE_INFINITY;
  elements.forEach((e, index) => {
    const cost = anchorCost(e);
    if (cost < best) {
      best = cost;
      anchor = index;
    }
  });
  const before = elements.slice(0, anchor).reverse();
  const after = elements.slice(anchor + 1);
  return { elements, payload, anchor, before, after, next: neighbourFilter(after[0]), previous: neighbourFilter(before[0]) };
}

// Sets of up to this many words get a neighbour filter; larger ones would let nearly every word through.
const MAX_FILTERED_WORDS = 64;

/**
 * For a required word element of plain forms (no prefixes), 256 bits by word hash: a token whose
 * bit is clear is none of its forms. Most candidates fail at the word beside their anchor ("the"
 * anchors "the only good ..."), and the bit says so without a set lookup.
 */
function neighbourFilter(element: PatternElement | undefined): Uint32Array | undefined {
  if (element?.kind !== 'word' || element.optional || element.set.prefixes.length > 0 || element.set.exact.size > MAX_FILTERED_WORDS) return undefined;
  const bits = new Uint32Array(8);
  for (const form of element.set.exact) {
    const bit = hashString(form) & 255;
    bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  return bits;
}

/** Whether token `ti` may be a form of the element `filter` stands for (false when it is none). */
function mayBe(filter: Uint32Array | undefined, tokens: TokenStream, ti: number, sentence: number): boolean {
  if (filter === undefined) return true;
  // outside the sentence the element cannot match at all
  if (ti < 0 || ti >= tokens.length || tokens.sentence[ti] !== sentence) return false;
  // an elongated token may match through its squeezed form, which the filter does not cover
  if (tokens.squeezed[ti] !== '') return true;
  const bit = (tokens.hash[ti] as number) & 255;
  return ((filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

/** Expands `{a b|c}` groups into every combination of alternatives. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern.replace(/\s+/g, ' ').trim()];
  let depth = 0;
  let close = -1;
  const cuts: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (c === '|' && depth === 1) cuts.push(i);
  }
  if (close < 0) throw new Error(`unbalanced braces in pattern: ${pattern}`);
  const bounds = [open, ...cuts, close];
  const alternatives = bounds.slice(0, -1).map((b, k) => pattern.slice(b + 1, bounds[k + 1]).trim());
  // alternatives that are all single words become one word set instead of separate patterns
  if (alternatives.every((a) => a !== '' && !/[\s{}[\]~]/.test(a))) {
    return expandBraces(pattern.slice(0, open) + alternatives.join('|') + pattern.slice(close + 1));
  }
  // plain phrases (no gaps, options or groups inside) become one phrase element
  if (alternatives.every((a) => a !== '' && !/[{}[\]~]/.test(a))) {
    const group = PHRASE_OPEN + alternatives.map((a) => a.replace(/\s+/g, ' ')).join('|') + PHRASE_CLOSE;
    return expandBraces(pattern.slice(0, open) + ' ' + group + ' ' + pattern.slice(close + 1));
  }
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const alternative = pattern.slice((bounds[k] as number) + 1, bounds[k + 1]);
    out.push(...expandBraces(pattern.slice(0, open) + ' ' + alternative + ' ' + pattern.slice(close + 1)));
  }
  return out;
}

export function parsePattern(pattern: string, classes: WordClasses): PatternElement[] {
  const elements: PatternElement[] = [];
  for (const part of splitTopLevel(pattern)) {
    if (/^~\d+$/.test(part)) {
      elements.push({ kind: 'gap', max: Number(part.slice(1)) });
    } else if (part.startsWith(PHRASE_OPEN) && part.endsWith(PHRASE_CLOSE)) {
      const options = part
        .slice(1, -1)
        .split('|')
        .map((phrase) => phrase.split(' ').filter((w) => w !== '').map((w) => parseWordSet(w, classes)));
      elements.push({ kind: 'phrase', options });
    } else if (part.startsWith('[') && part.endsWith(']')) {
      elements.push({ kind: 'word', set: parseWordSet(part.slice(1, -1), classes), optional: true });
    } else {
      elements.push({ kind: 'word', set: parseWordSet(part, classes), optional: false });
    }
  }
  const first = elements[0];
  if (!first || first.kind === 'gap' || (first.kind === 'word' && first.optional)) {
    throw new Error(`a pattern must start with a required word or phrase: ${pattern}`);
  }
  return elements;
}

/** Splits a pattern on spaces outside phrase groups. */
function splitTopLevel(pattern: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inPhrase = false;
  for (const ch of pattern) {
    if (ch === PHRASE_OPEN) inPhrase = true;
    else if (ch === PHRASE_CLOSE) inPhrase = false;
    if (ch === ' ' && !inPhrase) {
      if (current !== '') parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Compiles a pattern string into indexable patterns: usually one; a pattern made only of phrase
 * choices has no word to anchor on and becomes one pattern per phrase.
 */
export function compileVariants<T>(pattern: string, classes: WordClasses, payload: T): CompiledPattern<T>[] {
  return patternVariants(pattern, classes).map((elements) => compilePattern(elements, payload));
}

/**
 * The element lists of a pattern's indexable variants. Several compiled tables read the same
 * rules (the matcher, the unmasker, the vocabulary): each pattern is parsed once per class
 * table, and the lists are shared, never changed.
 */
const variantsByClasses = new WeakMap<WordClasses, Map<string, PatternElement[][]>>();

export function patternVariants(pattern: string, classes: WordClasses): readonly PatternElement[][] {
  let parsed = variantsByClasses.get(classes);
  if (!parsed) {
    parsed = new Map();
    variantsByClasses.set(classes, parsed);
  }
  let variants = parsed.get(pattern);
  if (!variants) {
    variants = [];
    for (const variant of expandBraces(pattern)) variants.push(...anchorable(parsePattern(variant, classes)));
    parsed.set(pattern, variants);
  }
  return variants;
}

function anchorable(elements: PatternElement[]): PatternElement[][] {
  const best = Math.min(...elements.map(anchorCost));
  // no rare word to look the pattern up by: spell out a phrase choice, whose words may be rarer
  const at = best < COMMON_COST ? -1 : elements.findIndex((e) => e.kind === 'phrase');
  const phrase = elements[at];
  if (!phrase || phrase.kind !== 'phrase') return best === Number.POSITIVE_INFINITY ? [] : [elements];
  const out: PatternElement[][] = [];
  for (const option of phrase.options) {
    const words: PatternElement[] = option.map((set) => ({ kind: 'word', set, optional: false }));
    out.push(...anchorable([...elements.slice(0, at), ...words, ...elements.slice(at + 1)]));
  }
  return out;
}

const NO_MATCH = Number.MIN_SAFE_INTEGER;

export interface TokenRange {
  first: number;
  /** exclusive */
  end: number;
}

/**
 * Matches a pattern whose anchor element matched token `at`: forwards for the elements after the
 * anchor, backwards for those before it. Gaps prefer the shortest filling; a match never leaves
 * the sentence of its anchor.
 */
export function matchAround<T>(pattern: CompiledPattern<T>, tokens: TokenStream, at: number): TokenRange | null {
  const sentence = tokens.sentence[at] as number;
  if (!mayBe(pattern.next, tokens, at + 1, sentence) || !mayBe(pattern.previous, tokens, at - 1, sentence)) return null;
  const end = walk(pattern.after, 0, tokens, at + 1, sentence, 1);
  if (end === NO_MATCH) return null;
  const before = walk(pattern.before, 0, tokens, at - 1, sentence, -1);
  if (before === NO_MATCH) return null;
  return { first: before + 1, end };
}

function walk(elements: readonly PatternElement[], ei: number, tokens: TokenStream, ti: number, sentence: number, dir: 1 | -1): number {
  if (ei === elements.length) return ti;
  const element = elements[ei] as PatternElement;
  if (element.kind === 'gap') {
    for (let skip = 0; skip <= element.max; skip++) {
      if (skip > 0) {
        const consumed = ti + dir * (skip - 1);
        if (consumed < 0 || consumed >= tokens.length || tokens.sentence[consumed] !== sentence) break;
      }
      const result = walk(elements, ei + 1, tokens, ti + dir * skip, sentence, dir);
      if (result !== NO_MATCH) return result;
    }
    return NO_MATCH;
  }
  if (element.kind === 'phrase') {
    for (const option of element.options) {
      if (!phraseAt(option, tokens, ti, sentence, dir)) continue;
      const result = walk(elements, ei + 1, tokens, ti + dir * option.length, sentence, dir);
      if (result !== NO_MATCH) return result;
    }
    return NO_MATCH;
  }
  if (wordAt(element.set, tokens, ti, sentence)) {
    const result = walk(elements, ei + 1, tokens, ti + dir, sentence, dir);
    if (result !== NO_MATCH) return result;
  }
  return element.optional ? walk(elements, ei + 1, tokens, ti, sentence, dir) : NO_MATCH;
}

function wordAt(set: WordSet, tokens: TokenStream, ti: number, sentence: number): boolean {
  return (
    ti >= 0 &&
    ti < tokens.length &&
    tokens.sentence[ti] === sentence &&
    matchesWord(set, tokens.norm[ti] as string, tokens.squeezed[ti] as string)
  );
}

/** Whether the phrase lies at `ti` (forwards) or ends at `ti` (backwards). */
function phraseAt(option: readonly WordSet[], tokens: TokenStream, ti: number, sentence: number, dir: 1 | -1): boolean {
  const n = option.length;
  for (let k = 0; k < n; k++) {
    const set = option[dir === 1 ? k : n - 1 - k] as WordSet;
    if (!wordAt(set, tokens, ti + dir * k, sentence)) return false;
  }
  return true;
}
