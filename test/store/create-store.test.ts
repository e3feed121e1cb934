import { describe, expect, inject, it } from 'vitest';
import { createStore } from '../../src/store/index.js';

describe('createStore', () => {
  it('uses the memory store when no Redis is configured', async () => {
    const store = createStore({ keyPrefix: 'factory' });
    expect(store.kind).toBe('memory');
    await store.close();
  });

  it('uses Redis when a URL is configured', async () => {
    const store = createStore({ redisUrl: inject('redisUrl'), keyPrefix: 'factory' });
    expect(store.kind).toBe('redis');
    await store.ping();
    await store.close();
  });

  it('uses Redis Cluster when cluster nodes are configured', async () => {
    const store = createStore({ clusterNodes: ['127.0.0.1:1'], keyPrefix: 'factory' });
    expect(store.kind).toBe('redis');
    await expect(store.ping()).rejects.toThrow(/redis ping failed/);
    await store.close();
  });
});
