/** Drop-in checks with the other common clients: the Vercel AI SDK and LangChain's ChatOpenAI. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText, tool } from 'ai';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, DEMO_KEY, startGateway, type Gateway } from '../helpers/gateway.js';

let up: FakeUpstream;
let gw: Gateway;

beforeAll(async () => {
  up = await startFakeUpstream();
  gw = await startGateway({ config: baseConfig(up.url) });
});
afterAll(async () => {
  await gw.close();
  await up.close();
});
afterEach(() => up.reset());

describe('Vercel AI SDK', () => {
  const provider = () => createOpenAI({ apiKey: DEMO_KEY, baseURL: gw.baseURL });

  it('generateText over chat completions', async () => {
    up.enqueue({ kind: 'reply', text: 'chat answer' });
    const { text, finishReason } = await generateText({ model: provider().chat('fake'), prompt: 'hi' });
    expect(text).toBe('chat answer');
    expect(finishReason).toBe('stop');
  });

  it('streamText over chat completions', async () => {
    up.enqueue({ kind: 'stream', chunks: ['a', 'b', 'c'] });
    const result = streamText({ model: provider().chat('fake'), prompt: 'hi' });
    let text = '';
    for await (const t of result.textStream) text += t;
    expect(text).toBe('abc');
  });

  it('generateText and streamText over the Responses API (the SDK default)', async () => {
    up.enqueue({ kind: 'reply', text: 'responses answer' });
    const { text } = await generateText({ model: provider()('fake'), prompt: 'hi' });
    expect(text).toBe('responses answer');
    up.enqueue({ kind: 'stream', chunks: ['x', 'y'] });
    const result = streamText({ model: provider()('fake'), prompt: 'hi' });
    let streamed = '';
    for await (const t of result.textStream) streamed += t;
    expect(streamed).toBe('xy');
  });

  it('tool calls over chat completions', async () => {
    up.enqueue({ kind: 'reply', toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }], finishReason: 'tool_calls' });
    const { toolCalls } = await generateText({
      model: provider().chat('fake'),
      prompt: 'weather?',
      tools: { weather: tool({ description: 'weather', inputSchema: z.object({ city: z.string() }) }) },
    });
    expect(toolCalls[0]).toMatchObject({ toolName: 'weather', input: { city: 'Oslo' } });
  });
});

describe('LangChain ChatOpenAI', () => {
  const model = (extra: Record<string, unknown> = {}) =>
    new ChatOpenAI({ model: 'fake', apiKey: DEMO_KEY, configuration: { baseURL: gw.baseURL }, maxRetries: 0, ...extra });

  it('invoke', async () => {
    up.enqueue({ kind: 'reply', text: 'lc answer' });
    const res = await model().invoke('hi');
    expect(res.content).toBe('lc answer');
  });

  it('stream', async () => {
    up.enqueue({ kind: 'stream', chunks: ['l', 'c'] });
    let text = '';
    for await (const chunk of await model().stream('hi')) text += String(chunk.content);
    expect(text).toBe('lc');
  });
});
