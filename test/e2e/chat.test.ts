import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, startGateway, type Gateway } from '../helpers/gateway.js';
import { collectSse } from '../helpers/sse.js';

let up: FakeUpstream;
let gw: Gateway;
let client: OpenAI;

beforeAll(async () => {
  up = await startFakeUpstream();
  gw = await startGateway({ config: baseConfig(up.url) });
  client = gw.client();
});
afterAll(async () => {
  await gw.close();
  await up.close();
});
afterEach(() => up.reset());

describe('chat completions through the official SDK', () => {
  it('answers a non-streamed request with the upstream JSON', async () => {
    up.enqueue({ kind: 'reply', text: 'Hello from upstream' });
    const res = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.choices[0]?.message.content).toBe('Hello from upstream');
    expect(res.object).toBe('chat.completion');
  });

  it('sends the provider key and the upstream model name, never the client key', async () => {
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }] });
    const seen = up.requests.at(-1);
    expect(seen?.headers.authorization).toBe('Bearer sk-upstream-secret');
    expect(JSON.stringify(seen?.headers)).not.toContain('sk-test-demo');
    expect(seen?.body.model).toBe('fake-upstream-model');
  });

  it('tells the upstream the request id and the answer it accepts, JSON or a stream', async () => {
    const json = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'X-Request-Id': 'trace-json-1' } });
    expect(json.choices[0]?.message.content).toBeTypeOf('string');
    const first = up.requests.at(-1);
    expect(first?.headers['x-request-id']).toBe('trace-json-1');
    expect(first?.headers.accept).toBe('application/json');
    expect(first?.headers['content-type']).toBe('application/json');
    const stream = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }], stream: true });
    for await (const chunk of stream) void chunk;
    const second = up.requests.at(-1);
    expect(second?.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
    expect(second?.headers.accept).toBe('text/event-stream');
    expect(second?.headers.authorization).toBe('Bearer sk-upstream-secret');
  });

  it('sends a provider\'s own key header and extra headers, with the request id and accept of the call', async () => {
    const azure = await startGateway({
      config: baseConfig(up.url, {
        providers: {
          fake: { base_url: up.url, api_key: 'azure-secret', api_key_header: 'api-key', headers: { 'X-Team': 'search', Accept: 'text/plain' }, max_retries: 0 },
        },
        models: { fake: { targets: [{ provider: 'fake', model: 'fake-upstream-model' }] } },
        tenants: { acme: { api_keys: ['sk-test-demo'], models: ['fake'] } },
      }),
    });
    try {
      await azure.client().chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'X-Request-Id': 'trace-azure' } });
      const seen = up.requests.at(-1);
      expect(seen?.headers['api-key']).toBe('azure-secret');
      expect(seen?.headers.authorization).toBeUndefined();
      expect(seen?.headers['x-team']).toBe('search');
      expect(seen?.headers['x-request-id']).toBe('trace-azure');
      // What the call expects back wins over a configured accept.
      expect(seen?.headers.accept).toBe('application/json');
    } finally {
      await azure.close();
    }
  });

  it('passes unknown and extended fields through untouched', async () => {
    await client.chat.completions.create({
      model: 'fake',
      messages: [{ role: 'user', content: 'hi' }],
      seed: 7,
      user: 'u-1',
      response_format: { type: 'json_object' },
      // @ts-expect-error vLLM extension
      top_k: 40,
      repetition_penalty: 1.1,
    });
    const body = up.requests.at(-1)?.body as Record<string, unknown>;
    expect(body.seed).toBe(7);
    expect(body.top_k).toBe(40);
    expect(body.repetition_penalty).toBe(1.1);
    expect(body.response_format).toEqual({ type: 'json_object' });
  });

  it('streams deltas and ends with [DONE]', async () => {
    up.enqueue({ kind: 'stream', chunks: ['Hel', 'lo', ' world'] });
    const stream = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('Hello world');
    expect(finish).toBe('stop');
  });

  it('works with the chat.completions.stream() helper', async () => {
    up.enqueue({ kind: 'stream', chunks: ['a', 'b', 'c'] });
    const runner = client.chat.completions.stream({ model: 'fake', messages: [{ role: 'user', content: 'hi' }] });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe('abc');
  });

  it('returns tool calls, streamed and not', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    up.enqueue({ kind: 'reply', toolCalls: [{ name: 'get_weather', arguments: '{"city":"Oslo"}' }], finishReason: 'tool_calls' });
    const res = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'weather?' }], tools });
    expect(res.choices[0]?.message.tool_calls?.[0]).toMatchObject({ function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } });
    expect(up.requests.at(-1)?.body.tools).toEqual(tools);

    up.enqueue({ kind: 'reply', toolCalls: [{ name: 'get_weather', arguments: '{"city":"Bergen"}' }], finishReason: 'tool_calls' });
    const runner = client.chat.completions.stream({ model: 'fake', messages: [{ role: 'user', content: 'weather?' }], tools });
    const msg = await runner.finalMessage();
    expect(msg.tool_calls?.[0]).toMatchObject({ function: { name: 'get_weather', arguments: '{"city":"Bergen"}' } });
  });

  it('keeps n > 1 choices apart in a stream', async () => {
    up.enqueue({ kind: 'reply', text: ['first answer', 'second answer'] });
    const stream = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }], stream: true, n: 2 });
    const texts = ['', ''];
    for await (const chunk of stream) for (const c of chunk.choices) texts[c.index] += c.delta.content ?? '';
    expect(texts).toEqual(['first answer', 'second answer']);
  });

  it('echoes a safe X-Request-Id and generates one otherwise', async () => {
    const { response } = await client.chat.completions
      .create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'X-Request-Id': 'trace.123:abc' } })
      .withResponse();
    expect(response.headers.get('x-request-id')).toBe('trace.123:abc');
    const other = await gw.fetch('/v1/models', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(other.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('reports x-sluice-guardrail none for a tenant without policies', async () => {
    const { response } = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(response.headers.get('x-sluice-guardrail')).toBe('none');
    expect(response.headers.get('x-sluice-clamped')).toBeNull();
  });
});

describe('errors are OpenAI-shaped and typed by the SDK', () => {
  const msg = [{ role: 'user' as const, content: 'hi' }];

  it('401 for a missing or unknown key', async () => {
    await expect(gw.client('sk-nope').chat.completions.create({ model: 'fake', messages: msg })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const res = await gw.fetch('/v1/models', { key: null });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_api_key' } });
    expect(res.headers.get('x-should-retry')).toBe('false');
  });

  it('403 for a model the tenant may not use, 404 for an unknown one', async () => {
    const gw2 = await startGateway({ config: baseConfig(up.url, { tenants: { acme: { api_keys: ['k2'], models: ['echo'] } } }) });
    try {
      const err = await gw2.client('k2').chat.completions.create({ model: 'fake', messages: msg }).catch((e) => e);
      expect(err).toBeInstanceOf(OpenAI.PermissionDeniedError);
      expect(err.code).toBe('model_not_allowed');
      const nf = await gw2.client('k2').chat.completions.create({ model: 'nope', messages: msg }).catch((e) => e);
      expect(nf).toBeInstanceOf(OpenAI.NotFoundError);
      expect(nf.code).toBe('model_not_found');
      const list = await gw2.client('k2').models.list();
      expect(list.data.map((m) => m.id)).toEqual(['echo']);
      await expect(gw2.client('k2').models.retrieve('fake')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      expect((await gw2.client('k2').models.retrieve('echo')).id).toBe('echo');
    } finally {
      await gw2.close();
    }
  });

  it('400 naming the param for a wrong field type', async () => {
    const err = await client.chat.completions
      // @ts-expect-error deliberately wrong type
      .create({ model: 'fake', messages: msg, temperature: 'hot' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.param).toBe('temperature');
    const err2 = await client.chat.completions
      // @ts-expect-error deliberately wrong role
      .create({ model: 'fake', messages: [{ role: 'wizard', content: 'x' }] })
      .catch((e) => e);
    expect(err2.param).toBe('messages[0].role');
    expect(up.requests).toHaveLength(0);
  });

  it('400 for malformed JSON, deep nesting and an empty body', async () => {
    for (const body of ['{"model": "fake", ', `{"a":${'['.repeat(70)}${']'.repeat(70)}}`, '']) {
      const res = await gw.fetch('/v1/chat/completions', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      const json = await res.json();
      expect(json.error.type).toBe('invalid_request_error');
      expect(typeof json.error.message).toBe('string');
    }
  });

  it('413 over the body limit, 415 for a non-JSON body', async () => {
    const big = await gw.fetch('/v1/chat/completions', { json: { model: 'fake', messages: [{ role: 'user', content: 'x'.repeat(1_100_000) }] } });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('request_too_large');
    const text = await gw.fetch('/v1/chat/completions', { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect((await text.json()).error.code).toBe('unsupported_media_type');
  });

  it('404 in OpenAI shape for an unknown route', async () => {
    const res = await gw.fetch('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ type: 'invalid_request_error', code: 'not_found' });
  });

  it('passes an upstream 400 through as it came', async () => {
    up.enqueue({ kind: 'error', status: 400, body: { error: { message: 'Invalid schema for function', type: 'invalid_request_error', param: 'tools[0]', code: 'invalid_function_parameters' } } });
    const err = await client.chat.completions.create({ model: 'fake', messages: msg }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.message).toContain('Invalid schema for function');
    expect(err.code).toBe('invalid_function_parameters');
    expect(err.param).toBe('tools[0]');
  });

  it('turns an upstream 401 into a 502: the client key was fine', async () => {
    up.enqueue({ kind: 'error', status: 401 });
    const err = await client.chat.completions.create({ model: 'fake', messages: msg }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.InternalServerError);
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_error');
    expect(err.message).toContain('401');
  });

  it('turns a 200 with a body that is not JSON into a 502', async () => {
    up.enqueue({ kind: 'json', body: 'this is not json' });
    const err = await client.chat.completions.create({ model: 'fake', messages: msg }).catch((e) => e);
    expect(err.status).toBe(502);
  });
});

describe('health', () => {
  it('healthz and readyz answer without auth', async () => {
    expect((await gw.fetch('/healthz', { key: null })).status).toBe(200);
    const ready = await gw.fetch('/readyz', { key: null });
    expect(ready.status).toBe(200);
  });

  it('metrics are Prometheus text with the request counter', async () => {
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hi' }] });
    const res = await gw.fetch('/metrics', { key: null });
    const text = await res.text();
    expect(text).toContain('sluice_requests_total{tenant="acme",model="fake",status="200"}');
    expect(text).toContain('sluice_overhead_duration_seconds_bucket');
  });
});

describe('raw SSE framing', () => {
  it('sends data: lines and a final [DONE]', async () => {
    up.enqueue({ kind: 'stream', chunks: ['x', 'y'] });
    const res = await gw.fetch('/v1/chat/completions', { json: { model: 'fake', messages: [{ role: 'user', content: 'hi' }], stream: true } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const data = await collectSse(res);
    expect(data.at(-1)).toBe('[DONE]');
    const text = data.slice(0, -1).map((d) => JSON.parse(d).choices[0]?.delta?.content ?? '').join('');
    expect(text).toBe('xy');
  });
});
