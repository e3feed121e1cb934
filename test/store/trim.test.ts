import { describe, expect, it } from 'vitest';
import {
  decodeEntries,
  decodeEntryMessage,
  decodeEntryMeta,
  encodeEntry,
  entriesToDrop,
  storedTokens,
  wholeTtlSeconds,
  withExactTokens,
} from '../../src/store/trim.js';
import type { EntryMeta } from '../../src/store/trim.js';

/** "U5" = user message (turn start) of 5 tokens, "a3" = any other message of 3 tokens. */
function entries(spec: string): EntryMeta[] {
  return spec.split(' ').map((item) => ({ startsTurn: item[0] === 'U', tokens: Number(item.slice(1)), exact: true }));
}

const loose = { maxMessages: 100, maxTokens: 1000 };

describe('entry encoding', () => {
  it('round-trips a message and exposes turn start and tokens without parsing JSON', () => {
    const message = { role: 'user', content: 'a:b:{c}', extra: [1, { nested: true }] };
    const entry = encodeEntry(message, 12);
    expect(entry.startsWith('1:12:')).toBe(true);
    expect(decodeEntryMeta(entry)).toEqual({ startsTurn: true, tokens: 12, exact: true });
    expect(decodeEntryMessage(entry)).toEqual(message);
  });

  it('marks an upper bound, and swaps it for an exact count keeping the message text verbatim', () => {
    const message = { role: 'user', content: 'héllo 3: "quoted"' };
    const bounded = encodeEntry(message, 30, false);
    expect(bounded.startsWith('1:30: {')).toBe(true);
    // A reader that does not know the mark still parses the message and reads the bound as a count.
    expect(JSON.parse(/^([01]):(\d+):(.*)$/s.exec(bounded)?.[3] ?? '')).toEqual(message);
    expect(decodeEntryMeta(bounded)).toEqual({ startsTurn: true, tokens: 30, exact: false });
    expect(decodeEntryMessage(bounded)).toEqual(message);
    const exact = withExactTokens(bounded, 7);
    expect(exact).toBe(`1:7:${bounded.slice('1:30: '.length)}`);
    expect(decodeEntryMeta(exact)).toEqual({ startsTurn: true, tokens: 7, exact: true });
  });

  it('decodes a loaded history and sums its figures in one pass', () => {
    const a = { role: 'user', content: 'a' };
    const b = { role: 'assistant', content: 'b' };
    expect(decodeEntries([encodeEntry(a, 5), encodeEntry(b, 9, false)])).toEqual({ messages: [a, b], tokens: 14 });
    expect(decodeEntries([])).toEqual({ messages: [], tokens: 0 });
  });

  it('sums the stored figures of entries, exact or bound', () => {
    expect(storedTokens([encodeEntry({ role: 'user', content: 'a' }, 5), encodeEntry({ role: 'assistant', content: 'b' }, 9, false)])).toBe(14);
    expect(storedTokens([])).toBe(0);
  });

  it('marks assistant and tool messages as turn continuations', () => {
    expect(decodeEntryMeta(encodeEntry({ role: 'assistant', content: 'x' }, 2)).startsTurn).toBe(false);
    expect(decodeEntryMeta(encodeEntry({ role: 'tool', content: 'x' }, 2)).startsTurn).toBe(false);
  });
});

describe('entriesToDrop', () => {
  it('drops nothing within the limits', () => {
    expect(entriesToDrop(entries('U1 a1 U1 a1'), 2, loose)).toBe(0);
  });

  it('drops whole turns from the oldest end until the message count fits', () => {
    expect(entriesToDrop(entries('U1 a1 a1 a1 U1 a1 U1 a1'), 6, { ...loose, maxMessages: 4 })).toBe(4);
  });

  it('drops whole turns until the token total fits, keeping a history exactly at the limit', () => {
    expect(entriesToDrop(entries('U10 a10 U10 a10 U10 a10'), 4, { ...loose, maxTokens: 40 })).toBe(2);
  });

  it('never drops the appended turn, even when it alone exceeds the limits', () => {
    expect(entriesToDrop(entries('U1 a1 U50 a50'), 2, { maxMessages: 1, maxTokens: 10 })).toBe(2);
  });

  it('protects the earlier turn that the appended entries continue', () => {
    // Stored: U a(tool call) | appended: tool result, answer.
    expect(entriesToDrop(entries('U1 a1 U1 a1 a1 a1'), 4, { ...loose, maxMessages: 2 })).toBe(2);
  });

  it('treats leading entries without a turn start as one turn', () => {
    expect(entriesToDrop(entries('a1 a1 U1 a1'), 2, { ...loose, maxMessages: 2 })).toBe(2);
  });
});

describe('wholeTtlSeconds', () => {
  it('rounds up to whole seconds and never reaches zero', () => {
    expect(wholeTtlSeconds(1.2)).toBe(2);
    expect(wholeTtlSeconds(0)).toBe(1);
    expect(wholeTtlSeconds(-5)).toBe(1);
    expect(wholeTtlSeconds(3600)).toBe(3600);
  });
});
