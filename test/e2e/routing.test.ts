import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { DEMO_KEY, startGateway, type Gateway } from '../helpers/gateway.js';
import { collectSse } from '../helpers/sse.js';

let primary: FakeUpstream;
let backup: FakeUpstream;
let gw: Gateway;
let client: OpenAI;
const msg = [{ role: 'user' as const, content: 'hi' }];

beforeAll(async () => {
  primary = await startFakeUpstream();
  backup = await startFakeUpstream();
  gw = await startGateway({
    config: {
      providers: {
        primary: { base_url: primary.url, api_key: 'k1', max_retries: 1, timeout_ms: 400, stream_idle_timeout_ms: 300, max_retry_after_ms: 1500 },
        backup: { base_url: backup.url, api_key: 'k2', max_retries: 0, timeout_ms: 400 },
        dead: { base_url: 'http://127.0.0.1:1/v1', max_retries: 0 },
        nokey: { base_url: backup.url, api_key: '${SLUICE_TEST_UNSET_KEY}' },
      },
      models: {
        solo: { targets: [{ provider: 'primary', model: 'p-model' }] },
        duo: { targets: [{ provider: 'primary', model: 'p-model' }, { provider: 'backup', model: 'b-model' }] },
        deadfirst: { targets: [{ provider: 'dead', model: 'x' }, { provider: 'backup', model: 'b-model' }] },
        nokey: { targets: [{ provider: 'nokey', model: 'x' }] },
      },
      tenants: { acme: { api_keys: [DEMO_KEY], models: ['*'] } },
    },
  });
  client = gw.client();
});
afterAll(async () => {
  await gw.close();
  await primary.close();
  await backup.close();
});
afterEach(() => {
  primary.reset();
  backup.reset();
});

describe('retries and fallbacks before the first byte', () => {
  it('retries a 5xx on the same target, then succeeds', async () => {
    primary.enqueue({ kind: 'error', status: 503 }, { kind: 'reply', text: 'second try' });
    const res = await client.chat.completions.create({ model: 'solo', messages: msg });
    expect(res.choices[0]?.message.content).toBe('second try');
    expect(primary.requests).toHaveLength(2);
  });

  it('falls back to the next target when retries are used up', async () => {
    primary.enqueue({ kind: 'error', status: 500 }, { kind: 'error', status: 502 });
    backup.enqueue({ kind: 'reply', text: 'from backup' });
    const res = await client.chat.completions.create({ model: 'duo', messages: msg });
    expect(res.choices[0]?.message.content).toBe('from backup');
    expect(backup.requests[0]?.body.model).toBe('b-model');
  });

  it('falls back on a connect error', async () => {
    backup.enqueue({ kind: 'reply', text: 'reachable' });
    const res = await client.chat.completions.create({ model: 'deadfirst', messages: msg });
    expect(res.choices[0]?.message.content).toBe('reachable');
  });

  it('honours retry-after on a 429 before retrying', async () => {
    primary.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '1' } }, { kind: 'reply', text: 'after wait' });
    const started = Date.now();
    const res = await client.chat.completions.create({ model: 'solo', messages: msg });
    expect(res.choices[0]?.message.content).toBe('after wait');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('moves on when retry-after is longer than max_retry_after_ms', async () => {
    primary.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '30' } });
    backup.enqueue({ kind: 'reply', text: 'no waiting' });
    const res = await client.chat.completions.create({ model: 'duo', messages: msg });
    expect(res.choices[0]?.message.content).toBe('no waiting');
    expect(primary.requests).toHaveLength(1);
  });

  it('gives the client a 429 with the shortest retry-after when every target was rate limited', async () => {
    primary.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '20' } });
    backup.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '7' } });
    const err = await client.chat.completions.create({ model: 'duo', messages: msg }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect(err.headers.get('retry-after')).toBe('7');
  });

  it('answers 502 naming the upstream status when every target failed', async () => {
    primary.enqueue({ kind: 'error', status: 500 }, { kind: 'error', status: 500 });
    backup.enqueue({ kind: 'error', status: 503 });
    const err = await client.chat.completions.create({ model: 'duo', messages: msg }).catch((e) => e);
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_error');
    expect(err.message).toContain('503');
  });

  it('answers 504 when the upstream never answers', async () => {
    primary.enqueue({ kind: 'hang' });
    const err = await client.chat.completions.create({ model: 'solo', messages: msg }).catch((e) => e);
    expect(err.status).toBe(504);
    expect(err.code).toBe('upstream_timeout');
  });

  it('names the unset variable when a provider key is missing', async () => {
    const err = await client.chat.completions.create({ model: 'nokey', messages: msg }).catch((e) => e);
    expect(err.status).toBe(502);
    expect(err.message).toContain('SLUICE_TEST_UNSET_KEY');
    expect(backup.requests).toHaveLength(0);
  });
});

describe('faults after the stream started', () => {
  const streamReq = { model: 'solo', messages: msg, stream: true };

  it('an upstream reset mid-stream becomes an SSE error event and no [DONE]', async () => {
    primary.enqueue({ kind: 'stream-then-destroy', chunks: ['par', 'tial'] });
    const res = await gw.fetch('/v1/chat/completions', { json: streamReq });
    const data = await collectSse(res);
    expect(data).not.toContain('[DONE]');
    expect(JSON.parse(data.at(-1) as string).error.code).toBe('upstream_error');
  });

  it('the SDK raises an APIError for the error event', async () => {
    primary.enqueue({ kind: 'stream-then-destroy', chunks: ['par', 'tial'] });
    const stream = await client.chat.completions.create({ model: 'solo', messages: msg, stream: true });
    const err = await (async () => {
      for await (const _ of stream) void _;
    })().catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
  });

  it('a silent upstream past stream_idle_timeout_ms ends with upstream_timeout', async () => {
    primary.enqueue({ kind: 'stream-then-hang', chunks: ['slow'] });
    const data = await collectSse(await gw.fetch('/v1/chat/completions', { json: streamReq }));
    expect(JSON.parse(data.at(-1) as string).error.code).toBe('upstream_timeout');
  });

  it('a data line that is not JSON ends the stream with upstream_error', async () => {
    primary.enqueue({ kind: 'raw-sse', frames: ['data: {"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":null}]}\n\n', 'data: {not json\n\n'] });
    const data = await collectSse(await gw.fetch('/v1/chat/completions', { json: streamReq }));
    expect(data).not.toContain('[DONE]');
    expect(JSON.parse(data.at(-1) as string).error.code).toBe('upstream_error');
  });

  it('an end before any finish_reason is an error, never an invented finish', async () => {
    primary.enqueue({ kind: 'stream', chunks: ['cut'], finishReason: null, done: false });
    const data = await collectSse(await gw.fetch('/v1/chat/completions', { json: streamReq }));
    expect(data.some((d) => d.includes('"finish_reason":"stop"'))).toBe(false);
    expect(JSON.parse(data.at(-1) as string).error.code).toBe('upstream_error');
  });

  it('an end after a finish_reason without [DONE] gets a [DONE]', async () => {
    primary.enqueue({ kind: 'stream', chunks: ['fine'], done: false });
    const data = await collectSse(await gw.fetch('/v1/chat/completions', { json: streamReq }));
    expect(data.at(-1)).toBe('[DONE]');
  });

  it('drops an SSE block without data', async () => {
    primary.enqueue({ kind: 'raw-sse', frames: [': keep-alive\n\n', 'event: ping\n\n', 'data: {"id":"a","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}\n\n', 'data: [DONE]\n\n'] });
    const data = await collectSse(await gw.fetch('/v1/chat/completions', { json: streamReq }));
    expect(data).toHaveLength(2);
    expect(data.at(-1)).toBe('[DONE]');
  });
});

describe('client disconnects', () => {
  it('aborting a stream closes the upstream request', async () => {
    primary.enqueue({ kind: 'stream', chunks: Array.from({ length: 200 }, (_, i) => `t${i} `), gapMs: 20 });
    const ac = new AbortController();
    const stream = await client.chat.completions.create({ model: 'solo', messages: msg, stream: true }, { signal: ac.signal });
    const aborted = primary.waitForClientAbort(5000);
    let n = 0;
    await (async () => {
      for await (const _ of stream) {
        if (++n === 3) ac.abort();
      }
    })().catch(() => undefined);
    await aborted;
    expect(primary.abortedCount).toBe(1);
  });

  it('aborting a non-streamed request closes the upstream request', async () => {
    primary.enqueue({ kind: 'reply', text: 'late', delayMs: 300 });
    const ac = new AbortController();
    const aborted = primary.waitForClientAbort(5000);
    const p = client.chat.completions.create({ model: 'solo', messages: msg }, { signal: ac.signal }).catch((e) => e);
    setTimeout(() => ac.abort(), 100);
    expect(await p).toBeInstanceOf(OpenAI.APIUserAbortError);
    await aborted;
  });
});
