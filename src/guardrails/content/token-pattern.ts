/**
 * Token patterns: a small language for phrases over normalised tokens, compiled once and matched
 * in time linear in the number of tokens (each pattern has a bounded length and bounded gaps).
 *
 *   kill+ ~2 @target       a word set, then up to 2 free tokens, then a word from a class
 *   [the|a] bomb           a bracketed element is optional
 *   {make|build} a bomb    braces expand to one pattern per alternative (phrases allowed)
 *
 * A pattern is looked up by its rarest required word (its anchor) and matched outwards from it,
 * so common words such as "you" or "the" do not start work at every occurrence.
 */
import type { TokenStream } from './tokenize.js';
import { matchesWord, parseWordSet, type WordClasses, type WordSet } from './word-set.js';

export type PatternElement =
  | { kind: 'word'; set: WordSet; optional: boolean }
  | { kind: 'gap'; max: number };

export interface CompiledPattern<T> {
  elements: PatternElement[];
  payload: T;
  /** index of the anchor element; `before` holds the elements before it, nearest first */
  anchor: number;
  before: PatternElement[];
  after: PatternElement[];
  /** scratch mark used to de-duplicate candidates during one lookup */
  stamp?: number;
}

// Frequent words make poor anchors: a pattern is indexed by its element with the fewest of them.
const COMMON = new Set(
  ("the be to of and a in that have i it for not on with he as you do at this but his by from they we say her she or an will my one all would there their what so up out if about who get which go me when make can like time no just him know take people into year your good some could them see other than then now look only come its over think also back after use two how our work first well way even new want because any these give day most us is are was were been has had did does am i'm it's don't u ur r im dont really very more much should must shall may might those every each here where why too same own off down still again never always being let let's lets please thing things man men woman women girl girls guy guys kid kids life world love going gonna need right yes yeah ok okay oh lol got made said would've can't won't didn't isn't aren't wasn't i'll i've you're they're we're that's there's what's he's she's")
    .split(' '),
);

export function compilePattern<T>(elements: PatternElement[], payload: T): CompiledPattern<T> {
  let anchor = 0;
  let best = Number.POSITIVE_INFINITY;
  elements.forEach((e, index) => {
    if (e.kind !== 'word' || e.optional) return;
    let common = 0;
    for (const w of e.set.exact) if (COMMON.has(w)) common++;
    // fewest common words first, then the smaller set
    const cost = common * 1e6 + e.set.exact.size + e.set.prefixes.length * 50;
    if (cost < best) {
      best = cost;
      anchor = index;
    }
  });
  return { elements, payload, anchor, before: elements.slice(0, anchor).reverse(), after: elements.slice(anchor + 1) };
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
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const alternative = pattern.slice((bounds[k] as number) + 1, bounds[k + 1]);
    out.push(...expandBraces(pattern.slice(0, open) + ' ' + alternative + ' ' + pattern.slice(close + 1)));
  }
  return out;
}

export function parsePattern(pattern: string, classes: WordClasses): PatternElement[] {
  const elements: PatternElement[] = [];
  for (const part of pattern.split(' ')) {
    if (part === '') continue;
    if (/^~\d+$/.test(part)) {
      elements.push({ kind: 'gap', max: Number(part.slice(1)) });
    } else if (part.startsWith('[') && part.endsWith(']')) {
      elements.push({ kind: 'word', set: parseWordSet(part.slice(1, -1), classes), optional: true });
    } else {
      elements.push({ kind: 'word', set: parseWordSet(part, classes), optional: false });
    }
  }
  const first = elements[0];
  if (!first || first.kind !== 'word' || first.optional) {
    throw new Error(`a pattern must start with a required word: ${pattern}`);
  }
  return elements;
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  patterns: CompiledPattern<T>[];
}

/** Finds candidate patterns for a token by its first element, without trying every pattern. */
export class PatternIndex<T> {
  private readonly byWord = new Map<string, CompiledPattern<T>[]>();
  private readonly bySqueezed = new Map<string, CompiledPattern<T>[]>();
  private readonly prefixes: TrieNode<T> = { next: new Map(), patterns: [] };
  /** first trie level for ASCII, so most tokens cost one array read */
  private readonly prefixHeads: (TrieNode<T> | undefined)[] = new Array<TrieNode<T> | undefined>(128).fill(undefined);
  private hasPrefixes = false;
  private stamp = 0;

  add(pattern: CompiledPattern<T>): void {
    const first = pattern.elements[pattern.anchor];
    if (!first || first.kind !== 'word') return;
    for (const w of first.set.exact) push(this.byWord, w, pattern);
    for (const w of first.set.squeezed) push(this.bySqueezed, w, pattern);
    for (const p of first.set.prefixes) {
      let node = this.prefixes;
      for (let i = 0; i < p.length; i++) {
        const code = p.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) {
          child = { next: new Map(), patterns: [] };
          node.next.set(code, child);
        }
        node = child;
      }
      node.patterns.push(pattern);
      this.hasPrefixes = true;
      const head = p.charCodeAt(0);
      if (head < 128) this.prefixHeads[head] = this.prefixes.next.get(head);
    }
  }

  candidates(norm: string, squeezed: string, out: CompiledPattern<T>[]): void {
    out.length = 0;
    const exact = this.byWord.get(norm);
    const viaSqueeze = squeezed === '' ? undefined : this.bySqueezed.get(squeezed);
    const head = norm.charCodeAt(0);
    let node: TrieNode<T> | undefined = !this.hasPrefixes
      ? undefined
      : head < 128
        ? this.prefixHeads[head]
        : this.prefixes.next.get(head);
    if (!viaSqueeze && !node) {
      if (exact) for (let k = 0; k < exact.length; k++) out.push(exact[k] as CompiledPattern<T>);
      return;
    }
    const stamp = ++this.stamp;
    if (exact) take(exact, stamp, out);
    if (viaSqueeze) take(viaSqueeze, stamp, out);
    for (let i = 1; node; i++) {
      if (node.patterns.length > 0) take(node.patterns, stamp, out);
      node = i < norm.length ? node.next.get(norm.charCodeAt(i)) : undefined;
    }
  }
}

function take<T>(list: readonly CompiledPattern<T>[], stamp: number, out: CompiledPattern<T>[]): void {
  for (let k = 0; k < list.length; k++) {
    const p = list[k] as CompiledPattern<T>;
    if (p.stamp === stamp) continue;
    p.stamp = stamp;
    out.push(p);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Matches `elements` at token `at`; returns the exclusive end token index or -1. Gaps prefer the
 * shortest filling; a match never leaves the sentence of its first token.
 */
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
  if (
    ti >= 0 &&
    ti < tokens.length &&
    tokens.sentence[ti] === sentence &&
    matchesWord(element.set, tokens.norm[ti] as string, tokens.squeezed[ti] as string)
  ) {
    const result = walk(elements, ei + 1, tokens, ti + dir, sentence, dir);
    if (result !== NO_MATCH) return result;
  }
  return element.optional ? walk(elements, ei + 1, tokens, ti, sentence, dir) : NO_MATCH;
}
