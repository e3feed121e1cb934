import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InvalidKeyPartError } from '../../src/store/keys.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis.js';
import type { SessionStore } from '../../src/store/types.js';
import { startRedis } from '../helpers/redis-server.js';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tenant = () => `t-${randomUUID().slice(0, 8)}`;

interface OpenedStore {
  store: SessionStore;
  dispose(): Promise<void>;
}

/** The windowed counter contract, the same on every store. */
function describeRateCounter(name: string, open: () => Promise<OpenedStore>): void {
  describe(`rate window counter on the ${name}`, () => {
    let opened: OpenedStore;
    let store: SessionStore;

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    });
    afterAll(async () => {
      await opened.dispose();
    });

    it('opens a window at the first counted hit', async () => {
      const hit = await store.hitWindow(tenant(), 'requests', MINUTE, 1, 10);
      expect(hit.count).toBe(1);
      expect(hit.allowed).toBe(true);
      expect(hit.resetMs).toBeGreaterThan(MINUTE - 5_000);
      expect(hit.resetMs).toBeLessThanOrEqual(MINUTE);
    });

    it('adds amounts up to the limit inclusive', async () => {
      const t = tenant();
      await store.hitWindow(t, 'tokens', MINUTE, 300, 1000);
      const second = await store.hitWindow(t, 'tokens', MINUTE, 700, 1000);
      expect(second).toMatchObject({ count: 1000, allowed: true });
    });

    it('refuses an amount that would pass the limit and leaves the count as it was', async () => {
      const t = tenant();
      await store.hitWindow(t, 'tokens', MINUTE, 900, 1000);
      const refused = await store.hitWindow(t, 'tokens', MINUTE, 101, 1000);
      expect(refused).toMatchObject({ count: 900, allowed: false });
      const smaller = await store.hitWindow(t, 'tokens', MINUTE, 100, 1000);
      expect(smaller).toMatchObject({ count: 1000, allowed: true });
    });

    it('does not shift the window on later hits', async () => {
      const t = tenant();
      const first = await store.hitWindow(t, 'requests', 2_000, 1, 10);
      await sleep(300);
      const later = await store.hitWindow(t, 'requests', 2_000, 1, 10);
      expect(later.resetMs).toBeLessThan(first.resetMs);
    });

    it('reads with amount 0 without opening a window', async () => {
      const t = tenant();
      expect(await store.hitWindow(t, 'tokens', MINUTE, 0, 100)).toEqual({ count: 0, resetMs: 0, allowed: true });
      const opened = await store.hitWindow(t, 'tokens', MINUTE, 5, 100);
      expect(opened.resetMs).toBeGreaterThan(0);
      expect((await store.hitWindow(t, 'tokens', MINUTE, 0, 100)).count).toBe(5);
    });

    it('opens no window for a refused first hit', async () => {
      const t = tenant();
      expect(await store.hitWindow(t, 'tokens', MINUTE, 500, 100)).toEqual({ count: 0, resetMs: 0, allowed: false });
      expect((await store.hitWindow(t, 'tokens', MINUTE, 0, 100)).resetMs).toBe(0);
    });

    it('starts from zero once the window has closed', async () => {
      const t = tenant();
      await store.hitWindow(t, 'requests', 100, 2, 2);
      expect((await store.hitWindow(t, 'requests', 100, 1, 2)).allowed).toBe(false);
      await sleep(250);
      expect(await store.hitWindow(t, 'requests', 100, 1, 2)).toMatchObject({ count: 1, allowed: true });
    });

    it('keeps tenants and counter names apart', async () => {
      const a = tenant();
      const b = tenant();
      await store.hitWindow(a, 'requests', MINUTE, 3, 10);
      expect((await store.hitWindow(b, 'requests', MINUTE, 1, 10)).count).toBe(1);
      expect((await store.hitWindow(a, 'tokens', MINUTE, 1, 10)).count).toBe(1);
    });

    it('counts concurrent hits exactly, never past the limit', async () => {
      const t = tenant();
      const hits = await Promise.all(Array.from({ length: 40 }, () => store.hitWindow(t, 'requests', MINUTE, 1, 25)));
      expect(hits.filter((h) => h.allowed)).toHaveLength(25);
      expect(Math.max(...hits.map((h) => h.count))).toBe(25);
      expect((await store.hitWindow(t, 'requests', MINUTE, 0, 25)).count).toBe(25);
    });

    it('treats an infinite limit as no limit', async () => {
      expect(await store.hitWindow(tenant(), 'tokens', MINUTE, 1_000_000, Number.POSITIVE_INFINITY)).toMatchObject({ allowed: true, count: 1_000_000 });
    });

    it('rejects bad tenants, counter names, windows and amounts', async () => {
      await expect(store.hitWindow('a:b', 'requests', MINUTE, 1, 10)).rejects.toThrow(InvalidKeyPartError);
      await expect(store.hitWindow('acme', 'Req:x', MINUTE, 1, 10)).rejects.toThrow(InvalidKeyPartError);
      await expect(store.hitWindow('acme', 'requests', 0, 1, 10)).rejects.toThrow(RangeError);
      await expect(store.hitWindow('acme', 'requests', MINUTE, -1, 10)).rejects.toThrow(RangeError);
      await expect(store.hitWindow('acme', 'requests', MINUTE, 1.5, 10)).rejects.toThrow(RangeError);
    });
  });
}

describeRateCounter('memory store', async () => {
  const store = new MemoryStore({ keyPrefix: 'test' });
  return { store, dispose: () => store.close() };
});

describeRateCounter('redis store', async () => {
  const store = new RedisStore({ url: inject('redisUrl'), keyPrefix: `test-${randomUUID()}` });
  return { store, dispose: () => store.close() };
});

describeRateCounter('redis cluster store', async () => {
  const server = await startRedis({ cluster: true });
  const store = new RedisStore({ clusterNodes: [`127.0.0.1:${server.port}`], keyPrefix: 'test' });
  return {
    store,
    async dispose() {
      await store.close();
      await server.stop();
    },
  };
});

describe('rate window counter in Redis', () => {
  const url = inject('redisUrl');
  const keyPrefix = `test-${randomUUID()}`;
  let store: RedisStore;
  let raw: Redis;

  beforeAll(() => {
    store = new RedisStore({ url, keyPrefix });
    raw = new Redis(url);
  });
  afterAll(async () => {
    raw.disconnect();
    await store.close();
  });

  it('stores the window under the tenant hash tag with an expiry', async () => {
    const t = tenant();
    await store.hitWindow(t, 'requests', MINUTE, 4, 10);
    const key = `${keyPrefix}:{${t}}:@rate:requests`;
    expect(await raw.get(key)).toBe('4');
    const ttl = await raw.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(MINUTE);
  });

  it('loads the script again after Redis flushed its script cache', async () => {
    const t = tenant();
    await store.hitWindow(t, 'requests', MINUTE, 1, 10);
    await raw.script('FLUSH');
    expect(await store.hitWindow(t, 'requests', MINUTE, 1, 10)).toMatchObject({ count: 2, allowed: true });
  });
});
