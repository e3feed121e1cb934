/**
 * Looks patterns up by their anchor word: exact forms and squeezed forms through maps, prefixes
 * through a character trie, so a token costs a few lookups however many patterns there are.
 */
import type { CompiledPattern } from './token-pattern.js';

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
  private readonly scratch: CompiledPattern<T>[] = [];
  private readonly ids = new Map<CompiledPattern<T>, number>();

  add(pattern: CompiledPattern<T>): void {
    if (!this.ids.has(pattern)) this.ids.set(pattern, this.ids.size);
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

  /**
   * Ends adding. Every form of a word class anchors the same patterns, so most words hold equal
   * lists: they share one array from here on (about a tenth as many arrays).
   */
  seal(): void {
    const shared = new Map<string, CompiledPattern<T>[]>();
    for (const map of [this.byWord, this.bySqueezed]) {
      for (const [word, list] of map) {
        const key = list.map((p) => this.ids.get(p)).join(',');
        const same = shared.get(key);
        if (same) map.set(word, same);
        else shared.set(key, list);
      }
    }
    this.ids.clear();
  }

  /**
   * Candidate patterns for a token. The result is only valid until the next call: it is either an
   * index list itself (the usual case, nothing copied) or a scratch array owned by the index.
   */
  candidates(norm: string, squeezed: string): readonly CompiledPattern<T>[] {
    const exact = this.byWord.get(norm);
    const viaSqueeze = squeezed === '' ? undefined : this.bySqueezed.get(squeezed);
    const head = norm.charCodeAt(0);
    let node: TrieNode<T> | undefined = !this.hasPrefixes
      ? undefined
      : head < 128
        ? this.prefixHeads[head]
        : this.prefixes.next.get(head);
    // most tokens share a first letter or two with some prefix but reach no prefix's end
    let depth = 1;
    while (node && node.patterns.length === 0) {
      node = depth < norm.length ? node.next.get(norm.charCodeAt(depth)) : undefined;
      depth++;
    }
    if (!viaSqueeze && !node) return exact ?? NONE;
    const out = this.scratch;
    out.length = 0;
    const stamp = ++this.stamp;
    if (exact) take(exact, stamp, out);
    if (viaSqueeze) take(viaSqueeze, stamp, out);
    for (let i = depth; node; i++) {
      if (node.patterns.length > 0) take(node.patterns, stamp, out);
      node = i < norm.length ? node.next.get(norm.charCodeAt(i)) : undefined;
    }
    return out;
  }
}

const NONE: readonly never[] = [];
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
