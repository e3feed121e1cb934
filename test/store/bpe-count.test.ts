import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { BytePairEncodingCore } from 'gpt-tokenizer/BytePairEncodingCore';
import { createBpeCounter } from '../../src/store/bpe-count.js';
import { parseRankSource, tokenBytesOf } from '../../src/store/bpe-source.js';
import { buildBpeTable, loadO200kTable } from '../../src/store/bpe-table.js';

const require = createRequire(import.meta.url);
const plain = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };
const table = loadO200kTable();
const count = createBpeCounter(table);

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

describe('o200k token counts', () => {
  const texts = [
    'The weather in Oslo is cold today.',
    "I'm sure they'll say we've DONE it, haven't we? Don't worry.",
    'function add(a, b) {\n  return a + b; // sum\n}\n\n\tconst x = [1, 2, 3];',
    '{"city":"Oslo","temperature":-3.5,"tags":["snow","wind"]}',
    'Ünïcödé façade naïve résumé — “quoted” ‘text’ … ½ ² ⅞',
    '東京は日本の首都です。北京是中国的首都。서울은 한국의 수도입니다.',
    'مرحبا بالعالم، هذه جملة عربية. שלום עולם. नमस्ते दुनिया',
    'Emoji 😀😀 👩‍👩‍👧 🇳🇴 flags and ZWJ sequences',
    'lone \uD800 high and \uDC00 low surrogates, and a \uFFFD replacement',
    'special markup <|endoftext|> and <|im_start|> counted as text',
    '12345678901234567890 3.14159 1,000,000 +47 22 33 44 55',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    'SGVsbG8gd29ybGQhIFRoaXMgaXMgYmFzZTY0IGVuY29kZWQgdGV4dA==',
    '   leading and trailing spaces   \n\n\r\n  ',
    '',
  ];

  for (const text of texts) {
    it(`matches gpt-tokenizer on ${JSON.stringify(text.slice(0, 30))}`, () => {
      expect(count(text)).toBe(countTokens(text, plain));
    });
  }

  it('matches gpt-tokenizer on random mixed-script text', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const ranges = [[0x20, 0x7e], [0xa0, 0x24f], [0x400, 0x4ff], [0x4e00, 0x4fff], [0x1f300, 0x1f3ff], [0xd800, 0xdfff], [0x0, 0x1f]] as const;
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let i = 0; i < 80; i++) {
        const [low, high] = ranges[Math.floor(random() * ranges.length)] as readonly [number, number];
        const code = low + Math.floor(random() * (high - low + 1));
        text += code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
        if (random() < 0.2) text += ' ';
      }
      expect(count(text)).toBe(countTokens(text, plain));
    }
  });

  it('skips what a split pattern leaves unmatched, as the package does', () => {
    const split = /[a-z]+|\d/gu;
    const reference = new BytePairEncodingCore({ bytePairRankDecoder: rankModule('o200k_base') as (string | number[])[], tokenSplitRegex: split });
    const counter = createBpeCounter(table, split);
    for (const text of ['hello, world! 42 times', '  ...', 'ÄÖÜ abc 7', '']) {
      expect(counter(text)).toBe(reference.countNative(text, new Set()));
    }
  });

  it('lets the later of two equal tokens win, as the package map does', () => {
    const small = buildBpeTable(tokenBytesOf(['a', 'b', 'ab', 'ab']));
    expect(small.rankOf(Buffer.from('ab'), 0, 2)).toBe(3);
    expect(small.rankOf(Buffer.from('ba'), 0, 2)).toBe(-1);
  });
});
