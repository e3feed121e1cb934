/**
 * How informative a word is in general English, without shipping a corpus: the GPT-2 byte-pair
 * vocabulary (already installed with gpt-tokenizer) was merged in order of frequency over a large
 * web corpus, so a word's rank as a single token is a frequency rank. Words that are not a single
 * token are rarer than every ranked word. The table is built once, on first use.
 */
import { forEachGpt2WordToken } from '../gpt2-vocabulary.js';

// Rank of a word that is no single token: rarer than any ranked word (the vocabulary has ~50k).
const UNRANKED = 60_000;
// Ranks below this are function-word territory and weigh the floor.
const COMMON_RANK = 300;
const MIN_WEIGHT = 0.2;
const MAX_WEIGHT = 5;

let wordRanks: Map<string, number> | undefined;

function loadWordRanks(): Map<string, number> {
  const ranks = new Map<string, number>();
  forEachGpt2WordToken((entry, rank) => {
    // Word-initial tokens start with a space; capitalised ones count for their lower-case word.
    if (!/^ [A-Za-z]+$/.test(entry)) return;
    const word = entry.slice(1).toLowerCase();
    if (!ranks.has(word)) ranks.set(word, rank);
  });
  return ranks;
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
