/**
 * Redis-backed store (standalone or Cluster). Every operation is one round trip; appendTurn and
 * load are Lua scripts (EVALSHA with EVAL fallback via defineCommand), so a turn lands atomically
 * and trimming never races with another append on the same session.
 *
 * The client is tuned for a gateway: while Redis is unreachable commands fail at once instead of
 * queueing (the caller degrades or answers 503), while a background loop reconnects forever with
 * capped backoff, so Redis going away and coming back never needs a restart.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Cluster, ClusterOptions, Redis, RedisOptions, Result } from 'ioredis';
import { countMessageTokensWith, loadTokenCounter, messageTokenBound, type CountText } from './count-tokens.js';
import { createKeyBuilder } from './keys.js';
import type { KeyBuilder } from './keys.js';
import { APPEND_TURN_LUA, boundsFit, decodeEntries, decodeEntryMessage, encodeEntry, wholeTtlSeconds, withExactTokens } from './trim.js';
import type { HistoryLimits, RateWindow, SessionSnapshot, SessionStore, StoredMessage } from './types.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    sluiceAppendTurn(key: string, ...args: (string | number)[]): Result<number | (number | string)[], Context>;
    sluiceLoad(key: string): Result<[number, string[]] | null, Context>;
  }
}

/** PTTL and the whole list in one atomic read; nil when the session does not exist. */
const LOAD_LUA = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then return nil end
return {ttl, redis.call('LRANGE', KEYS[1], 0, -1)}
`;

/**
 * Fixed-window counter: counts ARGV[1] only while the total stays within ARGV[3]; the first counted
 * amount opens the window for ARGV[2] ms (PEXPIRE on a fresh key, never extended). Replies
 * {count, ms until the window closes or 0, allowed}.
 */
const HIT_WINDOW_LUA = `
local amount = tonumber(ARGV[1])
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local allowed = 0
if count + amount <= tonumber(ARGV[3]) then
  allowed = 1
  if amount > 0 then count = redis.call('INCRBY', KEYS[1], amount) end
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
elseif ttl < 0 then
  ttl = 0
end
return {count, ttl, allowed}
`;
const HIT_WINDOW_SHA = createHash('sha1').update(HIT_WINDOW_LUA).digest('hex');

export interface StoreLogger {
  warn(obj: object, msg: string): void;
}

export interface RedisStoreOptions {
  url?: string;
  clusterNodes?: string[];
  keyPrefix: string;
  logger?: StoreLogger;
}

/** Any failure to get an answer from Redis; `cause` holds the client error. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

const COMMAND_TIMEOUT_MS = 1500;
const CONNECT_TIMEOUT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 2000;
const ERROR_LOG_INTERVAL_MS = 10_000;

type Client = Redis | Cluster;

export class RedisStore implements SessionStore {
  readonly kind = 'redis' as const;
  private readonly client: Client;
  private readonly keys: KeyBuilder;
  private readonly log: RateLimitedWarn;
  private everReady = false;
  private firstConnection: Promise<void> | undefined;

  constructor(options: RedisStoreOptions) {
    this.keys = createKeyBuilder(options.keyPrefix);
    this.log = new RateLimitedWarn(options.logger);
    this.client = createClient(options);
    this.client.defineCommand('sluiceAppendTurn', { numberOfKeys: 1, lua: APPEND_TURN_LUA });
    this.client.defineCommand('sluiceLoad', { numberOfKeys: 1, lua: LOAD_LUA, readOnly: true });
    // Without an 'error' listener a refused connection would crash the process.
    this.client.on('error', (err: unknown) => this.log.warn('redis connection error', err));
    this.client.on('node error', (err: unknown, node: unknown) => this.log.warn('redis node error', err, { node }));
    this.client.on('ready', () => {
      if (this.everReady) this.log.restored('redis connection restored');
      this.everReady = true;
    });
  }

  async load(tenant: string, sessionId: string): Promise<SessionSnapshot | null> {
    const key = this.keys.sessionMessages(tenant, sessionId);
    const reply = await this.run('load', () => this.client.sluiceLoad(key));
    if (reply === null) return null;
    const [pttl, entries] = reply;
    return {
      ...decodeEntries(entries),
      // 0 marks a list without TTL, which this store never writes.
      expiresAt: pttl >= 0 ? Math.floor((Date.now() + pttl) / 1000) : 0,
    };
  }

  /**
   * One round trip when `historyTokens` (the loaded history's figure) tells whether bounds will do;
   * two when the history changed in between, or bounded entries must be counted once.
   */
  async appendTurn(tenant: string, sessionId: string, turn: StoredMessage[], limits: HistoryLimits, historyTokens?: number): Promise<void> {
    const key = this.keys.sessionMessages(tenant, sessionId);
    if (turn.length === 0) return this.touch(tenant, sessionId, limits.ttlSeconds);
    const head = [scriptLimit(limits.maxMessages), scriptLimit(limits.maxTokens), wholeTtlSeconds(limits.ttlSeconds)];
    const bounds = turn.map(messageTokenBound);
    const counted = (countText: CountText) => turn.map((message) => encodeEntry(message, countMessageTokensWith(countText, message)));
    const withBounds = historyTokens !== undefined && boundsFit(historyTokens, bounds, limits.maxTokens);
    const entries = withBounds ? turn.map((message, i) => encodeEntry(message, bounds[i] as number, false)) : counted(await loadTokenCounter());
    const reply = await this.run('appendTurn', () => this.client.sluiceAppendTurn(key, ...head, 'try', 0, ...entries));
    if (!Array.isArray(reply)) return;

    // Bounds could pass the limit: count the appended entries and the stored bounded ones.
    const countText = await loadTokenCounter();
    const exact = withBounds ? counted(countText) : entries;
    const fixes: (string | number)[] = [];
    for (let i = 1; i + 1 < reply.length; i += 2) {
      const entry = String(reply[i + 1]);
      fixes.push(Number(reply[i]), entry, withExactTokens(entry, countMessageTokensWith(countText, decodeEntryMessage(entry))));
    }
    await this.run('appendTurn', () => this.client.sluiceAppendTurn(key, ...head, 'exact', fixes.length / 3, ...fixes, ...exact));
  }

  async touch(tenant: string, sessionId: string, ttlSeconds: number): Promise<void> {
    const key = this.keys.sessionMessages(tenant, sessionId);
    // EXPIRE is a no-op on a missing key, so an expired session is not resurrected.
    await this.run('touch', () => this.client.expire(key, wholeTtlSeconds(ttlSeconds)));
  }

  async delete(tenant: string, sessionId: string): Promise<boolean> {
    const key = this.keys.sessionMessages(tenant, sessionId);
    return (await this.run('delete', () => this.client.del(key))) > 0;
  }

  async putDocument(tenant: string, kind: string, id: string, value: unknown, ttlSeconds: number): Promise<void> {
    const key = this.keys.document(tenant, kind, id);
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('document value is not JSON-serializable');
    await this.run('putDocument', () => this.client.set(key, json, 'EX', wholeTtlSeconds(ttlSeconds)));
  }

  async getDocument<T = unknown>(tenant: string, kind: string, id: string): Promise<T | null> {
    const key = this.keys.document(tenant, kind, id);
    const json = await this.run('getDocument', () => this.client.get(key));
    return json === null ? null : (JSON.parse(json) as T);
  }

  async deleteDocument(tenant: string, kind: string, id: string): Promise<boolean> {
    const key = this.keys.document(tenant, kind, id);
    return (await this.run('deleteDocument', () => this.client.del(key))) > 0;
  }

  async hitWindow(tenant: string, name: string, windowMs: number, amount: number, limit: number): Promise<RateWindow> {
    const key = this.keys.rateWindow(tenant, name);
    assertWindowHit(windowMs, amount);
    const args = [amount, windowMs, scriptLimit(limit)];
    // The script is defined here rather than with defineCommand: EVALSHA, and EVAL once per node
    // that has not cached it yet.
    const reply = await this.run('hitWindow', () =>
      this.client.evalsha(HIT_WINDOW_SHA, 1, key, ...args).catch((err: unknown) => {
        if (err instanceof Error && err.message.startsWith('NOSCRIPT')) return this.client.eval(HIT_WINDOW_LUA, 1, key, ...args);
        throw err;
      }),
    );
    const [count, resetMs, allowed] = reply as [number, number, number];
    return { count, resetMs, allowed: allowed === 1 };
  }

  async ping(): Promise<void> {
    await this.run('ping', () => this.client.ping());
  }

  async close(): Promise<void> {
    if (this.client.status === 'ready') {
      await this.client.quit().catch(() => this.client.disconnect());
    } else {
      this.client.disconnect();
    }
  }

  private async run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      await this.connected();
      return await command();
    } catch (err) {
      throw new StoreError(`redis ${operation} failed: ${errorMessage(err)}`, { cause: err });
    }
  }

  /**
   * Commands issued before the very first connection is up would be refused (no offline queue),
   * so those wait for it, bounded by the connect timeout. Afterwards an unready client fails the
   * command at once: that is the point of failing fast.
   */
  private connected(): Promise<void> {
    const status = this.client.status;
    if (status === 'ready' || this.everReady) return Promise.resolve();
    if (status !== 'wait' && status !== 'connecting' && status !== 'connect') return Promise.resolve();
    this.firstConnection ??= waitForReady(this.client, CONNECT_TIMEOUT_MS + 500).finally(() => {
      this.firstConnection = undefined;
    });
    return this.firstConnection;
  }
}

function createClient(options: RedisStoreOptions): Client {
  const failFast = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Replaying an append whose reply was lost could store the turn twice.
    autoResendUnfulfilledCommands: false,
  } satisfies RedisOptions;

  if (options.clusterNodes && options.clusterNodes.length > 0) {
    const nodes = options.clusterNodes.map(parseNode);
    const auth = nodes.find((node) => node.password !== undefined);
    const { enableOfflineQueue, ...perNode } = failFast;
    const clusterOptions: ClusterOptions = {
      enableOfflineQueue,
      clusterRetryStrategy: reconnectDelay,
      redisOptions: {
        ...perNode,
        ...(auth?.username ? { username: auth.username } : {}),
        ...(auth?.password ? { password: auth.password } : {}),
        ...(nodes.some((node) => node.tls) ? { tls: {} } : {}),
      },
    };
    return new (ioredis().Cluster)(
      nodes.map(({ host, port }) => ({ host, port })),
      clusterOptions,
    );
  }
  if (!options.url) throw new TypeError('redis store needs a url or cluster nodes');
  return new (ioredis().Redis)(options.url, { ...failFast, retryStrategy: reconnectDelay });
}

/** The client library, loaded with the first Redis store: deployments without one never load it. */
function ioredis(): typeof import('ioredis') {
  return createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
}

/** Lua's tonumber() cannot be trusted with "Infinity" or "NaN": an unbounded limit becomes a huge one. */
function scriptLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : Number.MAX_SAFE_INTEGER;
}

/** The memory store checks the same; the script would take a fraction or a negative amount. */
function assertWindowHit(windowMs: number, amount: number): void {
  if (!Number.isSafeInteger(windowMs) || windowMs < 1) throw new RangeError(`window must be a positive integer of ms, got ${windowMs}`);
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount must be a non-negative integer, got ${amount}`);
}

/** Exponential backoff capped at 2 s, with jitter so a fleet of gateways does not reconnect in lockstep. */
function reconnectDelay(attempt: number): number {
  return Math.min(MAX_RECONNECT_DELAY_MS, 50 * 2 ** Math.min(attempt, 6)) + Math.floor(Math.random() * 100);
}

interface ClusterNodeAddress {
  host: string;
  port: number;
  username?: string;
  password?: string;
  tls: boolean;
}

/** Accepts "host:port" or "redis[s]://[user:pass@]host:port". */
function parseNode(node: string): ClusterNodeAddress {
  const url = new URL(node.includes('://') ? node : `redis://${node}`);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    tls: url.protocol === 'rediss:',
  };
}

function waitForReady(client: Client, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (err?: Error) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('reconnecting', onGiveUp);
      client.off('end', onGiveUp);
      if (err) reject(err);
      else resolve();
    };
    const onReady = () => settle();
    const onGiveUp = () => settle(new Error('connection failed'));
    const timer = setTimeout(() => settle(new Error('connection timed out')), timeoutMs);
    client.once('ready', onReady);
    client.once('reconnecting', onGiveUp);
    client.once('end', onGiveUp);
  });
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Connection errors repeat on every reconnect attempt; log the first, then one per interval. */
class RateLimitedWarn {
  private lastLoggedAt = 0;
  private suppressed = 0;

  constructor(private readonly logger: StoreLogger | undefined) {}

  warn(msg: string, err: unknown, extra: object = {}): void {
    const now = Date.now();
    if (now - this.lastLoggedAt < ERROR_LOG_INTERVAL_MS) {
      this.suppressed++;
      return;
    }
    const suppressed = this.suppressed;
    this.lastLoggedAt = now;
    this.suppressed = 0;
    this.logger?.warn({ ...extra, err: errorMessage(err), suppressed }, msg);
  }

  restored(msg: string): void {
    this.lastLoggedAt = 0;
    this.suppressed = 0;
    this.logger?.warn({}, msg);
  }
}
