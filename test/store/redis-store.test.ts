import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { RedisStore, StoreError } from '../../src/store/redis.js';
import type { HistoryLimits, SessionStore, StoredMessage } from '../../src/store/types.js';
import { startRedis } from '../helpers/redis-server.js';
import type { RedisServerHandle } from '../helpers/redis-server.js';

const limits: HistoryLimits = { maxMessages: 100, maxTokens: 100_000, ttlSeconds: 60 };
const turn = (i: number): StoredMessage[] => [
  { role: 'user', content: `q${i}` },
  { role: 'assistant', content: `a${i}` },
];

interface Warning {
  obj: object;
  msg: string;
}

function recordingLogger(): { warnings: Warning[]; warn(obj: object, msg: string): void } {
  const warnings: Warning[] = [];
  return { warnings, warn: (obj, msg) => warnings.push({ obj, msg }) };
}

async function eventually(check: () => Promise<unknown>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('redis store on the shared server', () => {
  const url = inject('redisUrl');
  const keyPrefix = `test-${randomUUID()}`;
  const stores: SessionStore[] = [];
  const open = () => {
    const store = new RedisStore({ url, keyPrefix });
    stores.push(store);
    return store;
  };

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
  });

  it('lets a second store instance read a session written by the first (gateway restart)', async () => {
    const first = open();
    await first.appendTurn('acme', 'sess-1', turn(1), limits);
    await first.close();
    const second = open();
    expect((await second.load('acme', 'sess-1'))?.messages).toEqual(turn(1));
  });

  it('stores byte bounds while they fit the token limit and exact counts once they may not', async () => {
    const store = open();
    const session = `bounds-${randomUUID()}`;
    const raw = new Redis(url);
    const historyKey = `${keyPrefix}:{acme:${session}}:messages`;
    const wordy = (i: number): StoredMessage[] => [
      { role: 'user', content: `q${i}${' hello'.repeat(40)}` },
      { role: 'assistant', content: `a${i}${' hello'.repeat(60)}` },
    ];
    const headers = async () => (await raw.lrange(historyKey, 0, -1)).map((entry) => /^[01]:\d+: ?/.exec(entry)?.[0]);
    try {
      const tight = { maxMessages: 100, maxTokens: 700, ttlSeconds: 60 };
      await store.appendTurn('acme', session, wordy(1), tight, 0);
      const afterFirst = await headers();
      expect(afterFirst.every((h) => h?.endsWith(' '))).toBe(true);
      const loaded = await store.load('acme', session);
      expect(loaded?.tokens).toBeGreaterThan(600);
      // The stored bounds (~612) and the new turn's exact count (~112) pass 700: the stored bounded
      // entries are counted and fixed in place.
      await store.appendTurn('acme', session, wordy(2), tight, loaded?.tokens);
      const afterSecond = await headers();
      expect(afterSecond).toHaveLength(4);
      expect(afterSecond.some((h) => h?.endsWith(' '))).toBe(false);
      expect((await store.load('acme', session))?.tokens).toBeLessThan(300);

      // Far from the limit again: a new turn is stored with bounds next to the exact entries.
      await store.appendTurn('acme', session, wordy(3), { ...tight, maxTokens: 100_000 }, (await store.load('acme', session))?.tokens);
      expect((await headers()).map((h) => h?.endsWith(' '))).toEqual([false, false, false, false, true, true]);
    } finally {
      raw.disconnect();
    }
  });

  it('writes the documented key layout with a TTL', async () => {
    const store = open();
    await store.appendTurn('acme', 'user:42', turn(1), limits);
    await store.putDocument('acme', 'response', 'resp_1', { ok: true }, 60);
    const raw = new Redis(url);
    try {
      const historyKey = `${keyPrefix}:{acme:user:42}:messages`;
      expect(await raw.llen(historyKey)).toBe(2);
      expect(await raw.ttl(historyKey)).toBeGreaterThan(50);
      expect(await raw.get(`${keyPrefix}:{acme}:response:resp_1`)).toBe('{"ok":true}');
    } finally {
      raw.disconnect();
    }
  });
});

describe('redis store when Redis goes away', () => {
  let server: RedisServerHandle;
  let store: RedisStore;
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(async () => {
    server = await startRedis();
    logger = recordingLogger();
    store = new RedisStore({ url: server.url, keyPrefix: 'outage', logger });
    await store.appendTurn('acme', 'sess', turn(1), limits);
  });
  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  it('rejects every operation quickly with a StoreError while Redis is down', async () => {
    await server.stop();
    const startedAt = Date.now();
    const outcomes = await Promise.allSettled([
      store.load('acme', 'sess'),
      store.appendTurn('acme', 'sess', turn(2), limits),
      store.touch('acme', 'sess', 60),
      store.delete('acme', 'sess'),
      store.putDocument('acme', 'response', 'r', { ok: true }, 60),
      store.getDocument('acme', 'response', 'r'),
      store.ping(),
    ]);
    const elapsedMs = Date.now() - startedAt;
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(StoreError);
    }
    expect(elapsedMs).toBeLessThan(3000);
  });

  it('rejects with a StoreError when Redis accepts connections but stops answering', async () => {
    const admin = new Redis(server.url);
    try {
      await admin.call('CLIENT', 'PAUSE', '4000', 'ALL');
      const startedAt = Date.now();
      await expect(store.load('acme', 'sess')).rejects.toBeInstanceOf(StoreError);
      expect(Date.now() - startedAt).toBeLessThan(3000);
    } finally {
      admin.disconnect();
    }
  });

  it('works again after Redis restarts on the same port, without a new store', async () => {
    await server.stop();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreError);
    await server.restart();
    await eventually(() => store.ping());
    await store.appendTurn('acme', 'sess', turn(3), limits);
    expect((await store.load('acme', 'sess'))?.messages).toEqual(turn(3));
  });

  it('logs failed reconnects once per interval and reports the recovery', async () => {
    await server.stop();
    // Several reconnect attempts fail during this wait (backoff starts around 100 ms).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const errors = logger.warnings.filter((warning) => warning.msg === 'redis connection error');
    expect(errors).toHaveLength(1);
    await server.restart();
    await eventually(() => store.ping());
    expect(logger.warnings.at(-1)?.msg).toBe('redis connection restored');
  });
});

describe('redis store created before Redis is up', () => {
  let server: RedisServerHandle | undefined;
  let store: RedisStore | undefined;

  afterEach(async () => {
    await store?.close();
    await server?.stop();
  });

  it('fails fast at first, then works once Redis starts on its port', async () => {
    const probe = await startRedis();
    const port = probe.port;
    await probe.stop();

    store = new RedisStore({ url: `redis://127.0.0.1:${port}`, keyPrefix: 'late', logger: recordingLogger() });
    await expect(store.ping()).rejects.toBeInstanceOf(StoreError);

    server = await startRedis({ port });
    await eventually(() => store!.ping());
    await store.appendTurn('acme', 'sess', turn(1), limits);
    expect((await store.load('acme', 'sess'))?.messages).toEqual(turn(1));
  });
});
