import { describe, expect, it } from 'vitest';
import { HashBits, MAX_TABLE_WORD, TextUnits, WordTable, hashString } from '../../src/guardrails/text-units.js';

const unitsOf = (text: string) => Uint16Array.from(text, (c) => c.charCodeAt(0));

describe('TextUnits', () => {
  it('gives the UTF-16 units of each text loaded, reusing its array', () => {
    const buffer = new TextUnits();
    const first = buffer.load('héllo wörld');
    expect(Array.from(first.subarray(0, 11))).toEqual(Array.from('héllo wörld', (c) => c.charCodeAt(0)));
    const second = buffer.load('ab');
    expect(second[0]).toBe(97);
    expect(second[1]).toBe(98);
  });

  it('grows for a longer text and copies surrogate pairs unit by unit', () => {
    const text = `${'x'.repeat(5000)}😀`;
    const units = new TextUnits().load(text);
    expect(units[4999]).toBe(120);
    expect(units[5000]).toBe(text.charCodeAt(5000));
    expect(units[5001]).toBe(text.charCodeAt(5001));
  });
});

describe('WordTable', () => {
  const put = (table: WordTable<string>, word: string, value: string, hash = hashString(word)) => table.set(unitsOf(word), 0, word.length, hash, value);
  const get = (table: WordTable<string>, word: string, hash = hashString(word)) => table.get(unitsOf(word), 0, word.length, hash);

  it('finds a word by its units at any offset of an array', () => {
    const table = new WordTable<string>(100);
    put(table, 'stolen', 'v1');
    const text = unitsOf('my card was stolen');
    expect(table.get(text, 12, 6, hashString('stolen'))).toBe('v1');
    expect(get(table, 'stole')).toBeUndefined();
  });

  it('keeps words apart whose hashes collide', () => {
    const table = new WordTable<string>(100);
    put(table, 'apple', 'a', 7);
    put(table, 'mango', 'm', 7);
    expect(get(table, 'apple', 7)).toBe('a');
    expect(get(table, 'mango', 7)).toBe('m');
    expect(get(table, 'peach', 7)).toBeUndefined();
  });

  it('keeps every word while it grows past its first size', () => {
    const table = new WordTable<string>(10_000);
    for (let i = 0; i < 2000; i++) put(table, `word${i}`, `value${i}`);
    for (let i = 0; i < 2000; i++) expect(get(table, `word${i}`)).toBe(`value${i}`);
  });

  it('starts afresh once full, and never keeps an over-long word', () => {
    const table = new WordTable<string>(3);
    for (const w of ['one', 'two', 'three']) put(table, w, w);
    put(table, 'four', 'four');
    expect(get(table, 'one')).toBeUndefined();
    expect(get(table, 'four')).toBe('four');
    const long = 'x'.repeat(MAX_TABLE_WORD + 1);
    put(table, long, 'long');
    expect(get(table, long)).toBeUndefined();
  });
});

describe('HashBits', () => {
  it('answers yes for every added hash and no for most others', () => {
    const bits = new HashBits(1 << 12);
    const added = ['card', 'stolen', 'refund'].map(hashString);
    for (const h of added) bits.add(h);
    for (const h of added) expect(bits.mayHave(h)).toBe(true);
    const others = Array.from({ length: 200 }, (_, i) => hashString(`other${i}`)).filter((h) => !added.includes(h));
    expect(others.filter((h) => bits.mayHave(h)).length).toBeLessThan(10);
  });
});
