import { describe, expect, it } from 'vitest';
import { chainOf, joinChains, trimChain } from '../../src/responses/chain.js';
import { countMessageTokens, messageTokenBound } from '../../src/store/count-tokens.js';
import type { StoredMessage } from '../../src/store/types.js';

// " hello" is one token of six bytes: byte bounds run about six times the exact count.
const turn = (i: number): StoredMessage[] => [
  { role: 'user', content: `q${i}${' hello'.repeat(30)}` },
  { role: 'assistant', content: `a${i}${' hello'.repeat(50)}` },
];
const exact = async (messages: StoredMessage[]) => (await Promise.all(messages.map(countMessageTokens))).reduce((a, b) => a + b, 0);
const bound = (messages: StoredMessage[]) => messages.reduce((total, m) => total + messageTokenBound(m), 0);
const contents = (messages: StoredMessage[]) => messages.map((m) => m.content);

describe('Responses chain trimming', () => {
  const turns = [1, 2, 3].map(turn);
  const all = turns.flat();

  it('keeps a chain whose bounds pass the limit while its exact count does not', async () => {
    const limits = { maxMessages: 100, maxTokens: await exact(all) };
    expect(bound(all)).toBeGreaterThan(limits.maxTokens);
    const trimmed = await trimChain(chainOf(all), limits);
    expect(contents(trimmed.messages)).toEqual(contents(all));
    expect(trimmed.meta.every((m) => m.exact)).toBe(true);
  });

  it('drops the oldest whole turns by exact counts', async () => {
    const limits = { maxMessages: 100, maxTokens: (await exact(all)) - 1 };
    const trimmed = await trimChain(joinChains(chainOf(turns.slice(0, 2).flat()), chainOf(turns[2] ?? [])), limits);
    expect(contents(trimmed.messages)).toEqual(contents([...(turns[1] ?? []), ...(turns[2] ?? [])]));
  });

  it('leaves bounds in place when they fit the limit', async () => {
    const trimmed = await trimChain(chainOf(all), { maxMessages: 4, maxTokens: bound(all) });
    expect(contents(trimmed.messages)).toEqual(contents(all.slice(2)));
    expect(trimmed.meta.map((m) => m.exact)).toEqual([false, false, false, false]);
  });
});
