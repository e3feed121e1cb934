/**
 * Store factory: Redis when a URL or cluster nodes are configured, otherwise the in-process store
 * (single instance only: sessions do not survive a restart and are not shared between replicas).
 */
import { MemoryStore } from './memory.js';
import { RedisStore } from './redis.js';
import type { StoreLogger } from './redis.js';
import type { SessionStore } from './types.js';

export interface CreateStoreOptions {
  redisUrl?: string;
  clusterNodes?: string[];
  keyPrefix: string;
  logger?: StoreLogger;
}

export function createStore(opts: CreateStoreOptions): SessionStore {
  const clusterNodes = opts.clusterNodes?.filter((node) => node.trim().length > 0) ?? [];
  if (clusterNodes.length > 0) {
    return new RedisStore({ clusterNodes, keyPrefix: opts.keyPrefix, logger: opts.logger });
  }
  if (opts.redisUrl) {
    return new RedisStore({ url: opts.redisUrl, keyPrefix: opts.keyPrefix, logger: opts.logger });
  }
  return new MemoryStore({ keyPrefix: opts.keyPrefix });
}

export { StoreError } from './redis.js';
export type { StoreLogger } from './redis.js';
export { InvalidKeyPartError } from './keys.js';
export type { HistoryLimits, SessionSnapshot, SessionStore, StoredMessage } from './types.js';
