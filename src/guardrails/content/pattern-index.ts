/**
 * Looks patterns up by their anchor word: exact forms and squeezed forms through maps, prefixes
 * through a character trie, so a token costs a few lookups however many patterns there are.
 */
import { HashBits, hashString } from '../text-units.js';
import type { CompiledPattern } from './token-pattern.js';
import { squeezeAll } from './tokenize.js';

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
  /**
   * Filters that answer most tokens (those that anchor nothing) without a map lookup: a bit per
   * hash of the exact forms, and the first two characters of each prefix (0 for the second of a
   * one-character prefix).
   */
  private readonly exactHashes = new HashBits();
  private readonly prefixPairs = new Uint8Array(128 * 128);
  /**
   * Candidates of the tokens that got past the filters, by token: a few hundred common words
   * ("the", "like") anchor patterns, and this small map answers them faster than the large ones.
   */
  private readonly anchoring = new Map<string, readonly CompiledPattern<T>[]>();

  add(pattern: CompiledPattern<T>): void {
    if (!this.ids.has(pattern)) this.ids.set(pattern, this.ids.size);
    const first = pattern.elements[pattern.anchor];
    if (!first || first.kind !== 'word') return;
    for (const w of first.set.exact) {
      push(this.byWord, w, pattern);
      this.exactHashes.add(hashString(w));
    }
    // Every squeezed form, those equal to their word included (the set holds only the others).
    for (const w of first.set.exact) {
      const squeezed = squeezeAll(w);
      if (this.bySqueezed.get(squeezed)?.at(-1) !== pattern) push(this.bySqueezed, squeezed, pattern);
    }
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
      if (p.length > 0 && p.charCodeAt(0) < 128 && (p.length === 1 || p.charCodeAt(1) < 128)) {
        this.prefixPairs[p.charCodeAt(0) * 128 + (p.length === 1 ? 0 : p.charCodeAt(1))] = 1;
      }
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
   * Candidate patterns for a token; `hash` is `hashString(norm)`. The result is only valid until
   * the next call: it is either an index list itself (the usual case, nothing copied) or a scratch
   * array owned by the index.
   */
  candidates(norm: string, squeezed: string, hash: number): readonly CompiledPattern<T>[] {
    if (!this.mayAnchor(norm, squeezed, hash)) return NONE;
    if (squeezed !== '') return this.lookup(norm, squeezed);
    if (norm.length > MAX_REMEMBERED_TOKEN) return this.lookup(norm, squeezed);
    let found = this.anchoring.get(norm);
    if (found === undefined) {
      const looked = this.lookup(norm, squeezed);
      found = looked === this.scratch ? [...looked] : looked;
      // cleared rather than evicted one by one: a flood of distinct tokens is not worth keeping
      if (this.anchoring.size >= MAX_REMEMBERED_TOKENS) this.anchoring.clear();
      this.anchoring.set(norm, found);
    }
    return found;
  }

  /** False when the token surely anchors no pattern (`candidates` would find none). */
  mayAnchor(norm: string, squeezed: string, hash: number): boolean {
    return squeezed !== '' || this.exactHashes.mayHave(hash) || this.mayHavePrefix(norm);
  }

  /** False when no prefix can start the token (the prefix trie has the last word). */
  private mayHavePrefix(norm: string): boolean {
    if (!this.hasPrefixes || norm.length === 0) return false;
    const head = norm.charCodeAt(0);
    const second = norm.length > 1 ? norm.charCodeAt(1) : 0;
    if (head >= 128 || second >= 128) return true;
    return this.prefixPairs[head * 128 + second] === 1 || this.prefixPairs[head * 128] === 1;
  }

  private lookup(norm: string, squeezed: string): readonly CompiledPattern<T>[] {
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
const MAX_REMEMBERED_TOKENS = 4096;
/** Longer tokens are looked up every time, so the map cannot pin large strings. */
const MAX_REMEMBERED_TOKEN = 32;
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
