/**
 * In-process store for single-instance deployments and tests. Behaves like the Redis store:
 * same entry encoding and trimming rule, values kept as serialized strings (so callers can never
 * mutate stored state), expiry checked on every access plus a periodic sweep that frees memory
 * of sessions nobody reads again.
 */
import { countMessageTokensWith, loadTokenCounter, messageTokenBound } from './count-tokens.js';
import { createKeyBuilder } from './keys.js';
import { boundsFit, decodeEntries, decodeEntryMessage, decodeEntryMeta, encodeEntry, entriesToDrop, storedTokens, wholeTtlSeconds, withExactTokens } from './trim.js';
import type { HistoryLimits, RateWindow, SessionSnapshot, SessionStore, StoredMessage } from './types.js';

interface Expiring<T> {
  value: T;
  expiresAtMs: number;
}

const SWEEP_INTERVAL_MS = 60_000;

export interface MemoryStoreOptions {
  keyPrefix: string;
  sweepIntervalMs?: number;
}

export class MemoryStore implements SessionStore {
  readonly kind = 'memory' as const;
  private readonly keys;
  private readonly sessions = new Map<string, Expiring<string[]>>();
  private readonly documents = new Map<string, Expiring<string>>();
  // One entry per tenant and counter name at most, replaced when expired: no sweep needed.
  private readonly rateWindows = new Map<string, Expiring<number>>();
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(options: MemoryStoreOptions) {
    this.keys = createKeyBuilder(options.keyPrefix);
    this.sweepTimer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  async load(tenant: string, sessionId: string): Promise<SessionSnapshot | null> {
    const session = live(this.sessions, this.keys.sessionMessages(tenant, sessionId));
    if (!session) return null;
    return {
      ...decodeEntries(session.value),
      expiresAt: Math.floor(session.expiresAtMs / 1000),
    };
  }

  async appendTurn(tenant: string, sessionId: string, turn: StoredMessage[], limits: HistoryLimits): Promise<void> {
    const key = this.keys.sessionMessages(tenant, sessionId);
    if (turn.length === 0) return this.touch(tenant, sessionId, limits.ttlSeconds);
    // Everything asynchronous happens before the mutation, which then runs without yielding:
    // concurrent appends on one session interleave only as whole turns. The tokenizer is needed
    // only when bounds could pass the limit (see trim.ts); the history is read again after it.
    const bounds = turn.map(messageTokenBound);
    const history = () => live(this.sessions, key)?.value ?? [];
    let stored = history();
    const countText = boundsFit(storedTokens(stored), bounds, limits.maxTokens) ? undefined : await loadTokenCounter();

    let encoded: string[];
    if (countText === undefined) {
      encoded = turn.map((message, i) => encodeEntry(message, bounds[i] as number, false));
    } else {
      stored = history().map((entry) =>
        decodeEntryMeta(entry).exact ? entry : withExactTokens(entry, countMessageTokensWith(countText, decodeEntryMessage(entry))),
      );
      encoded = turn.map((message) => encodeEntry(message, countMessageTokensWith(countText, message)));
    }

    const entries = [...stored, ...encoded];
    const dropped = entriesToDrop(entries.map(decodeEntryMeta), entries.length - encoded.length, limits);
    this.sessions.set(key, {
      value: entries.slice(dropped),
      expiresAtMs: Date.now() + ttlMilliseconds(limits.ttlSeconds),
    });
  }

  async touch(tenant: string, sessionId: string, ttlSeconds: number): Promise<void> {
    const session = live(this.sessions, this.keys.sessionMessages(tenant, sessionId));
    if (session) session.expiresAtMs = Date.now() + ttlMilliseconds(ttlSeconds);
  }

  async delete(tenant: string, sessionId: string): Promise<boolean> {
    const key = this.keys.sessionMessages(tenant, sessionId);
    const existed = live(this.sessions, key) !== undefined;
    this.sessions.delete(key);
    return existed;
  }

  async putDocument(tenant: string, kind: string, id: string, value: unknown, ttlSeconds: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('document value is not JSON-serializable');
    this.documents.set(this.keys.document(tenant, kind, id), {
      value: json,
      expiresAtMs: Date.now() + ttlMilliseconds(ttlSeconds),
    });
  }

  async getDocument<T = unknown>(tenant: string, kind: string, id: string): Promise<T | null> {
    const document = live(this.documents, this.keys.document(tenant, kind, id));
    return document ? (JSON.parse(document.value) as T) : null;
  }

  async deleteDocument(tenant: string, kind: string, id: string): Promise<boolean> {
    const key = this.keys.document(tenant, kind, id);
    const existed = live(this.documents, key) !== undefined;
    this.documents.delete(key);
    return existed;
  }

  async hitWindow(tenant: string, name: string, windowMs: number, amount: number, limit: number): Promise<RateWindow> {
    const key = this.keys.rateWindow(tenant, name);
    assertWindowHit(windowMs, amount);
    const now = Date.now();
    const window = live(this.rateWindows, key);
    const count = window?.value ?? 0;
    const allowed = count + amount <= limit;
    if (allowed && amount > 0) {
      if (window) window.value += amount;
      else this.rateWindows.set(key, { value: amount, expiresAtMs: now + windowMs });
      return { count: count + amount, resetMs: window ? window.expiresAtMs - now : windowMs, allowed };
    }
    return { count, resetMs: window ? window.expiresAtMs - now : 0, allowed };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.sessions.clear();
    this.documents.clear();
  }

  /** Drops expired entries; exposed for the sweep timer. */
  sweep(now = Date.now()): void {
    dropExpired(this.sessions, now);
    dropExpired(this.documents, now);
  }
}

/** The item when present and not expired; expired items are removed on the way. */
function live<T>(map: Map<string, Expiring<T>>, key: string): Expiring<T> | undefined {
  const item = map.get(key);
  if (item === undefined) return undefined;
  if (item.expiresAtMs > Date.now()) return item;
  map.delete(key);
  return undefined;
}

/** The Redis store checks the same, so both stores refuse the same calls. */
function assertWindowHit(windowMs: number, amount: number): void {
  if (!Number.isSafeInteger(windowMs) || windowMs < 1) throw new RangeError(`window must be a positive integer of ms, got ${windowMs}`);
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount must be a non-negative integer, got ${amount}`);
}

function ttlMilliseconds(ttlSeconds: number): number {
  return wholeTtlSeconds(ttlSeconds) * 1000;
}

function dropExpired<T>(map: Map<string, Expiring<T>>, now: number): void {
  for (const [key, item] of map) if (item.expiresAtMs <= now) map.delete(key);
}
