/**
 * Storage contracts. Two implementations (Redis, memory) behave identically; the same test suite
 * runs on both.
 */

/** A chat message as the OpenAI API carries it (role plus any other fields, kept verbatim). */
export type StoredMessage = { role: string } & Record<string, unknown>;

export interface HistoryLimits {
  /** Upper bound on stored messages after a save, enforced in whole turns. */
  maxMessages: number;
  /** Upper bound on the stored messages' token count after a save, enforced in whole turns. */
  maxTokens: number;
  ttlSeconds: number;
}

export interface SessionSnapshot {
  messages: StoredMessage[];
  /** The stored token figures of the messages, summed (exact counts or upper bounds). */
  tokens: number;
  /** Epoch seconds. */
  expiresAt: number;
}

/** One fixed-window counter after a hit (see SessionStore.hitWindow). */
export interface RateWindow {
  /** The window's total after this hit; unchanged when the hit was refused. */
  count: number;
  /** Milliseconds until the window closes and the count starts from zero; 0 when no window is open. */
  resetMs: number;
  /** Whether the amount fitted within the limit and was counted. */
  allowed: boolean;
}

export interface SessionStore {
  /** History of one session, oldest first; null when unknown or expired. One round trip. */
  load(tenant: string, sessionId: string): Promise<SessionSnapshot | null>;
  /**
   * Appends one turn (the new non-system messages and the assistant answer) atomically, trims
   * oldest whole turns to the limits (never the turn just appended) and refreshes the TTL: one
   * round trip. A turn starts at a user message; a tool call and its results never split.
   * `historyTokens` is the `tokens` of the snapshot this turn followed, when there was one: with
   * it the store knows whether the tokenizer is needed (see trim.ts) without asking first.
   */
  appendTurn(tenant: string, sessionId: string, turn: StoredMessage[], limits: HistoryLimits, historyTokens?: number): Promise<void>;
  /** Refreshes the TTL of an existing session (used when a request reads without saving). */
  touch(tenant: string, sessionId: string, ttlSeconds: number): Promise<void>;
  /** true when it existed. */
  delete(tenant: string, sessionId: string): Promise<boolean>;

  /** Opaque JSON documents (stored Responses API objects), scoped by tenant. */
  putDocument(tenant: string, kind: string, id: string, value: unknown, ttlSeconds: number): Promise<void>;
  getDocument<T = unknown>(tenant: string, kind: string, id: string): Promise<T | null>;
  deleteDocument(tenant: string, kind: string, id: string): Promise<boolean>;

  /**
   * Adds `amount` (a non-negative integer) to the tenant's counter `name` only when the total stays
   * within `limit`, atomically and in one round trip. The window opens at the first counted amount
   * and closes `windowMs` later, whatever happens in between; amount 0 reads without opening one.
   */
  hitWindow(tenant: string, name: string, windowMs: number, amount: number, limit: number): Promise<RateWindow>;

  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
  readonly kind: 'redis' | 'memory';
  close(): Promise<void>;
}
