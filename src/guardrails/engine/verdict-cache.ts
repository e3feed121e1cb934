/**
 * Input findings remembered per tenant, by exact text. A chat client resends the whole
 * conversation every turn, and its system message is the same on every request: without this
 * each earlier message is scanned again on every turn. Same text, same policies and same role
 * class always give the same findings from the local detectors, so they can be reused; texts
 * judged by a delegate engine (a model, whose answer may change or fail) are never cached.
 *
 * The cache belongs to one tenant's compiled policy list, so it is rebuilt on every config
 * reload and one tenant's texts never answer for another's. It is bounded by entries and by
 * characters held.
 */
import type { CompiledPolicy } from './compile.js';
import type { Finding } from './findings.js';

/** Entries per generation: at most twice this many texts are held. */
const GENERATION_ENTRIES = 2048;
const GENERATION_CHARS = 2 * 1024 * 1024;
/** A long text is rarely sent twice verbatim and would crowd out the short ones that are. */
const MAX_TEXT_CHARS = 32 * 1024;

type Generation = { user: Map<string, readonly Finding[]>; other: Map<string, readonly Finding[]>; chars: number };

const generation = (): Generation => ({ user: new Map(), other: new Map(), chars: 0 });

/**
 * Two generations instead of a strict LRU: new texts go into the current one, a hit in the
 * previous one is carried over, and when the current one is full it becomes the previous one
 * (dropping the older). A text used at least once per generation stays; eviction costs nothing
 * per request (a Map kept in strict LRU order was a measurable share of a request).
 */
export class VerdictCache {
  #current = generation();
  #previous = generation();

  /**
   * Findings for `text` checked as a message of `role`, computed by `check` on a miss. Only local
   * checks are cached, and they are synchronous.
   */
  get(text: string, role: string, check: () => Finding[]): readonly Finding[] {
    if (text.length > MAX_TEXT_CHARS) return check();
    // Roles matter only as "user or tool" (prompt attacks are looked for there) or not.
    const side = role === 'user' || role === 'tool' ? 'user' : 'other';
    const hit = this.#current[side].get(text);
    if (hit !== undefined) return hit;
    const old = this.#previous[side].get(text);
    const found = old ?? Object.freeze(check().map((f) => Object.freeze(f)));
    this.#remember(side, text, found);
    return found;
  }

  get size(): number {
    return this.#current.user.size + this.#current.other.size + this.#previous.user.size + this.#previous.other.size;
  }

  #remember(side: 'user' | 'other', text: string, found: readonly Finding[]): void {
    const cur = this.#current;
    if (cur.user.size + cur.other.size >= GENERATION_ENTRIES || cur.chars + text.length > GENERATION_CHARS) {
      this.#previous = cur;
      this.#current = generation();
    }
    this.#current[side].set(text, found);
    this.#current.chars += text.length;
  }
}

const caches = new WeakMap<readonly CompiledPolicy[], VerdictCache | null>();

/** The cache of one tenant's policy list, or null when a delegate engine judges input. */
export function inputVerdictCache(policies: readonly CompiledPolicy[]): VerdictCache | null {
  let cache = caches.get(policies);
  if (cache === undefined) {
    cache = policies.every((p) => p.localOnInput) ? new VerdictCache() : null;
    caches.set(policies, cache);
  }
  return cache;
}
