import { describe, expect, it } from 'vitest';
import { ChatRequest, plainlyValid, validateChatRequest } from '../../src/openai/chat-request.js';
import { seededRandom } from '../helpers/seeded-random.js';

const ODD_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53, 1e300, '', 'x', [], ['a'], [1], {}, { type: 'text' }, { type: 1 }, [{ type: 'text' }], [{}]];

function generateBody(rnd: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const maybe = <T>(valid: () => T): unknown => (rnd() < 0.93 ? valid() : pick(ODD_VALUES));
  const message = (): unknown => {
    if (rnd() < 0.05) return pick(ODD_VALUES);
    const m: Record<string, unknown> = { role: maybe(() => pick(['system', 'developer', 'user', 'assistant', 'tool', 'function', 'bot'])) };
    if (rnd() < 0.9) m.content = maybe(() => pick(['hello', '', null, [{ type: 'text', text: 'hi' }], [{ type: 'image_url', image_url: { url: 'x' } }]]));
    if (rnd() < 0.1) m.name = maybe(() => 'alice');
    if (rnd() < 0.1) m.tool_call_id = maybe(() => 'call_1');
    if (rnd() < 0.1) m.tool_calls = maybe(() => [{ id: maybe(() => 'call_1'), type: 'function', function: maybe(() => ({ name: 'f', arguments: maybe(() => '{}') })) }]);
    if (rnd() < 0.05) m.extra = pick(ODD_VALUES);
    return m;
  };
  const body: Record<string, unknown> = {};
  if (rnd() < 0.95) body.model = maybe(() => pick(['gpt-4o-mini', 'echo', '']));
  if (rnd() < 0.95) body.messages = maybe(() => Array.from({ length: Math.floor(rnd() * 4) }, message));
  const optional: [string, () => unknown][] = [
    ['stream', () => pick([true, false, null])],
    ['stream_options', () => pick([null, { include_usage: true }, { include_usage: null }, {}])],
    ['temperature', () => pick([0, 0.7, 2, null])],
    ['top_p', () => pick([0.9, null])],
    ['top_k', () => pick([40, 2.5, null])],
    ['n', () => pick([1, 2, null])],
    ['max_tokens', () => pick([16, 2 ** 53, null])],
    ['max_completion_tokens', () => pick([16, null])],
    ['presence_penalty', () => pick([0.5, null])],
    ['frequency_penalty', () => pick([0.5, null])],
    ['seed', () => pick([42, -3, null])],
    ['stop', () => pick(['\n', ['a', 'b'], ['a', 1], null])],
    ['tools', () => pick([[{ type: 'function', function: { name: 'f' } }], [{ kind: 'f' }], []])],
    ['tool_choice', () => pick(['auto', { type: 'function', function: { name: 'f' } }, { name: 'f' }])],
    ['parallel_tool_calls', () => pick([true, null])],
    ['response_format', () => pick([{ type: 'json_object' }, { type: null }])],
    ['logprobs', () => pick([true, null])],
    ['top_logprobs', () => pick([3, null])],
    ['logit_bias', () => pick([{ '50256': -100 }, { '1': 'x' }, null])],
    ['user', () => pick(['u1', null])],
    ['metadata', () => pick([{ session_id: 's1' }, null, ['x']])],
    ['__proto__', () => pick([{}, null])],
    ['toString', () => pick([1, 'x'])],
    ['vendor_field', () => pick(ODD_VALUES)],
  ];
  for (const [key, valid] of optional) {
    if (rnd() < 0.25) Object.defineProperty(body, key, { value: maybe(valid), enumerable: true, configurable: true, writable: true });
  }
  return body;
}

describe('chat request validation', () => {
  it('the hand-written pass accepts only what the schema accepts (20,000 generated bodies)', () => {
    const rnd = seededRandom(20261126);
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      const body = JSON.parse(JSON.stringify(generateBody(rnd))) as Record<string, unknown>;
      const schemaAccepts = ChatRequest.safeParse(body).success;
      if (plainlyValid(body)) {
        fast++;
        expect(schemaAccepts, JSON.stringify(body)).toBe(true);
      }
      // Either way the route's answer is the schema's.
      let accepted = true;
      try {
        validateChatRequest(body);
      } catch {
        accepted = false;
      }
      expect(accepted, JSON.stringify(body)).toBe(schemaAccepts);
    }
    // The generator reaches both sides: a pass that accepted nothing would be useless.
    expect(fast).toBeGreaterThan(1000);
  });

  it('takes the bodies SDKs send without the schema', () => {
    expect(plainlyValid({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).toBe(true);
    expect(
      plainlyValid({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'user', content: [{ type: 'text', text: 'hi' }] },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 'c1', content: '42' },
        ],
        stream: true,
        stream_options: { include_usage: true },
        temperature: 0.2,
        max_tokens: 100,
        tools: [{ type: 'function', function: { name: 'f', parameters: {} } }],
        tool_choice: 'auto',
        metadata: { session_id: 's1' },
        top_k: 40,
      }),
    ).toBe(true);
  });

  it('leaves wording the error to the schema', () => {
    expect(() => validateChatRequest({ model: 'm', messages: [{ role: 'bot', content: 'x' }] })).toThrow(/Invalid value for 'messages\[0\]\.role'/);
    expect(() => validateChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 1.5 })).toThrow(/Invalid value for 'max_tokens'/);
  });
});
