import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRankSource, tokenBytesOf } from '../../src/store/bpe-source.js';

const require = createRequire(import.meta.url);

function rankModule(name: string): unknown[] {
  return (require(`gpt-tokenizer/bpeRanks/${name}`) as { default: unknown[] }).default;
}

function sameTokens(a: ReturnType<typeof tokenBytesOf>, b: ReturnType<typeof tokenBytesOf>): boolean {
  return a.count === b.count && Buffer.from(a.data).equals(Buffer.from(b.data)) && Buffer.from(a.offsets.buffer).equals(Buffer.from(b.offsets.buffer));
}

describe('rank module source', () => {
  it('reads o200k exactly as running the module gives it', () => {
    const path = require.resolve('gpt-tokenizer/bpeRanks/o200k_base');
    expect(sameTokens(parseRankSource(readFileSync(path)), tokenBytesOf(rankModule('o200k_base')))).toBe(true);
  });

  it('reads a vocabulary with an unused rank (a hole) as an empty token', () => {
    const path = require.resolve('gpt-tokenizer/bpeRanks/p50k_base');
    const parsed = parseRankSource(readFileSync(path));
    expect(sameTokens(parsed, tokenBytesOf(rankModule('p50k_base')))).toBe(true);
  });

  it('decodes escapes, surrogate pairs, byte arrays and holes', () => {
    const source = 'const c0 = [\n\t"a\\x41\\u00e9\\u{1F600}\\uD83D\\uDE00\\0\\v\\\'\\"\\\\",\n\t[255, 0],\n\t,\n\t"\t ü"\n];\nconst c1 = [\n\t"z"\n];\n';
    const parsed = parseRankSource(Buffer.from(source));
    const token = (r: number) => Buffer.from(parsed.data.subarray(parsed.offsets[r], parsed.offsets[r + 1]));
    expect(parsed.count).toBe(5);
    expect(token(0).equals(Buffer.from('aAé😀😀\0\v\'"\\'))).toBe(true);
    expect([...token(1)]).toEqual([255, 0]);
    expect(token(2).length).toBe(0);
    expect(token(3).toString()).toBe('\t ü');
    expect(token(4).toString()).toBe('z');
  });

  it('rejects a source it cannot read instead of guessing', () => {
    expect(() => parseRankSource(Buffer.from('const c0 = [\n\t"open\n];'))).toThrow();
    expect(() => parseRankSource(Buffer.from('export default bpe;'))).toThrow();
  });
});
