import { describe, expect, it } from 'vitest';
import { decodeChatStream } from '../../src/sse/decode.js';
import { StreamFault } from '../../src/providers/types.js';

const enc = new TextEncoder();
const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

async function* bytes(pieces: Uint8Array[]) {
  for (const p of pieces) yield p;
}

async function collect(pieces: Uint8Array[]) {
  const out: string[] = [];
  for await (const batch of decodeChatStream(bytes(pieces), { classifyError: (e) => new StreamFault('upstream_error', String(e)) })) {
    expect(batch.length).toBeGreaterThan(0);
    for (const c of batch) out.push(c.choices[0]?.delta?.content ?? '');
  }
  return out;
}

describe('upstream SSE decoding', () => {
  it('keeps a multi-byte character split across reads intact, at every byte position', async () => {
    const all = enc.encode(chunk('naïve 日本 🎉') + chunk('', 'stop') + 'data: [DONE]\n\n');
    for (let cut = 1; cut < all.length; cut++) {
      const text = (await collect([all.slice(0, cut), all.slice(cut)])).join('');
      expect(text).toBe('naïve 日本 🎉');
    }
  });

  it('accepts CRLF framing and stops at [DONE]', async () => {
    const text = chunk('a').replaceAll('\n', '\r\n') + 'data: [DONE]\r\n\r\n' + chunk('never');
    expect(await collect([enc.encode(text)])).toEqual(['a']);
  });

  it('raises a StreamFault for a data line that is not JSON', async () => {
    await expect(collect([enc.encode(chunk('a') + 'data: {oops\n\n')])).rejects.toBeInstanceOf(StreamFault);
  });

  it('raises a StreamFault for an error object sent mid-stream', async () => {
    const err = await collect([enc.encode(chunk('a') + 'data: {"error":{"message":"overloaded"}}\n\n')]).catch((e) => e);
    expect(err).toBeInstanceOf(StreamFault);
    expect(err.message).toContain('overloaded');
  });

  it('reads a last event that lacks its blank line', async () => {
    expect(await collect([enc.encode(chunk('a') + chunk('b', 'stop').trimEnd())])).toEqual(['a', 'b']);
  });

  it('yields the chunks of one read as one batch, and a later read as the next', async () => {
    const batches: string[][] = [];
    const reads = [enc.encode(chunk('a') + chunk('b')), enc.encode(chunk('c', 'stop') + 'data: [DONE]\n\n')];
    for await (const batch of decodeChatStream(bytes(reads), { classifyError: (e) => new StreamFault('upstream_error', String(e)) })) {
      batches.push(batch.map((c) => c.choices[0]?.delta?.content ?? ''));
    }
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('hands over the good chunks of a read before the fault of a bad event in it', async () => {
    const seen: string[] = [];
    const reads = [enc.encode(chunk('a') + chunk('b') + 'data: {oops\n\n')];
    const err = await (async () => {
      for await (const batch of decodeChatStream(bytes(reads), { classifyError: (e) => new StreamFault('upstream_error', String(e)) })) {
        for (const c of batch) seen.push(c.choices[0]?.delta?.content ?? '');
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['a', 'b']);
    expect(err).toBeInstanceOf(StreamFault);
  });
});
