import { describe, expect, it } from 'vitest';
import { HashBits, MAX_TABLE_WORD, TextUnits, WordTable, hashString } from '../../src/guardrails/text-units.js';
import { WordReader, splitSentences } from '../../src/guardrails/text-similarity.js';

function unitsOf(word: string): Uint16Array {
  return Uint16Array.from(word, (char) => char.charCodeAt(0));
}

describe('text units', () => {
  it('copies a text, short or past the kept size', () => {
    const units = new TextUnits();
    for (const text of ['Straße ’quoted’ 😀', 'x'.repeat(70_000)]) {
      const copy = units.load(text);
      expect(String.fromCharCode(...copy.subarray(0, Math.min(text.length, 64)))).toBe(text.slice(0, 64));
      expect(copy[text.length - 1]).toBe(text.charCodeAt(text.length - 1));
    }
  });
});

describe('word table', () => {
  it('finds words by their units through growth, and forgets everything once full', () => {
    const table = new WordTable<number>(3000);
    const words = Array.from({ length: 2500 }, (_, i) => `w${i.toString(36)}`);
    words.forEach((word, i) => table.set(unitsOf(word), 0, word.length, hashString(word), i));
    words.forEach((word, i) => expect(table.get(unitsOf(`..${word}`), 2, word.length, hashString(word))).toBe(i));
    expect(table.get(unitsOf('absent'), 0, 6, hashString('absent'))).toBeUndefined();
    for (let i = 0; i < 600; i++) table.set(unitsOf(`z${i}`), 0, `z${i}`.length, hashString(`z${i}`), -i);
    expect(table.get(unitsOf(words[0]!), 0, words[0]!.length, hashString(words[0]!))).toBeUndefined();
  });

  it('does not keep words longer than its limit', () => {
    const table = new WordTable<string>(10);
    const long = 'a'.repeat(MAX_TABLE_WORD + 1);
    table.set(unitsOf(long), 0, long.length, hashString(long), 'long');
    expect(table.get(unitsOf(long), 0, long.length, hashString(long))).toBeUndefined();
  });
});

describe('word reader', () => {
  const texts = [
    "I didn’t know. Can't you see?! It's 7:30pm, not 2.5 hours.\n\nNew line: e.g. this.",
    'İSTANBUL Straße ÉCOLE. Ends here?” Next “one”.',
    '  leading marks... "Quoted!" (Bracketed.) end',
  ];

  it('reads the words with their keys and hashes', () => {
    const reader = new WordReader();
    for (const text of texts) {
      reader.read(text);
      for (let w = 0; w < reader.count; w++) {
        const word = reader.word(w);
        if (reader.keyed[w] !== 1) continue;
        const key = String.fromCharCode(...reader.units.subarray(reader.starts[w]!, reader.ends[w]!));
        expect(key).toBe(word);
        expect(reader.hashes[w]).toBe(hashString(word));
      }
    }
  });

  it('numbers sentences as splitSentences splits them', () => {
    const reader = new WordReader();
    for (const text of texts) {
      reader.read(text);
      const spans = splitSentences(text);
      for (let w = 0; w < reader.count; w++) {
        for (let v = 0; v < reader.count; v++) {
          const span = spans.findIndex((s) => s.start <= reader.starts[w]! && reader.ends[w]! <= s.end);
          const other = spans.findIndex((s) => s.start <= reader.starts[v]! && reader.ends[v]! <= s.end);
          expect(reader.sentences[w] === reader.sentences[v]).toBe(span === other);
        }
      }
    }
  });
});

describe('word table collisions', () => {
  it('keeps words apart whose hashes collide', () => {
    const table = new WordTable<string>(100);
    for (const [word, value] of [['apple', 'a'], ['mango', 'm']] as const) table.set(unitsOf(word), 0, word.length, 7, value);
    expect(table.get(unitsOf('apple'), 0, 5, 7)).toBe('a');
    expect(table.get(unitsOf('mango'), 0, 5, 7)).toBe('m');
    expect(table.get(unitsOf('peach'), 0, 5, 7)).toBeUndefined();
  });
});

describe('hash bits', () => {
  it('answers yes for every added hash and no for most others', () => {
    const bits = new HashBits(1 << 12);
    const added = ['card', 'stolen', 'refund'].map(hashString);
    for (const h of added) bits.add(h);
    for (const h of added) expect(bits.mayHave(h)).toBe(true);
    const others = Array.from({ length: 200 }, (_, i) => hashString(`other${i}`)).filter((h) => !added.includes(h));
    expect(others.filter((h) => bits.mayHave(h)).length).toBeLessThan(10);
  });
});
