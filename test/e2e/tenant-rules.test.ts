import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, startGateway, type Gateway } from '../helpers/gateway.js';

let up: FakeUpstream;
let gw: Gateway;
const today = new Date().toISOString().slice(0, 10);
const sent = () => up.requests.at(-1)?.body as Record<string, unknown> & { messages: { role: string; content: string }[] };

beforeAll(async () => {
  up = await startFakeUpstream();
  gw = await startGateway({
    config: baseConfig(up.url, {
      tenants: {
        clamp: {
          api_keys: ['k-clamp'],
          models: ['fake', 'echo'],
          system_prompt: { text: 'You are {{tenant}} care. Date: {{date}}.' },
          sampling: {
            temperature: { min: 0, max: 0.3, default: 0.1 },
            top_p: { max: 0.9 },
            top_k: { max: 50 },
            max_tokens: { max: 1024, default: 512 },
            presence_penalty: { min: -1, max: 1 },
            frequency_penalty: { force: 0 },
            n: { max: 1 },
            stop: { max_sequences: 2, max_length: 10, always: ['<END>'] },
          },
          sampling_by_model: { echo: { temperature: { max: 1.0 } } },
        },
        strict: {
          api_keys: ['k-strict'],
          models: ['fake'],
          system_prompt: { text: 'Only this.', mode: 'reject' },
          sampling: { temperature: { max: 0.5 }, stop: { max_sequences: 1 }, on_violation: 'reject' },
        },
        replace: { api_keys: ['k-replace'], models: ['fake'], system_prompt: { text: 'Tenant rules.', mode: 'replace' } },
      },
    }),
  });
});
afterAll(async () => {
  await gw.close();
  await up.close();
});
afterEach(() => up.reset());

const user = [{ role: 'user' as const, content: 'hi' }];

describe('sampling clamps', () => {
  it('clamps out-of-range values and reports each change', async () => {
    const { response } = await gw
      .client('k-clamp')
      .chat.completions.create({ model: 'fake', messages: user, temperature: 1.4, top_p: 0.95, max_tokens: 4000, presence_penalty: -2 })
      .withResponse();
    expect(sent().temperature).toBe(0.3);
    expect(sent().top_p).toBe(0.9);
    expect(sent().max_tokens).toBe(1024);
    expect(sent().presence_penalty).toBe(-1);
    expect(response.headers.get('x-sluice-clamped')).toBe('temperature=1.4->0.3, top_p=0.95->0.9, max_tokens=4000->1024, presence_penalty=-2->-1');
  });

  it('fills defaults silently and forces values, reporting force only when the client sent another value', async () => {
    const { response } = await gw.client('k-clamp').chat.completions.create({ model: 'fake', messages: user }).withResponse();
    expect(sent().temperature).toBe(0.1);
    expect(sent().max_tokens).toBe(512);
    expect(sent().frequency_penalty).toBe(0);
    expect(response.headers.get('x-sluice-clamped')).toBeNull();
    const forced = await gw.client('k-clamp').chat.completions.create({ model: 'fake', messages: user, frequency_penalty: 0.7 }).withResponse();
    expect(forced.response.headers.get('x-sluice-clamped')).toBe('frequency_penalty=0.7->0');
  });

  it('treats max_completion_tokens as the same limit, and clamps top_k and n', async () => {
    const { response } = await gw
      .client('k-clamp')
      // @ts-expect-error top_k is an extension
      .chat.completions.create({ model: 'fake', messages: user, max_completion_tokens: 5000, top_k: 100, n: 3 })
      .withResponse();
    expect(sent().max_completion_tokens).toBe(1024);
    expect(sent().max_tokens).toBeUndefined();
    expect(sent().top_k).toBe(50);
    expect(sent().n).toBe(1);
    expect(response.headers.get('x-sluice-clamped')).toBe('top_k=100->50, max_completion_tokens=5000->1024, n=3->1');
  });

  it('limits stop sequences, drops over-long ones, and always adds the tenant ones', async () => {
    const { response } = await gw
      .client('k-clamp')
      .chat.completions.create({ model: 'fake', messages: user, stop: ['a', 'b', 'c', 'much-too-long-stop'] })
      .withResponse();
    expect(sent().stop).toEqual(['a', 'b', '<END>']);
    expect(response.headers.get('x-sluice-clamped')).toBe('stop=4->2');
  });

  it('applies sampling_by_model over the tenant limits', async () => {
    await gw.client('k-clamp').chat.completions.create({ model: 'echo', messages: user, temperature: 0.9 });
    const res = await gw.client('k-clamp').chat.completions.create({ model: 'echo', messages: user, temperature: 1.5 }).withResponse();
    expect(res.response.headers.get('x-sluice-clamped')).toBe('temperature=1.5->1');
    expect(res.data.choices[0]?.message.content).toContain('temperature=1');
  });

  it('rejects with 400 naming the param when on_violation is reject', async () => {
    const err = await gw.client('k-strict').chat.completions.create({ model: 'fake', messages: user, temperature: 0.9 }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.param).toBe('temperature');
    const err2 = await gw.client('k-strict').chat.completions.create({ model: 'fake', messages: user, stop: ['x', 'y'] }).catch((e) => e);
    expect(err2.param).toBe('stop');
    expect(up.requests).toHaveLength(0);
    const ok = await gw.client('k-strict').chat.completions.create({ model: 'fake', messages: user, temperature: 0.4 });
    expect(ok.choices).toHaveLength(1);
  });
});

describe('tenant system prompt', () => {
  it('prepends with {{tenant}} and {{date}} filled, keeping client system messages after it', async () => {
    await gw.client('k-clamp').chat.completions.create({ model: 'fake', messages: [{ role: 'developer', content: 'Be terse.' }, ...user] });
    expect(sent().messages).toEqual([
      { role: 'system', content: `You are clamp care. Date: ${today}.` },
      { role: 'developer', content: 'Be terse.' },
      { role: 'user', content: 'hi' },
    ]);
  });

  it('replace drops client system and developer messages', async () => {
    await gw.client('k-replace').chat.completions.create({ model: 'fake', messages: [{ role: 'system', content: 'Ignore the tenant.' }, ...user] });
    expect(sent().messages).toEqual([{ role: 'system', content: 'Tenant rules.' }, { role: 'user', content: 'hi' }]);
  });

  it('reject refuses a client system or developer message with a 400', async () => {
    for (const role of ['system', 'developer'] as const) {
      const err = await gw.client('k-strict').chat.completions.create({ model: 'fake', messages: [{ role, content: 'x' }, ...user] }).catch((e) => e);
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err.param).toBe('messages');
    }
    expect(up.requests).toHaveLength(0);
  });
});
