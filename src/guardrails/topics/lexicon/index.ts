/**
 * The compiled thesaurus: concepts by word stem, multi-word phrases by their first stem, negated
 * phrases (`not_make`), and which concepts are actions or question kinds. Built once, on first use.
 */
import { stem } from '../../text-similarity.js';
import { ACTION_LINES, COMPATIBLE_ACTIONS, QUESTION_KINDS } from './actions.js';
import { EVERYDAY_LINES } from './everyday.js';
import { AMBIGUOUS_WORDS, GAZETTEER_LINES, SLOT_CONCEPTS } from './gazetteer.js';
import { CONTEXT_CONCEPTS, CONTEXT_WORDS, MONEY_LINES } from './money.js';
import { TALK_LINES } from './talk.js';
import { TRAVEL_LINES } from './travel.js';

export interface Phrase {
  /** Stems of the phrase's words after the first. */
  rest: readonly string[];
  key: string;
  /** A verb and its particle, which may stand a few words apart ("turn the lights off"). */
  separable: boolean;
}

export interface Lexicon {
  /** Concepts of a word stem or phrase key. */
  conceptsByKey: ReadonlyMap<string, readonly string[]>;
  /** Broader concepts of a concept (`^loss: lose theft`): related senses that are not synonyms. */
  broaderOf: ReadonlyMap<string, readonly string[]>;
  phrasesByHead: ReadonlyMap<string, readonly Phrase[]>;
  /**
   * Phrases that follow a modifier a few words before them, by modifier (`not`, `someone`) and
   * then by first stem: `not_make` is "make" after a negation, `someone_use` "used" after "someone".
   */
  modifiedByHead: ReadonlyMap<string, ReadonlyMap<string, readonly Phrase[]>>;
  actionConcepts: ReadonlySet<string>;
  /** Each action with the actions that can ask for the same thing (itself included). */
  compatibleActions: ReadonlyMap<string, readonly string[]>;
  questionConcepts: ReadonlySet<string>;
  contextWords: ReadonlySet<string>;
  /** Vector keys (`c:<concept>`) of the concepts of a domain's setting. */
  contextConceptKeys: ReadonlySet<string>;
  slotConcepts: ReadonlySet<string>;
  /** Stems of words with a frequent sense outside any topic. */
  ambiguousStems: ReadonlySet<string>;
}

const PARTICLES = new Set(['up', 'down', 'off', 'on', 'out', 'in', 'over', 'back', 'away', 'through']);
// Verbs whose particle is too often a preposition of something else ("put it on my list").
const LOOSE_HEADS = new Set(['put', 'get', 'go', 'come', 'be', 'have']);
/** Modifiers that combine with the verb after them, and the words that express each. */
export const MODIFIERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['not', new Set(['not', 'no', 'never', 'without'])],
  ['someone', new Set(['someone', 'somebody', 'stranger', 'thief', 'hacker', 'hackers', 'thieves'])],
]);

let lexicon: Lexicon | undefined;

function addPhrase(into: Map<string, Phrase[]>, words: string[], key: string): void {
  const [head, ...rest] = words.map(stem);
  if (head === undefined) return;
  const separable = rest.length === 1 && PARTICLES.has(rest[0]!) && !LOOSE_HEADS.has(head);
  const list = into.get(head) ?? [];
  if (!list.some((phrase) => phrase.key === key)) list.push({ rest, key, separable });
  // Longest first, so "paid time off" wins over "paid time".
  list.sort((a, b) => b.rest.length - a.rest.length);
  into.set(head, list);
}

/** The key a lexicon entry is stored under: the stem of a word, stems joined by `_` for a phrase. */
function entryKey(entry: string): string {
  return entry.split('_').map(stem).join('_');
}

interface Tables {
  concepts: Map<string, string[]>;
  broader: Map<string, string[]>;
  phrases: Map<string, Phrase[]>;
  modified: Map<string, Map<string, Phrase[]>>;
  actions: Set<string>;
}

function parseLines(lines: string, tables: Tables): void {
  for (const line of lines.split('\n')) {
    const colon = line.indexOf(':');
    if (line.startsWith('#') || colon < 0) continue;
    const concept = line.slice(0, colon).trim();
    if (concept.startsWith('^')) {
      for (const child of line.slice(colon + 1).trim().split(/\s+/)) tables.broader.set(child, [...(tables.broader.get(child) ?? []), concept.slice(1)]);
      continue;
    }
    if (concept.startsWith('act_')) tables.actions.add(concept);
    for (const entry of line.slice(colon + 1).trim().split(/\s+/)) {
      if (entry === '') continue;
      const words = entry.split('_');
      const key = entryKey(entry);
      const modified = tables.modified.get(words[0]!);
      if (modified && words.length > 1) addPhrase(modified, words.slice(1), key);
      else if (words.length > 1) addPhrase(tables.phrases, words, key);
      const concepts = tables.concepts.get(key) ?? [];
      if (!concepts.includes(concept)) concepts.push(concept);
      tables.concepts.set(key, concepts);
    }
  }
}

export function getLexicon(): Lexicon {
  if (!lexicon) {
    const modified = new Map([...MODIFIERS.keys()].map((modifier) => [modifier, new Map<string, Phrase[]>()]));
    const tables: Tables = { concepts: new Map(), broader: new Map(), phrases: new Map(), modified, actions: new Set() };
    for (const lines of [ACTION_LINES, MONEY_LINES, EVERYDAY_LINES, TRAVEL_LINES, TALK_LINES, GAZETTEER_LINES]) parseLines(lines, tables);
    const questionConcepts = new Set<string>([...Object.values(QUESTION_KINDS), 'act_quantity']);
    for (const concept of questionConcepts) tables.actions.add(concept);
    const compatibleActions = new Map<string, string[]>();
    for (const action of tables.actions) compatibleActions.set(action, [action]);
    for (const group of COMPATIBLE_ACTIONS) {
      for (const action of group) compatibleActions.set(action, [...new Set([...(compatibleActions.get(action) ?? []), ...group])]);
    }
    lexicon = {
      compatibleActions,
      conceptsByKey: tables.concepts,
      broaderOf: tables.broader,
      phrasesByHead: tables.phrases,
      modifiedByHead: tables.modified,
      actionConcepts: tables.actions,
      questionConcepts,
      contextWords: new Set(CONTEXT_WORDS.split(/\s+/).filter(Boolean)),
      ambiguousStems: new Set(AMBIGUOUS_WORDS.split(/\s+/).filter(Boolean).map(stem)),
      slotConcepts: new Set(SLOT_CONCEPTS.split(/\s+/).filter(Boolean)),
      contextConceptKeys: new Set(CONTEXT_CONCEPTS.split(/\s+/).map((concept) => `c:${concept}`)),
    };
  }
  return lexicon;
}
