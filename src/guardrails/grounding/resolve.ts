/**
 * Looks each answer term up in the source index and grades the match: exact (1), synonym,
 * derived form ("Nigerian" for "Nigeria"), shared prefix, or absent (0). Multi-word names are then
 * checked as wholes.
 */
import { buildSynonymIndex } from './lexicon.js';
import { PREFIX_LENGTH, type SourceIndex } from './source-index.js';
import { stemOf, type Term, type TermKind } from './tokens.js';

/** How much a term of each kind counts towards a claim. */
export const KIND_WEIGHT: Record<TermKind, number> = { number: 3, entity: 2, relation: 2, word: 1 };
const SYNONYM_LEVEL = 0.9;
const DERIVED_LEVEL = 0.85;
/** A shared beginning alone ("northern"/"northeast") is weak evidence. */
const PREFIX_LEVEL = 0.3;
/** "Generation Works" for "Generative Works": a name sharing only a stem is a near miss. */
const STEM_ONLY_NAME_LEVEL = 0.6;
/** Words of a name that the sources never write together in that order. */
const SCATTERED_NAME_LEVEL = 0.5;
/** Weight each extra word adds to a multi-word name. */
const NAME_PART_WEIGHT = 0.5;
/**
 * A term found at more positions than this counts as present in every sentence: in large sources
 * a word that common says little about where a claim comes from, and placing it costs time.
 */
const UBIQUITOUS_POSTINGS = 250;
const UBIQUITOUS_SHARE_OF_SENTENCES = 1 / 50;
const UBIQUITOUS_FLOOR = 32;

function ubiquityLimit(index: SourceIndex): number {
  const bySize = Math.max(UBIQUITOUS_FLOOR, index.sentenceStarts.length * UBIQUITOUS_SHARE_OF_SENTENCES);
  return Math.min(UBIQUITOUS_POSTINGS, bySize);
}
/** Cap on the occurrences of a name's first word tried when checking the whole name. */
const NAME_START_LIMIT = 2_000;

const synonyms = buildSynonymIndex(stemOf);

export interface ResolvedTerm {
  term: Term;
  weight: number;
  /** 0..1: 1 exact, less for a looser match, 0 when absent. */
  level: number;
  /** Source positions of the matching stems, or undefined when the term is ubiquitous. */
  positions: readonly number[] | undefined;
}

/** Merged postings per index and key list: long answers ask for the same merges again and again. */
const merged = new WeakMap<SourceIndex, Map<string, readonly number[] | undefined>>();

function mergePositions(index: SourceIndex, keys: readonly string[]): readonly number[] | undefined {
  if (keys.length === 1) {
    const list = index.postings.get(keys[0] ?? '') ?? [];
    return list.length > ubiquityLimit(index) ? undefined : list;
  }
  let cache = merged.get(index);
  if (cache === undefined) {
    cache = new Map();
    merged.set(index, cache);
  }
  const cacheKey = keys.join(' ');
  if (cache.has(cacheKey)) return cache.get(cacheKey);
  const lists = keys.map((key) => index.postings.get(key) ?? []);
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const positions = total > ubiquityLimit(index) ? undefined : [...new Set(lists.flat())].sort((a, b) => a - b);
  cache.set(cacheKey, positions);
  return positions;
}

/** A name's own spelling, allowing only a plural ending ("Romans" for "Roman"). */
function nameKeyFound(key: string, index: SourceIndex): boolean {
  if (index.postings.has(key) || index.postings.has(`${key}s`) || index.postings.has(`${key}es`)) return true;
  return key.endsWith('s') && index.postings.has(key.slice(0, -1));
}

export function resolveTerm(term: Term, index: SourceIndex): ResolvedTerm {
  const weight = KIND_WEIGHT[term.kind];
  // A source word with the same key has the same stem, so the stem's postings cover the key's.
  const exact: string[] = [];
  if (index.postings.has(term.stem)) exact.push(term.stem);
  if (term.alt !== undefined && index.postings.has(term.alt)) exact.push(term.alt);
  if (exact.length > 0) {
    const level = term.kind === 'entity' && !nameKeyFound(term.key, index) ? STEM_ONLY_NAME_LEVEL : 1;
    return { term, weight, level, positions: mergePositions(index, exact) };
  }
  if (term.kind === 'number') return { term, weight, level: 0, positions: [] };
  const related = (synonyms.get(term.stem) ?? []).filter((stem) => index.postings.has(stem));
  if (related.length > 0) return { term, weight, level: SYNONYM_LEVEL, positions: mergePositions(index, related) };
  if (term.stem.length >= PREFIX_LENGTH) {
    const sharing = index.prefixes.get(term.stem.slice(0, PREFIX_LENGTH)) ?? [];
    const derived = sharing.filter((stem) => stem.startsWith(term.stem) || term.stem.startsWith(stem));
    if (derived.length > 0) return { term, weight, level: DERIVED_LEVEL, positions: mergePositions(index, derived) };
    if (sharing.length > 0) return { term, weight, level: PREFIX_LEVEL, positions: mergePositions(index, sharing) };
  }
  return { term, weight, level: 0, positions: [] };
}

function hasPosting(list: readonly number[], position: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = list[middle] ?? 0;
    if (value === position) return true;
    if (value < position) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Whether the name's words occur in the sources in the same order and spacing. */
function nameOccurs(parts: readonly ResolvedTerm[], index: SourceIndex): boolean {
  const [head, ...rest] = parts;
  if (head === undefined) return true;
  const tails = rest.map((part) => ({
    offset: part.term.position - head.term.position,
    list: index.postings.get(part.term.stem) ?? [],
  }));
  const starts = index.postings.get(head.term.stem) ?? [];
  for (let at = 0; at < starts.length && at < NAME_START_LIMIT; at += 1) {
    const start = starts[at] ?? 0;
    if (tails.every(({ offset, list }) => hasPosting(list, start + offset))) return true;
  }
  return false;
}

/**
 * A multi-word name is one claim: its parts share one name's weight, so "Lake Orrin Nature Reserve" does not
 * drown the predicate beside it. It must also appear as such: "Harlow Science Museum" built
 * from "Harlow Arts Centre" and "Science Museum" is a new entity, so its words only count as partly found.
 */
export function checkNames(resolved: ResolvedTerm[], index: SourceIndex): ResolvedTerm[] {
  const names = new Map<number, ResolvedTerm[]>();
  for (const item of resolved) {
    if (item.term.name < 0) continue;
    const parts = names.get(item.term.name);
    if (parts === undefined) names.set(item.term.name, [item]);
    else parts.push(item);
  }
  const scattered = new Set<number>();
  // Long answers repeat their names; each distinct spelling and spacing is checked once.
  const checked = new Map<string, boolean>();
  for (const [name, parts] of names) {
    if (!parts.every((part) => part.level === 1)) continue;
    const head = parts[0]?.term.position ?? 0;
    const shape = parts.map((part) => `${part.term.key}@${part.term.position - head}`).join(' ');
    const occurs = checked.get(shape) ?? nameOccurs(parts, index);
    checked.set(shape, occurs);
    if (!occurs) scattered.add(name);
  }
  for (const [name, parts] of names) {
    const weight = (KIND_WEIGHT.entity + NAME_PART_WEIGHT * (parts.length - 1)) / parts.length;
    for (const part of parts) {
      part.weight = weight;
      if (scattered.has(name)) part.level = Math.min(part.level, SCATTERED_NAME_LEVEL);
    }
  }
  return resolved;
}
