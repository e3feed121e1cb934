/** Delegate engines (embeddings, judge) against the fake provider: wiring and failure handling. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, startGateway, type Gateway } from '../helpers/gateway.js';

let up: FakeUpstream;
let gw: Gateway;
const topic = { name: 'investment_advice', definition: 'Advice about buying or selling stocks and shares.', examples: ['should I buy stocks', 'which shares to sell'], threshold: 0.5 };

beforeAll(async () => {
  up = await startFakeUpstream();
  gw = await startGateway({
    config: baseConfig(up.url, {
      policies: {
        emb: { denied_topics: { topics: [topic], engine: 'embeddings', engine_model: 'fake', on_engine_error: 'block' } },
        judged: { denied_topics: { topics: [topic], engine: 'judge', engine_model: 'fake', on_engine_error: 'local' } },
        judged_grounding: { grounding: { engine: 'judge', engine_model: 'fake', on_engine_error: 'allow' } },
      },
      tenants: {
        emb: { api_keys: ['k-emb'], models: ['fake'], guardrails: ['emb'] },
        judged: { api_keys: ['k-judged'], models: ['fake'], guardrails: ['judged'] },
        grounded: { api_keys: ['k-grounded'], models: ['fake'], guardrails: ['judged_grounding'] },
      },
    }),
  });
});
afterAll(async () => {
  await gw.close();
  await up.close();
});
afterEach(() => up.reset());

const ask = (key: string, content: string, extra: Record<string, unknown> = {}) =>
  gw.client(key).chat.completions.create({ model: 'fake', messages: [{ role: 'user', content }], ...extra } as never).withResponse();

describe('embeddings engine for denied topics', () => {
  it('blocks text whose embedding is close to the topic and passes other text', async () => {
    const hit = await ask('k-emb', 'should I buy stocks and which shares to sell');
    expect(hit.response.headers.get('x-sluice-guardrail')).toBe('input:blocked denied_topics=investment_advice');
    expect(up.requests.filter((r) => r.path.endsWith('/embeddings')).length).toBeGreaterThanOrEqual(2);
    const miss = await ask('k-emb', 'what time does the bakery open tomorrow morning');
    expect(miss.response.headers.get('x-sluice-guardrail')).toBe('none');
  });

  it('blocks when the engine fails and on_engine_error is block', async () => {
    up.enqueueFor('embeddings', { kind: 'error', status: 500 }, { kind: 'error', status: 500 });
    const res = await ask('k-emb', 'hello');
    expect(res.response.headers.get('x-sluice-guardrail')).toBe('input:blocked denied_topics=engine_error');
  });
});

describe('judge engine', () => {
  it('asks the judge model and follows its verdict', async () => {
    up.enqueue({ kind: 'reply', text: '{"topics": ["investment_advice"]}' });
    const res = await ask('k-judged', 'is it smart to put my savings into Nvidia?');
    expect(res.response.headers.get('x-sluice-guardrail')).toBe('input:blocked denied_topics=investment_advice');
    const judgeCall = up.requests[0]?.body as { messages: { role: string; content: string }[] };
    expect(judgeCall.messages[0]?.content).toContain('investment_advice');
    expect(up.requests).toHaveLength(1);
  });

  it('falls back to the local engine when the judge answers garbage', async () => {
    up.enqueue({ kind: 'reply', text: 'I cannot answer in JSON, sorry' }, { kind: 'reply', text: 'fine' });
    const res = await ask('k-judged', 'what is the weather like in Oslo');
    expect(res.data.choices[0]?.message.content).toBe('fine');
    expect(res.response.headers.get('x-sluice-guardrail')).toBe('none');
  });

  it('judges grounding, and reports a failed judge as skipped with on_engine_error allow', async () => {
    const grounding = { sources: ['The museum opens at 9.'], query: 'When does the museum open?' };
    up.enqueue({ kind: 'reply', text: 'It opens at 11.' }, { kind: 'reply', text: '{"grounding": 0.1, "relevance": 0.9}' });
    const blocked = await ask('k-grounded', 'When does the museum open?', { grounding });
    expect(blocked.response.headers.get('x-sluice-guardrail')).toBe('output:blocked grounding=grounding');
    up.enqueue({ kind: 'reply', text: 'It opens at 9.' }, { kind: 'error', status: 500 });
    const skipped = await ask('k-grounded', 'When does the museum open?', { grounding });
    expect(skipped.data.choices[0]?.message.content).toBe('It opens at 9.');
    expect(skipped.response.headers.get('x-sluice-guardrail')).toBe('output:skipped grounding=engine_error');
  });
});
