/**
 * How informative a word is in general English, without shipping a corpus: the GPT-2 byte-pair
 * vocabulary (already installed with gpt-tokenizer) was merged in order of frequency over a large
 * web corpus, so a word's rank as a single token is a frequency rank. Words that are not a single
 * token are rarer than every ranked word. The table is built once, on first use.
 */
import { forEachGpt2WordToken } from '../gpt2-vocabulary.js';
import { WORD_HASH_SEED, hashString, hashUnit } from '../text-units.js';

// Rank of a word that is no single token: rarer than any ranked word (the vocabulary has ~50k).
const UNRANKED = 60_000;
// Ranks below this are function-word territory and weigh the floor.
const COMMON_RANK = 300;
const MIN_WEIGHT = 0.2;
const MAX_WEIGHT = 5;

let wordRanks: RankTable | undefined;

/**
 * Ranks of ~30k words in a few typed arrays and one string: as a Map<string, number> the same
 * table held about 1.8 MB of heap for the life of the process, this about half of that.
 * Open addressing on the word's hash; a slot holds the word's index + 1 (0 = empty).
 */
class RankTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    /** Every word, concatenated; word `i` is `words[offsets[i], offsets[i + 1])`. */
    private readonly words: string,
    private readonly offsets: Int32Array,
    private readonly ranks: Int32Array,
  ) {
    const count = ranks.length;
    let size = 1;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < count; i++) {
      let slot = this.hashOf(offsets[i]!, offsets[i + 1]!) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    }
  }

  get(word: string): number | undefined {
    const { slots, mask, words, offsets } = this;
    for (let slot = hashString(word) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return undefined;
      const start = offsets[entry - 1]!;
      if (offsets[entry]! - start !== word.length) continue;
      let k = 0;
      while (k < word.length && words.charCodeAt(start + k) === word.charCodeAt(k)) k++;
      if (k === word.length) return this.ranks[entry - 1];
    }
  }

  private hashOf(start: number, end: number): number {
    let hash = WORD_HASH_SEED;
    for (let i = start; i < end; i++) hash = hashUnit(hash, this.words.charCodeAt(i));
    return hash;
  }
}

function loadWordRanks(): RankTable {
  const ranks = new Map<string, number>();
  forEachGpt2WordToken((entry, rank) => {
    // Word-initial tokens start with a space; capitalised ones count for their lower-case word.
    if (!/^ [A-Za-z]+$/.test(entry)) return;
    const word = entry.slice(1).toLowerCase();
    if (!ranks.has(word)) ranks.set(word, rank);
  });
  const offsets = new Int32Array(ranks.size + 1);
  const values = new Int32Array(ranks.size);
  const words: string[] = [];
  let i = 0;
  for (const [word, rank] of ranks) {
    words.push(word);
    values[i] = rank;
    offsets[i + 1] = offsets[i]! + word.length;
    i++;
  }
  return new RankTable(words.join(''), offsets, values);
}

/** Frequency rank of a lower-case word (lower is more common). */
function wordRank(word: string): number {
  wordRanks ??= loadWordRanks();
  return wordRanks.get(word) ?? UNRANKED;
}

// An inflected form is often no single token while its base is ("whispering", "reservations").
function bestRank(word: string, stem: string): number {
  let rank = Math.min(wordRank(word), wordRank(stem));
  if (rank < UNRANKED) return rank;
  for (const base of [word.replace(/(?:s|es)$/, ''), word.replace(/(?:ing|ed)$/, ''), word.replace(/(?:ing|ed)$/, 'e'), `${stem}e`]) {
    if (base !== word) rank = Math.min(rank, wordRank(base));
  }
  return rank;
}

/** Whether a word (or its base form) is ordinary English rather than a name or a typo. */
export function isKnownWord(word: string, stem: string): boolean {
  return bestRank(word, stem) < UNRANKED;
}

/** IDF-like weight of a word: ~0.2 for function words up to 5 for rare words. */
export function wordWeight(word: string, stem = word): number {
  if (/\d/.test(word)) return 1;
  const weight = Math.log(bestRank(word, stem) / COMMON_RANK);
  return Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, weight));
}
