import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import OpenAI, { RateLimitError } from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, startGateway, type Gateway } from '../helpers/gateway.js';
import { MemoryStore } from '../../src/store/memory.js';
import { StoreError } from '../../src/store/redis.js';
import type { RateWindow } from '../../src/store/types.js';

/** Go's duration form as OpenAI sends it: `120ms`, `59s`, `1.5s`, `1m0s`. */
const RESET_FORMAT = /^(\d+ms|(\d+m)?\d+(\.\d{1,3})?s)$/;
const hi = [{ role: 'user' as const, content: 'hi' }];

/** Every tenant gets its own key; each test uses its own tenants since windows outlive a test. */
function tenant(rateLimit?: Record<string, number>, extra: Record<string, unknown> = {}) {
  return { models: ['fake'], ...(rateLimit ? { rate_limit: rateLimit } : {}), ...extra };
}
const TENANTS: Record<string, Record<string, unknown>> = {
  within: tenant({ requests_per_minute: 3 }),
  over: tenant({ requests_per_minute: 2 }),
  busy: tenant({ requests_per_minute: 1 }),
  loud: tenant({ requests_per_minute: 1 }),
  calm: tenant({ requests_per_minute: 1 }),
  free: tenant(),
  routes: tenant({ requests_per_minute: 5 }),
  streamer: tenant({ requests_per_minute: 5, tokens_per_minute: 10_000 }),
  budget: tenant({ tokens_per_minute: 1000 }),
  huge: tenant({ tokens_per_minute: 1000 }),
  prompt: tenant({ tokens_per_minute: 1000 }),
  spent: tenant({ tokens_per_minute: 1000 }),
  reader: tenant({ requests_per_minute: 10, tokens_per_minute: 1000 }),
  clamped: tenant({ tokens_per_minute: 10_000 }, { sampling: { max_tokens: { max: 100 } } }),
};

function config(upstreamUrl: string) {
  return baseConfig(upstreamUrl, {
    tenants: Object.fromEntries(Object.entries(TENANTS).map(([name, cfg]) => [name, { api_keys: [`key-${name}`], ...cfg }])),
  });
}

async function rateLimitError(request: Promise<unknown>): Promise<RateLimitError> {
  const err = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RateLimitError);
  return err as RateLimitError;
}

describe.each(['memory', 'redis'] as const)('rate limits on the %s store', (kind) => {
  let up: FakeUpstream;
  let gw: Gateway;
  const redisUrl = kind === 'redis' ? inject('redisUrl') : undefined;
  const client = (name: string) => gw.client(`key-${name}`);
  const chat = (name: string, extra: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> = {}) =>
    client(name).chat.completions.create({ model: 'fake', messages: hi, ...extra }).withResponse();

  beforeAll(async () => {
    up = await startFakeUpstream();
    gw = await startGateway({ config: config(up.url), ...(redisUrl ? { redisUrl } : {}) });
  });
  afterAll(async () => {
    await gw.close();
    await up.close();
  });
  afterEach(() => up.reset());

  it('tells the limit, what remains and when the window resets on every success', async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const { response } = await chat('within');
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('3');
      expect(response.headers.get('x-ratelimit-reset-requests')).toMatch(RESET_FORMAT);
      remaining.push(response.headers.get('x-ratelimit-remaining-requests'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
  });

  it('refuses the request after the limit with a RateLimitError and retry-after', async () => {
    await chat('over');
    await chat('over');
    const sentUpstream = up.requests.length;
    const err = await rateLimitError(chat('over'));
    expect(err.status).toBe(429);
    expect(err.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded', param: null });
    expect(err.message).toContain('Limit 2');
    const retryAfter = Number(err.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(err.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(err.headers.get('x-ratelimit-reset-requests')).toMatch(RESET_FORMAT);
    expect(err.headers.get('x-should-retry')).toBeNull();
    expect(up.requests.length).toBe(sentUpstream);
  });

  it('refuses before reading the body: a spent window answers 429, not 400', async () => {
    await chat('busy');
    const res = await gw.fetch('/v1/chat/completions', { key: 'key-busy', json: { model: 42 } });
    expect(res.status).toBe(429);
    expect((await res.json()).error.code).toBe('rate_limit_exceeded');
  });

  it('keeps tenants independent', async () => {
    await chat('loud');
    await rateLimitError(chat('loud'));
    const { response } = await chat('calm');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
  });

  it('sends no rate-limit headers to a tenant without limits', async () => {
    for (let i = 0; i < 5; i++) {
      const { response } = await chat('free');
      const names = [...response.headers.keys()].filter((h) => h.startsWith('x-ratelimit') || h === 'retry-after');
      expect(names).toEqual([]);
    }
  });

  it('counts every /v1 route but never health, readiness or metrics', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics', '/healthz']) {
      const res = await gw.fetch(path, { key: 'key-routes' });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-remaining-requests')).toBeNull();
    }
    const models = await gw.fetch('/v1/models', { key: 'key-routes' });
    expect(models.headers.get('x-ratelimit-remaining-requests')).toBe('4');
    const { response } = await chat('routes');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('3');
  });

  it('never counts a request whose key is wrong', async () => {
    const res = await gw.fetch('/v1/models', { key: 'key-unknown' });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ratelimit-limit-requests')).toBeNull();
  });

  it('carries request and token headers on a streamed answer', async () => {
    up.enqueue({ kind: 'stream', chunks: ['Hel', 'lo'] });
    const { data: stream, response } = await client('streamer')
      .chat.completions.create({ model: 'fake', messages: hi, stream: true, max_tokens: 50 })
      .withResponse();
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('4');
    expect(response.headers.get('x-ratelimit-limit-tokens')).toBe('10000');
    expect(Number(response.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThanOrEqual(10_000 - 50);
  });

  it('charges a request its prompt and max_tokens and refuses one that no longer fits', async () => {
    const first = await chat('budget', { max_tokens: 400 });
    const afterFirst = Number(first.response.headers.get('x-ratelimit-remaining-tokens'));
    expect(first.response.headers.get('x-ratelimit-limit-tokens')).toBe('1000');
    expect(first.response.headers.get('x-ratelimit-reset-tokens')).toMatch(RESET_FORMAT);
    expect(afterFirst).toBeLessThanOrEqual(600);
    expect(afterFirst).toBeGreaterThan(590);
    const second = await chat('budget', { max_tokens: 400 });
    expect(Number(second.response.headers.get('x-ratelimit-remaining-tokens'))).toBe(afterFirst - (1000 - afterFirst));

    const err = await rateLimitError(chat('budget', { max_tokens: 400 }));
    expect(err.message).toContain('tokens per min');
    expect(Number(err.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // A refused request spends nothing: what remained still fits a smaller one.
    const small = await chat('budget', { max_tokens: 50 });
    expect(small.response.status).toBe(200);
  });

  it('refuses a request larger than the whole token budget and tells the SDK not to retry', async () => {
    const err = await rateLimitError(chat('huge', { max_tokens: 5000 }));
    expect(err.message).toContain('Request too large');
    expect(err.headers.get('x-should-retry')).toBe('false');
    expect(err.headers.get('x-ratelimit-remaining-tokens')).toBe('1000');
    const { response } = await chat('huge', { max_tokens: 100 });
    expect(response.status).toBe(200);
  });

  it('counts the prompt text towards the token budget', async () => {
    const long = await chat('prompt', { max_tokens: 10, messages: [{ role: 'user', content: 'x'.repeat(2000) }] });
    expect(Number(long.response.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(500);
    const err = await rateLimitError(chat('prompt', { max_tokens: 10, messages: [{ role: 'user', content: 'x'.repeat(2400) }] }));
    expect(err.message).toMatch(/Requested 6\d\d\b/);
    expect(err.headers.get('x-should-retry')).toBeNull();
  });

  it('refuses a model call once the token budget is spent, before reading the body', async () => {
    await gw.store.hitWindow('spent', 'tokens', 60_000, 1000, 1000);
    const res = await gw.fetch('/v1/chat/completions', { key: 'key-spent', json: { model: 42 } });
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-remaining-tokens')).toBe('0');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const models = await gw.fetch('/v1/models', { key: 'key-spent' });
    expect(models.status).toBe(200);
  });

  it('charges no more completion tokens than the tenant clamp lets through', async () => {
    const { response } = await chat('clamped', { max_tokens: 4000 });
    const spent = 10_000 - Number(response.headers.get('x-ratelimit-remaining-tokens'));
    expect(spent).toBeGreaterThanOrEqual(100);
    expect(spent).toBeLessThan(110);
  });

  it('shows the token budget on routes that spend none', async () => {
    await chat('reader', { max_tokens: 200 });
    const models = await gw.fetch('/v1/models', { key: 'key-reader' });
    const remaining = Number(models.headers.get('x-ratelimit-remaining-tokens'));
    expect(remaining).toBeLessThanOrEqual(800);
    const again = await gw.fetch('/v1/models', { key: 'key-reader' });
    expect(Number(again.headers.get('x-ratelimit-remaining-tokens'))).toBe(remaining);
    expect(again.headers.get('x-ratelimit-remaining-requests')).toBe('7');
  });
});

/** A store whose counter is down while everything else works. */
class CounterDownStore extends MemoryStore {
  failures = 0;
  override async hitWindow(): Promise<RateWindow> {
    this.failures++;
    throw new StoreError('redis hitWindow failed: connection refused');
  }
}

describe('rate limits when the store fails', () => {
  let up: FakeUpstream;
  let gw: Gateway;
  const store = new CounterDownStore({ keyPrefix: 'test' });

  beforeAll(async () => {
    up = await startFakeUpstream();
    gw = await startGateway({ config: config(up.url), store });
  });
  afterAll(async () => {
    await gw.close();
    await up.close();
    await store.close();
  });

  it('serves the request unlimited rather than failing it', async () => {
    for (let i = 0; i < 3; i++) {
      const { response } = await gw.client('key-busy').chat.completions.create({ model: 'fake', messages: hi }).withResponse();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-remaining-requests')).toBeNull();
    }
    expect(store.failures).toBe(3);
  });
});
