/** A save that fails after a stream's text went out ends the stream with store_unavailable. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, startGateway, type Gateway } from '../helpers/gateway.js';
import { collectSse } from '../helpers/sse.js';
import { createStore } from '../../src/store/index.js';
import type { SessionStore } from '../../src/store/types.js';

let up: FakeUpstream;
let gw: Gateway;
let inner: SessionStore;

beforeAll(async () => {
  up = await startFakeUpstream();
  inner = createStore({ keyPrefix: 'save-fail' });
  // Loads work, saves fail: the failure can only show after the answer streamed.
  const failingSaves: SessionStore = Object.assign(Object.create(inner) as SessionStore, {
    appendTurn: async () => {
      throw new Error('disk full');
    },
  });
  gw = await startGateway({
    config: baseConfig(up.url, {
      tenants: {
        strict: { api_keys: ['k-strict'], models: ['fake'] },
        lenient: { api_keys: ['k-lenient'], models: ['fake'], history: { on_store_error: 'continue' } },
      },
    }),
    store: failingSaves,
  });
});
afterAll(async () => {
  await gw.close();
  await inner.close();
  await up.close();
});

const streamed = (key: string) =>
  gw.fetch('/v1/chat/completions', { key, headers: { 'x-session-id': 's1' }, json: { model: 'fake', stream: true, messages: [{ role: 'user', content: 'hi' }] } }).then(collectSse);

it('with on_store_error fail: an error event store_unavailable and no [DONE]', async () => {
  up.enqueue({ kind: 'stream', chunks: ['an ', 'answer'] });
  const data = await streamed('k-strict');
  expect(data).not.toContain('[DONE]');
  expect(JSON.parse(data.at(-1) as string).error.code).toBe('store_unavailable');
  expect(data.slice(0, -1).map((d) => JSON.parse(d).choices[0]?.delta?.content ?? '').join('')).toBe('an answer');
});

it('with on_store_error continue: the stream ends normally', async () => {
  up.enqueue({ kind: 'stream', chunks: ['an ', 'answer'] });
  const data = await streamed('k-lenient');
  expect(data.at(-1)).toBe('[DONE]');
});
