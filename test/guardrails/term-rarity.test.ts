import { describe, expect, it } from 'vitest';
import { forEachGpt2WordToken } from '../../src/guardrails/gpt2-vocabulary.js';
import { isKnownWord, wordWeight } from '../../src/guardrails/topics/term-rarity.js';

/** The rank table the module is meant to hold, built the plain way. */
function firstRanks(): Map<string, number> {
  const ranks = new Map<string, number>();
  forEachGpt2WordToken((token, rank) => {
    if (!/^ [A-Za-z]+$/.test(token)) return;
    const word = token.slice(1).toLowerCase();
    if (!ranks.has(word)) ranks.set(word, rank);
  });
  return ranks;
}

describe('word rarity table', () => {
  const ranks = firstRanks();

  it('knows every lower-case word of the vocabulary and weighs it by its first rank', () => {
    expect(ranks.size).toBeGreaterThan(20_000);
    const wrong: string[] = [];
    for (const [word, rank] of ranks) {
      // the weight of a ranked word is log(rank / 300) clamped to [0.2, 5]
      const expected = Math.min(5, Math.max(0.2, Math.log(rank / 300)));
      if (!isKnownWord(word, word) || wordWeight(word) !== expected) wrong.push(word);
    }
    expect(wrong).toEqual([]);
  });

  it('finds no word outside the vocabulary, however close to one', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const word of ranks.keys()) {
      // extensions and letter swaps that no suffix rule turns back into a known word
      for (const near of [`${word}qzx`, `qz${word}`, `${word.slice(0, -1)}qzx`]) {
        if (ranks.has(near)) continue;
        checked++;
        if (isKnownWord(near, near) || wordWeight(near) !== 5) wrong.push(near);
      }
    }
    expect(checked).toBeGreaterThan(60_000);
    expect(wrong).toEqual([]);
  });

  it('reads an inflected form by its base when the form itself is no token', () => {
    const base = [...ranks.keys()].find((w) => w.length > 5 && !ranks.has(`${w}ing`) && !/(?:e|ing|ed|s)$/.test(w));
    expect(base).toBeDefined();
    expect(isKnownWord(`${base}ing`, `${base}ing`)).toBe(true);
  });
});
