/**
 * Claim locality: how much of one answer clause the sources state together.
 *
 * Words found somewhere in the sources are not enough: "Pieter Claes was a Swedish botanist"
 * takes a name from one sentence and a nationality from another. A clause is therefore credited by its best
 * single source sentence, which may borrow from a sentence it refers back to (after a pronoun only
 * that sentence's first name, after "The museum" the whole sentence naming the museum) or from
 * other sentences that open with the same name.
 */
import type { ResolvedTerm } from './resolve.js';
import { sentenceOf, type SourceIndex } from './source-index.js';

/** Discount for the part of a claim read from a linked sentence rather than the best one. */
const LINKED_SENTENCE_LEVEL = 0.9;

/** Answer clauses hold at most this many distinct terms, so a clause's terms fit in a bit mask. */
const MAX_CLAIM_TERMS = 30;

interface Placement {
  sentences: readonly number[];
  /** Sentences where the term opens the sentence after a definite determiner. */
  definite: readonly number[];
  /** Sentences where the term is part of the sentence's first name. */
  leading: readonly number[];
}

/** Sentence placement of a postings list, cached per list (the same stem recurs across clauses). */
const placements = new WeakMap<SourceIndex, WeakMap<readonly number[], Placement>>();

function placementOf(positions: readonly number[], index: SourceIndex): Placement {
  let cache = placements.get(index);
  if (cache === undefined) {
    cache = new WeakMap();
    placements.set(index, cache);
  }
  const cached = cache.get(positions);
  if (cached !== undefined) return cached;
  const sentences = new Set<number>();
  const definite = new Set<number>();
  const leading = new Set<number>();
  for (const position of positions) {
    const sentence = sentenceOf(index, position);
    sentences.add(sentence);
    if (index.definitePositions.has(position)) definite.add(sentence);
    if (index.leadingPositions.has(position)) leading.add(sentence);
  }
  const placement = { sentences: [...sentences], definite: [...definite], leading: [...leading] };
  cache.set(positions, placement);
  return placement;
}

/**
 * Per-sentence bit masks of one clause's terms. The arrays are sized to the sources once per
 * request and reused for every clause; `touched` lists the sentences to read and then reset.
 */
class ClauseMasks {
  readonly present: Int32Array;
  readonly definite: Int32Array;
  readonly leading: Int32Array;
  readonly touched: number[] = [];
  /** Weight of terms too common to place, counted as present in every sentence. */
  everywhere = 0;
  private nameMasks: number[] = [];
  private slotWeights: number[] = [];

  constructor(sentenceCount: number) {
    this.present = new Int32Array(sentenceCount);
    this.definite = new Int32Array(sentenceCount);
    this.leading = new Int32Array(sentenceCount);
  }

  load(terms: readonly ResolvedTerm[], index: SourceIndex): void {
    for (const sentence of this.touched) {
      this.present[sentence] = 0;
      this.definite[sentence] = 0;
      this.leading[sentence] = 0;
    }
    this.touched.length = 0;
    this.everywhere = 0;
    this.slotWeights = terms.map((resolved) => resolved.weight * resolved.level);
    const names = new Map<number, number>();
    terms.forEach((resolved, slot) => {
      if (resolved.level === 0) return;
      if (resolved.positions === undefined) {
        this.everywhere += resolved.weight * resolved.level;
        return;
      }
      const bit = 1 << slot;
      if (resolved.term.name >= 0) names.set(resolved.term.name, (names.get(resolved.term.name) ?? 0) | bit);
      const placement = placementOf(resolved.positions, index);
      for (const sentence of placement.sentences) {
        if (this.present[sentence] === 0) this.touched.push(sentence);
        this.present[sentence] = (this.present[sentence] ?? 0) | bit;
      }
      for (const sentence of placement.definite) this.definite[sentence] = (this.definite[sentence] ?? 0) | bit;
      for (const sentence of placement.leading) this.leading[sentence] = (this.leading[sentence] ?? 0) | bit;
    });
    this.nameMasks = [...names.values()];
  }

  /** Drops parts of names that are not whole: "Museum" alone is not "Vessel Museum". */
  whole(mask: number): number {
    let kept = mask;
    for (const name of this.nameMasks) if ((kept & name) !== name) kept &= ~name;
    return kept;
  }

  weight(mask: number): number {
    let total = 0;
    for (let slot = 0, rest = mask; rest !== 0; slot += 1, rest >>>= 1) {
      if ((rest & 1) !== 0) total += this.slotWeights[slot] ?? 0;
    }
    return total;
  }
}

const scratch = new WeakMap<SourceIndex, ClauseMasks>();

function masksFor(terms: readonly ResolvedTerm[], index: SourceIndex): ClauseMasks {
  let masks = scratch.get(index);
  if (masks === undefined) {
    masks = new ClauseMasks(index.sentenceStarts.length);
    scratch.set(index, masks);
  }
  masks.load(terms, index);
  return masks;
}

/** Slots the sentence may borrow from the sentence before it. */
function borrowedMask(sentence: number, index: SourceIndex, masks: ClauseMasks): number {
  if (sentence === 0 || index.sourceFirstSentences.has(sentence)) return 0;
  const previous = masks.whole(masks.present[sentence - 1] ?? 0);
  if (previous === 0) return 0;
  if (((masks.definite[sentence] ?? 0) & previous) !== 0) return previous;
  if (!index.pronounSentences.has(sentence)) return 0;
  return (masks.leading[sentence - 1] ?? 0) & previous;
}

/** Best weighted coverage of the clause's distinct terms by one sentence and what it may borrow. */
function bestCoverage(terms: readonly ResolvedTerm[], index: SourceIndex, attainable: number): number {
  const masks = masksFor(terms, index);
  const target = attainable - masks.everywhere;
  let best = 0;
  // Per subject: union of the masks of its sentences, and its best single sentence.
  const unions = new Map<number, number>();
  const bestMasks = new Map<number, number>();
  for (const sentence of masks.touched) {
    const mask = masks.whole(masks.present[sentence] ?? 0);
    const own = masks.weight(mask);
    const borrowed = borrowedMask(sentence, index, masks) & ~mask;
    best = Math.max(best, own + LINKED_SENTENCE_LEVEL * masks.weight(borrowed));
    if (best >= target) return attainable;
    const subject = index.subjectOfSentence[sentence] ?? -1;
    if (subject < 0) continue;
    unions.set(subject, (unions.get(subject) ?? 0) | mask);
    if (own > masks.weight(bestMasks.get(subject) ?? 0)) bestMasks.set(subject, mask);
  }
  // Facts about one subject may be combined across the sentences that open with its name.
  for (const [subject, union] of unions) {
    const bestMask = bestMasks.get(subject) ?? 0;
    if (union === bestMask) continue;
    best = Math.max(best, masks.weight(bestMask) + LINKED_SENTENCE_LEVEL * masks.weight(union & ~bestMask));
  }
  return best + masks.everywhere;
}

export interface ClaimSupport {
  /** 0..1: weighted share of the clause that the sources state together. */
  coverage: number;
  /** Total weight of the clause's distinct terms. */
  weight: number;
}

export function supportOfClaim(terms: readonly ResolvedTerm[], index: SourceIndex): ClaimSupport {
  // A term repeated inside one clause is one claim, not several.
  const distinct = new Map<string, ResolvedTerm>();
  for (const resolved of terms) if (!distinct.has(resolved.term.stem)) distinct.set(resolved.term.stem, resolved);
  const unique = [...distinct.values()].slice(0, MAX_CLAIM_TERMS);
  let weight = 0;
  let found = 0;
  for (const resolved of unique) {
    weight += resolved.weight;
    found += resolved.weight * resolved.level;
  }
  if (weight === 0) return { coverage: 1, weight: 0 };
  return { coverage: Math.min(bestCoverage(unique, index, found), found) / weight, weight };
}
