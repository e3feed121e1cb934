import OpenAI, { APIConnectionError, APIConnectionTimeoutError, BadRequestError, RateLimitError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';
import { collectSse, readSse, type SseEvent } from './sse.js';

let upstream: FakeUpstream;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  client = new OpenAI({ baseURL: upstream.url, apiKey: 'sk-test', maxRetries: 0, timeout: 5000 });
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.reset();
  upstream.setDefault({ kind: 'echo' });
});

const userMessage = (content: string) => [{ role: 'user' as const, content }];

async function collectChunks(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

function postChat(body: object): Promise<Response> {
  return fetch(`${upstream.url}/chat/completions`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
}

describe('fake upstream: chat completions', () => {
  it('echoes the last user message by default and records the request', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'first' }, { role: 'assistant', content: 'x' },
        { role: 'user', content: 'second' }],
    });
    expect(completion.choices[0]?.message.content).toBe('echo: second');
    expect(completion.object).toBe('chat.completion');
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.path).toBe('/v1/chat/completions');
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer sk-test');
    expect(upstream.requests[0]?.body.model).toBe('gpt-4o-mini');
  });

  it('answers a scripted reply as a chat.completion with usage', async () => {
    upstream.enqueue({ kind: 'reply', text: 'Hello there', usage: { prompt_tokens: 7, completion_tokens: 3 } });
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: userMessage('hi') });
    expect(completion.model).toBe('gpt-4o');
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: 'Hello there' });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
  });

  it('consumes queued behaviours in order, then falls back to the default', async () => {
    upstream.enqueue({ kind: 'reply', text: 'one' }, { kind: 'reply', text: 'two' });
    const texts: (string | null | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await client.chat.completions.create({ model: 'm', messages: userMessage('third') });
      texts.push(c.choices[0]?.message.content);
    }
    expect(texts).toEqual(['one', 'two', 'echo: third']);
  });

  it('streams OpenAI-shaped chunks that join back to the text, with a usage chunk on request', async () => {
    upstream.enqueue({ kind: 'reply', text: 'The quick brown fox', usage: { prompt_tokens: 5, completion_tokens: 4 } });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini', messages: userMessage('go'), stream: true, stream_options: { include_usage: true },
    });
    const chunks = await collectChunks(stream);
    const first = chunks[0];
    expect(first).toMatchObject({ object: 'chat.completion.chunk', model: 'gpt-4o-mini', system_fingerprint: expect.any(String) });
    expect(first?.choices[0]).toMatchObject({ index: 0, delta: { role: 'assistant' }, logprobs: null, finish_reason: null });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('The quick brown fox');
    expect(chunks.filter((c) => (c.choices[0]?.delta.content ?? '') !== '').length).toBeGreaterThan(1);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
  });

  it('ends the raw stream with data: [DONE] and omits usage unless asked', async () => {
    const data = await collectSse(await postChat({ model: 'm', messages: userMessage('x'), stream: true }));
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as ChatCompletionChunk);
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
  });

  it('returns tool calls in a non-streamed reply', async () => {
    upstream.enqueue({ kind: 'reply', toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}', id: 'call_1' }] });
    const completion = await client.chat.completions.create({ model: 'm', messages: userMessage('weather?') });
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
    ]);
  });

  it('streams tool calls that the SDK stream helper reassembles', async () => {
    const args = '{"city":"Paris","unit":"celsius","days":3}';
    upstream.enqueue({ kind: 'reply', toolCalls: [{ name: 'get_weather', arguments: args }, { name: 'noop', arguments: '{}' }] });
    const stream = client.chat.completions.stream({ model: 'm', messages: userMessage('weather?') });
    const final = await stream.finalChatCompletion();
    const calls = final.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((c) => (c.type === 'function' ? [c.function.name, c.function.arguments] : []))).toEqual([
      ['get_weather', args], ['noop', '{}'],
    ]);
    expect(calls.every((c) => c.id.startsWith('call_'))).toBe(true);
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('interleaves the deltas of n=2 choices', async () => {
    upstream.enqueue({ kind: 'reply', text: ['alpha beta gamma', 'delta epsilon zeta'] });
    const stream = await client.chat.completions.create({ model: 'm', messages: userMessage('x'), stream: true, n: 2 });
    const chunks = await collectChunks(stream);
    const indices = chunks.map((c) => c.choices[0]?.index);
    expect(indices.slice(0, 4)).toEqual([0, 1, 0, 1]);
    const textOf = (i: number) => chunks.filter((c) => c.choices[0]?.index === i).map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect([textOf(0), textOf(1)]).toEqual(['alpha beta gamma', 'delta epsilon zeta']);
  });

  it('honours the request n in a non-streamed reply', async () => {
    upstream.enqueue({ kind: 'reply', text: 'same' });
    const completion = await client.chat.completions.create({ model: 'm', messages: userMessage('x'), n: 2 });
    expect(completion.choices.map((c) => [c.index, c.message.content])).toEqual([[0, 'same'], [1, 'same']]);
  });

  it('sends explicit stream chunks without a finish chunk or [DONE] when told to', async () => {
    upstream.enqueue({ kind: 'stream', chunks: ['Hel', 'lo'], gapMs: 5, finishReason: null, done: false });
    const data = await collectSse(await postChat({ model: 'm', messages: userMessage('x'), stream: true }));
    expect(data).not.toContain('[DONE]');
    const chunks = data.map((d) => JSON.parse(d) as ChatCompletionChunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello');
    expect(chunks.every((c) => c.choices[0]?.finish_reason === null)).toBe(true);
  });

  it('writes raw SSE frames verbatim', async () => {
    upstream.enqueue({ kind: 'raw-sse', frames: [': keep-alive\r\n\r\n', 'event: custom\r\ndata: a\r\ndata: b\r\n\r\n', 'data: [DONE]\n\n'] });
    const events: SseEvent[] = [];
    for await (const ev of readSse(await postChat({ model: 'm', stream: true }))) events.push(ev);
    expect(events).toEqual([{ event: 'custom', data: 'a\nb' }, { data: '[DONE]' }]);
  });

  it('returns an arbitrary JSON body, even invalid JSON with status 200', async () => {
    upstream.enqueue({ kind: 'json', body: '{"not json', headers: { 'x-extra': '1' } });
    const res = await postChat({ model: 'm' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-extra')).toBe('1');
    expect(await res.text()).toBe('{"not json');
  });
});

describe('fake upstream: failures', () => {
  it('raises RateLimitError for a 429 and passes retry-after through', async () => {
    upstream.enqueue({ kind: 'error', status: 429, headers: { 'retry-after': '7' } });
    const err = await client.chat.completions.create({ model: 'm', messages: userMessage('x') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).headers.get('retry-after')).toBe('7');
    expect((err as RateLimitError).code).toBe('rate_limit_exceeded');
  });

  it('gives an OpenAI-shaped 400 body by default', async () => {
    upstream.enqueue({ kind: 'error', status: 400 });
    const err = await client.chat.completions.create({ model: 'm', messages: userMessage('x') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).type).toBe('invalid_request_error');
  });

  it('hangs until the client times out, and counts that as a client abort', async () => {
    upstream.enqueue({ kind: 'hang' });
    const impatient = client.withOptions({ timeout: 200 });
    const err = await impatient.chat.completions.create({ model: 'm', messages: userMessage('x') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    await upstream.waitForClientAbort();
    expect(upstream.abortedCount).toBe(1);
  });

  it('destroys the socket before answering', async () => {
    upstream.enqueue({ kind: 'destroy' });
    const err = await client.chat.completions.create({ model: 'm', messages: userMessage('x') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(upstream.abortedCount).toBe(0);
  });

  it('resets the connection mid-stream after some deltas', async () => {
    upstream.enqueue({ kind: 'stream-then-destroy', chunks: ['part', 'ial'], gapMs: 5 });
    const stream = await client.chat.completions.create({ model: 'm', messages: userMessage('x'), stream: true });
    const seen: string[] = [];
    const err = await (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(seen.join('')).toBe('partial');
  });

  it('detects a client abort during a stream that went silent', async () => {
    upstream.enqueue({ kind: 'stream-then-hang', chunks: ['waiting'] });
    const stream = await client.chat.completions.create({ model: 'm', messages: userMessage('x'), stream: true });
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content === 'waiting') break; // breaking aborts the request
    }
    await upstream.waitForClientAbort();
    expect(upstream.abortedCount).toBe(1);
  });

  it('does not count completed responses as aborts', async () => {
    await client.chat.completions.create({ model: 'm', messages: userMessage('x') });
    await collectChunks(await client.chat.completions.create({ model: 'm', messages: userMessage('x'), stream: true }));
    await expect(upstream.waitForClientAbort(100)).rejects.toThrow(/not seen/);
    expect(upstream.abortedCount).toBe(0);
  });

  it('delays a reply and stops quietly when the client leaves during the delay', async () => {
    upstream.enqueue({ kind: 'reply', text: 'late', delayMs: 2000 });
    const err = await client.withOptions({ timeout: 100 }).chat.completions
      .create({ model: 'm', messages: userMessage('x') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    await upstream.waitForClientAbort();
  });

  it('closes without waiting for a hanging exchange', async () => {
    const own = await startFakeUpstream({ defaultBehaviour: { kind: 'hang' } });
    const pending = fetch(`${own.url}/chat/completions`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(own.requests).toHaveLength(1));
    await own.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe('fake upstream: other endpoints', () => {
  it('lists models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4o-mini');
  });

  it('embeds similar texts closer than unrelated ones (SDK base64 path)', async () => {
    const res = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['the cat sat on the mat', 'the cat sat on a mat', 'quarterly revenue grew strongly'],
    });
    const [a, b, c] = res.data.map((d) => d.embedding);
    const cosine = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0);
    expect(a).toHaveLength(64);
    expect(cosine(a!, b!)).toBeGreaterThan(0.7);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!) + 0.3);
  });

  it('returns the same float vector for the same text', async () => {
    const res = await client.embeddings.create({ model: 'e', input: ['same text', 'same text'], encoding_format: 'float', dimensions: 16 });
    expect(res.data[0]?.embedding).toHaveLength(16);
    expect(res.data[0]?.embedding).toEqual(res.data[1]?.embedding);
  });

  it('flags FLAGME as violence and passes benign text', async () => {
    const res = await client.moderations.create({ model: 'omni-moderation-latest', input: ['please FLAGME now', 'a calm sentence'] });
    expect(res.results[0]).toMatchObject({ flagged: true, categories: { violence: true, hate: false } });
    expect(res.results[0]?.category_scores.violence).toBe(0.99);
    expect(res.results[1]?.flagged).toBe(false);
  });

  it('applies a queued error to its own route only', async () => {
    upstream.enqueueFor('moderations', { kind: 'error', status: 500 });
    const chat = await client.chat.completions.create({ model: 'm', messages: userMessage('still fine') });
    expect(chat.choices[0]?.message.content).toBe('echo: still fine');
    const err = await client.moderations.create({ input: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.InternalServerError);
  });
});

describe('readSse', () => {
  async function* pieces(...parts: string[]): AsyncGenerator<Uint8Array> {
    for (const part of parts) yield new TextEncoder().encode(part);
  }

  it('handles CRLF split across chunks, multi-line data, comments and ids', async () => {
    const events: SseEvent[] = [];
    for await (const ev of readSse(pieces('\uFEFF: hi\r', '\nid: 7\r\ndata: one\r', '\ndata:two\r\r', 'data: x\n'))) events.push(ev);
    expect(events).toEqual([{ data: 'one\ntwo', id: '7' }]);
  });

  it('treats bare CR as a line end and skips events without data', async () => {
    const data = await collectSse(pieces('event: ping\r\rdata: a\rdata: b\r\r'));
    expect(data).toEqual(['a\nb']);
  });

  it('keeps a multibyte character split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: café ☕\n\n');
    async function* split(): AsyncGenerator<Uint8Array> {
      for (const b of bytes) yield Uint8Array.of(b);
    }
    expect(await collectSse(split())).toEqual(['café ☕']);
  });

  it('reads a field name with no colon as an empty value', async () => {
    expect(await collectSse(pieces('data\n\ndata\ndata\n\n'))).toEqual(['', '\n']);
  });
});
