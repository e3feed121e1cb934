import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, startGateway, type Gateway } from '../helpers/gateway.js';
import { collectSse } from '../helpers/sse.js';

let up: FakeUpstream;
let gw: Gateway;
let client: OpenAI;
type Msg = { role: string; content: unknown; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string };
const sent = () => (up.requests.at(-1)?.body ?? {}) as Record<string, unknown> & { messages: Msg[] };

beforeAll(async () => {
  up = await startFakeUpstream();
  gw = await startGateway({
    config: baseConfig(up.url, {
      policies: { nossn: { pii: { entities: { US_SSN: 'block' } } } },
      tenants: {
        acme: {
          api_keys: ['k-acme'],
          models: ['fake'],
          system_prompt: { text: 'Tenant prompt.' },
          sampling: { max_tokens: { max: 100 } },
          guardrails: ['nossn'],
        },
        other: { api_keys: ['k-other'], models: ['fake'] },
        short: { api_keys: ['k-short'], models: ['fake'], history: { max_messages: 2 } },
      },
    }),
  });
  client = gw.client('k-acme');
});
afterAll(async () => {
  await gw.close();
  await up.close();
});
afterEach(() => up.reset());

describe('Responses API over a chat upstream', () => {
  it('translates a request and answers a Response object', async () => {
    up.enqueue({ kind: 'reply', text: 'Hi there', usage: { prompt_tokens: 5, completion_tokens: 2 } });
    const res = await client.responses.create({ model: 'fake', input: 'Hello', instructions: 'Be kind.', temperature: 0.2 });
    expect(res.id).toMatch(/^resp_/);
    expect(res.object).toBe('response');
    expect(res.status).toBe('completed');
    expect(res.output_text).toBe('Hi there');
    expect(res.usage).toMatchObject({ input_tokens: 5, output_tokens: 2, total_tokens: 7 });
    expect(sent().messages).toEqual([
      { role: 'system', content: 'Tenant prompt.' },
      { role: 'system', content: 'Be kind.' },
      { role: 'user', content: 'Hello' },
    ]);
    expect(sent().temperature).toBe(0.2);
    expect(sent().model).toBe('fake-upstream-model');
  });

  it('chains previous_response_id without carrying instructions, and serves GET and DELETE', async () => {
    const first = await client.responses.create({ model: 'fake', input: 'My name is Ada.', instructions: 'First instructions.' });
    const second = await client.responses.create({ model: 'fake', input: 'What is my name?', previous_response_id: first.id });
    expect(second.output_text).toBe('echo: What is my name?');
    expect(sent().messages.map((m) => [m.role, m.content])).toEqual([
      ['system', 'Tenant prompt.'],
      ['user', 'My name is Ada.'],
      ['assistant', 'echo: My name is Ada.'],
      ['user', 'What is my name?'],
    ]);
    const got = await client.responses.retrieve(second.id);
    expect(got.id).toBe(second.id);
    expect(got.output_text).toBe('echo: What is my name?');
    const del = await client.responses.delete(second.id).catch((e) => e);
    expect(del instanceof Error ? del.message : 'ok').toBe('ok');
    await expect(client.responses.retrieve(second.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('trims a chain to the tenant history limits in whole turns', async () => {
    const c = gw.client('k-short');
    const r1 = await c.responses.create({ model: 'fake', input: 'one' });
    const r2 = await c.responses.create({ model: 'fake', input: 'two', previous_response_id: r1.id });
    expect(sent().messages.map((m) => m.content)).toEqual(['one', 'echo: one', 'two']);
    await c.responses.create({ model: 'fake', input: 'three', previous_response_id: r2.id });
    expect(sent().messages.map((m) => m.content)).toEqual(['two', 'echo: two', 'three']);
  });

  it('404s an unknown, unstored or other tenant\'s previous response', async () => {
    const err = await client.responses.create({ model: 'fake', input: 'x', previous_response_id: 'resp_nope' }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect(err.param).toBe('previous_response_id');
    const unstored = await client.responses.create({ model: 'fake', input: 'x', store: false });
    await expect(client.responses.create({ model: 'fake', input: 'y', previous_response_id: unstored.id })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const mine = await client.responses.create({ model: 'fake', input: 'secret' });
    await expect(gw.client('k-other').responses.retrieve(mine.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(gw.client('k-other').responses.create({ model: 'fake', input: 'y', previous_response_id: mine.id })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('round-trips function calls and their outputs', async () => {
    up.enqueue({ kind: 'reply', toolCalls: [{ id: 'call_9', name: 'get_weather', arguments: '{"city":"Oslo"}' }], finishReason: 'tool_calls' });
    const tools = [{ type: 'function' as const, name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: false }];
    const first = await client.responses.create({ model: 'fake', input: 'Weather in Oslo?', tools });
    expect(sent().tools).toEqual([{ type: 'function', function: { name: 'get_weather', parameters: tools[0]?.parameters, strict: false } }]);
    const call = first.output.find((o) => o.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', call_id: 'call_9', name: 'get_weather', arguments: '{"city":"Oslo"}' });
    up.enqueue({ kind: 'reply', text: 'It is sunny.' });
    const second = await client.responses.create({
      model: 'fake',
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: 'call_9', output: '{"sky":"clear"}' }],
      tools,
    });
    expect(second.output_text).toBe('It is sunny.');
    expect(sent().messages.slice(1).map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(sent().messages[3]).toMatchObject({ role: 'tool', tool_call_id: 'call_9', content: '{"sky":"clear"}' });
  });

  it('streams typed events the SDK assembles', async () => {
    up.enqueue({ kind: 'stream', chunks: ['Str', 'eam', 'ed'] });
    const stream = client.responses.stream({ model: 'fake', input: 'go' });
    const types: string[] = [];
    stream.on('event', (e) => types.push(e.type));
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('Streamed');
    expect(types[0]).toBe('response.created');
    expect(types).toContain('response.output_text.delta');
    expect(types.at(-1)).toBe('response.completed');
    expect(sent().stream).toBe(true);
  });

  it('reports clamps under the Responses name', async () => {
    const { response } = await client.responses.create({ model: 'fake', input: 'x', max_output_tokens: 500 }).withResponse();
    expect(response.headers.get('x-sluice-clamped')).toBe('max_output_tokens=500->100');
    expect(sent().max_tokens).toBe(100);
  });

  it('a blocked input is an incomplete response with the policy message', async () => {
    const res = await client.responses.create({ model: 'fake', input: 'My SSN is 536-22-1234' });
    expect(res.status).toBe('incomplete');
    expect(res.incomplete_details).toEqual({ reason: 'content_filter' });
    expect(res.output_text).toBe("Sorry, I can't help with that.");
    expect(up.requests).toHaveLength(0);
  });

  it('a failure inside a stream is a response.failed event', async () => {
    up.enqueue({ kind: 'stream-then-destroy', chunks: ['par'] });
    const res = await gw.fetch('/v1/responses', { key: 'k-acme', json: { model: 'fake', input: 'x', stream: true } });
    const data = await collectSse(res);
    expect(JSON.parse(data.at(-1) as string).type).toBe('response.failed');
  });
});
