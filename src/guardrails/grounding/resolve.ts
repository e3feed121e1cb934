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
/** A shared beginning alone ("southern"/"southwest") is weak evidence. */
const PREFIX_LEVEL = 0.3;
/** "Definite Jux" for "Definitive Jux": a name sharing only a stem is a near miss. */
const STEM_ONLY_NAME_LEVEL = 0.6;
/** Words of a name that the sources never write together in that order. */
const SCATTERED_NAME_LEVEL = 0.5;
/** Weight each extra word adds to a multi-word name. */
const NAME_PART_WEIGHT = 0.5;
/** A term found at more positions than this counts as present in every sentence. */
const UBIQUITOUS_POSTINGS = 250;
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

function mergePositions(index: SourceIndex, keys: readonly string[]): readonly number[] | undefined {
  const lists: number[][] = [];
  let total = 0;
  for (const key of new Set(keys)) {
    const list = index.postings.get(key);
    if (list === undefined) continue;
    lists.push(list);
    total += list.length;
  }
  if (total > UBIQUITOUS_POSTINGS) return undefined;
  if (lists.length === 1) return lists[0];
  return lists.flat().sort((a, b) => a - b);
}

/** A name's own spelling, allowing only a plural ending ("Romans" for "Roman"). */
function nameKeyFound(key: string, index: SourceIndex): boolean {
  if (index.postings.has(key) || index.postings.has(`${key}s`) || index.postings.has(`${key}es`)) return true;
  return key.endsWith('s') && index.postings.has(key.slice(0, -1));
}

export function resolveTerm(term: Term, index: SourceIndex): ResolvedTerm {
  const weight = KIND_WEIGHT[term.kind];
  const exact: string[] = [];
  if (index.postings.has(term.stem)) exact.push(term.stem);
  if (term.alt !== undefined && index.postings.has(term.alt)) exact.push(term.alt);
  if (term.key !== term.stem && index.postings.has(term.key)) exact.push(term.key);
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

function exactPostings(term: Term, index: SourceIndex): (readonly number[])[] {
  const lists: (readonly number[])[] = [];
  for (const key of new Set([term.stem, term.key])) {
    const list = index.postings.get(key);
    if (list !== undefined) lists.push(list);
  }
  return lists;
}

/** Whether the name's words occur in the sources in the same order and spacing. */
function nameOccurs(parts: readonly ResolvedTerm[], index: SourceIndex): boolean {
  const [head, ...rest] = parts;
  if (head === undefined) return true;
  const tails = rest.map((part) => ({
    offset: part.term.position - head.term.position,
    lists: exactPostings(part.term, index),
  }));
  for (const list of exactPostings(head.term, index)) {
    for (const start of list.slice(0, NAME_START_LIMIT)) {
      if (tails.every(({ offset, lists }) => lists.some((tail) => hasPosting(tail, start + offset)))) return true;
    }
  }
  return false;
}

/**
 * A multi-word name is one claim: its parts share one name's weight, so "Miss USA 1968" does not
 * drown the predicate beside it. It must also appear as such: "Panama City Air Force Base" built
 * from "Panama City" and "Air Force Base" is a new entity, so its words only count as partly found.
 */
export function checkNames(resolved: readonly ResolvedTerm[], index: SourceIndex): ResolvedTerm[] {
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
  return resolved.map((item) => {
    const parts = names.get(item.term.name);
    if (parts === undefined) return item;
    const weight = (KIND_WEIGHT.entity + NAME_PART_WEIGHT * (parts.length - 1)) / parts.length;
    const level = scattered.has(item.term.name) ? Math.min(item.level, SCATTERED_NAME_LEVEL) : item.level;
    return { ...item, weight, level };
  });
}
