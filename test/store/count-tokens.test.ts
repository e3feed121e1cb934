import { describe, expect, it } from 'vitest';
import { countMessageTokens, loadTokenCounter, MESSAGE_OVERHEAD_TOKENS, messageTexts } from '../../src/store/count-tokens.js';

describe('message token counts', () => {
  it('counts string content plus the per-message overhead', async () => {
    const countText = await loadTokenCounter();
    const tokens = await countMessageTokens({ role: 'user', content: 'The weather in Oslo is cold today.' });
    expect(tokens).toBe(countText('The weather in Oslo is cold today.') + MESSAGE_OVERHEAD_TOKENS);
    expect(tokens).toBeGreaterThan(MESSAGE_OVERHEAD_TOKENS + 5);
  });

  it('counts only the overhead for an empty message', async () => {
    expect(await countMessageTokens({ role: 'assistant', content: null })).toBe(MESSAGE_OVERHEAD_TOKENS);
  });

  it('reads text parts, tool call names and arguments, but not images', () => {
    const texts = messageTexts({
      role: 'assistant',
      content: [
        { type: 'text', text: 'first' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
      ],
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
    });
    expect(texts).toEqual(['first', 'get_weather', '{"city":"Oslo"}']);
  });

  it('counts special-token markup in user text as plain text instead of failing', async () => {
    expect(await countMessageTokens({ role: 'user', content: 'say <|endoftext|> now' })).toBeGreaterThan(
      MESSAGE_OVERHEAD_TOKENS,
    );
  });

  it('counts a long text without whitespace close to the unsliced count', async () => {
    const countText = await loadTokenCounter();
    const prose = 'Sessions keep the history of a conversation between requests. '.repeat(200);
    const whole = countText(prose.slice(0, 1000)) + countText(prose.slice(1000));
    expect(Math.abs(countText(prose) - whole)).toBeLessThanOrEqual(2);
    // 256 KB of one letter is a single BPE piece; sliced counting keeps it proportional.
    expect(countText('a'.repeat(256 * 1024))).toBeGreaterThan(256 * 1024 / 16);
  });
});
