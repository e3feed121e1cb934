/**
 * In-process store for single-instance deployments and tests. Behaves like the Redis store:
 * same entry encoding and trimming rule, values kept as serialized strings (so callers can never
 * mutate stored state), expiry checked on every access plus a periodic sweep that frees memory
 * of sessions nobody reads again.
 */
import { countMessageTokensWith, loadTokenCounter } from './count-tokens.js';
import { createKeyBuilder } from './keys.js';
import { decodeEntryMessage, decodeEntryMeta, encodeEntry, entriesToDrop, wholeTtlSeconds } from './trim.js';
import type { HistoryLimits, SessionSnapshot, SessionStore, StoredMessage } from './types.js';

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
      messages: session.value.map(decodeEntryMessage),
      expiresAt: Math.floor(session.expiresAtMs / 1000),
    };
  }

  async appendTurn(tenant: string, sessionId: string, turn: StoredMessage[], limits: HistoryLimits): Promise<void> {
    const key = this.keys.sessionMessages(tenant, sessionId);
    if (turn.length === 0) return this.touch(tenant, sessionId, limits.ttlSeconds);
    // Everything asynchronous happens before the mutation, which then runs without yielding:
    // concurrent appends on one session interleave only as whole turns.
    const countText = await loadTokenCounter();
    const encoded = turn.map((message) => encodeEntry(message, countMessageTokensWith(countText, message)));

    const entries = [...(live(this.sessions, key)?.value ?? []), ...encoded];
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

function ttlMilliseconds(ttlSeconds: number): number {
  return wholeTtlSeconds(ttlSeconds) * 1000;
}

function dropExpired<T>(map: Map<string, Expiring<T>>, now: number): void {
  for (const [key, item] of map) if (item.expiresAtMs <= now) map.delete(key);
}
