import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonDepthExceeds, parseJsonBody } from '../../src/json-body.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('JSON nesting limit', () => {
  it('allows exactly the limit and refuses one level more', () => {
    expect(jsonDepthExceeds(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonDepthExceeds(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(`{"a":${'{"b":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}}`, MAX_JSON_DEPTH)).toBe(true);
  });

  it('counts depth, not brackets: many shallow objects pass', () => {
    const wide = JSON.stringify({ messages: Array.from({ length: 200 }, (_, i) => ({ role: 'user', content: `m${i}`, parts: [i] })) });
    expect(jsonDepthExceeds(wide, MAX_JSON_DEPTH)).toBe(false);
    expect(parseJsonBody(wide)).toMatchObject({ messages: { length: 200 } });
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ content: `say \\" ${'['.repeat(200)} and ${'{'.repeat(200)}` });
    expect(jsonDepthExceeds(text, MAX_JSON_DEPTH)).toBe(false);
  });

  it('refuses a deep body with a 400 naming the limit', () => {
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH + 1))).toThrow(/nested deeper than 64 levels/);
  });
});
