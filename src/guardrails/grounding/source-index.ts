/**
 * Per-request index of the grounding sources, built in one pass: where each stem occurs, which
 * stems share a prefix (so "Nigerian" can lean on "Nigeria"), and the sentence structure that
 * claim locality and query focus need (pronouns, subjects, names per sentence).
 */
import { tokenize, type Term } from './tokens.js';

/** Prefix length for loose matches: long enough to keep "Japan"/"Japanese", not "car"/"card". */
export const PREFIX_LENGTH = 5;
/** Positions skipped between two sources, so that no name runs from one into the next. */
const SOURCE_GAP = 2;

export interface SourceIndex {
  /** stem, folded key or `#value` → ascending token positions over all sources */
  postings: Map<string, number[]>;
  /** stem prefix → stems of at least PREFIX_LENGTH characters that start with it */
  prefixes: Map<string, string[]>;
  /** Global token position at which each source sentence starts (ascending). */
  sentenceStarts: number[];
  /** Index of the source each sentence comes from. */
  sentenceSource: number[];
  /** First sentence of each source: nothing refers back across a source boundary. */
  sourceFirstSentences: Set<number>;
  /** Sentences with a personal pronoun, which may refer back to the sentence before. */
  pronounSentences: Set<number>;
  /** Positions of definite clause openers ("The museum ...") that may refer back. */
  definitePositions: Set<number>;
  /** Positions of each sentence's first name, the antecedent a following pronoun points to. */
  leadingPositions: Set<number>;
  /** Stems of the capitalised names in each sentence, to follow a question across passages. */
  namesBySentence: Map<number, Set<string>>;
  /** Subject id of each sentence that opens with a name ("Pellar Systems is ..."), else -1. */
  subjectOfSentence: Int32Array;
  /** Token position → sentence index (filled up to the last indexed position). */
  sentenceAt: Int32Array;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Sentence → its subject, for sentences whose first content word starts a name. */
function subjectsOf(terms: readonly Term[]): Map<number, string> {
  const subjects = new Map<number, string>();
  let clause = -1;
  let opensWithName = false;
  for (const term of terms) {
    if (term.clause !== clause) {
      clause = term.clause;
      opensWithName = term.leading;
    }
    if (!opensWithName || !term.leading) continue;
    const subject = subjects.get(clause);
    subjects.set(clause, subject === undefined ? term.stem : `${subject} ${term.stem}`);
  }
  return subjects;
}

function emptyIndex(): SourceIndex {
  return {
    postings: new Map(),
    prefixes: new Map(),
    sentenceStarts: [],
    sentenceSource: [],
    sourceFirstSentences: new Set(),
    pronounSentences: new Set(),
    definitePositions: new Set(),
    leadingPositions: new Set(),
    namesBySentence: new Map(),
    subjectOfSentence: new Int32Array(0),
    sentenceAt: new Int32Array(0),
  };
}

/** Subject ids handed out while indexing: subject text → id, sentence → id. */
interface SubjectTable {
  ids: Map<string, number>;
  bySentence: Map<number, number>;
}

function addSource(
  index: SourceIndex,
  subjects: SubjectTable,
  source: string,
  sourceNumber: number,
  offset: number,
): number {
  const { terms, tokenCount, clauseStarts, clausesWithPronoun } = tokenize(source, { splitClauses: false });
  const firstSentence = index.sentenceStarts.length;
  index.sourceFirstSentences.add(firstSentence);
  for (const start of clauseStarts) {
    index.sentenceStarts.push(offset + start);
    index.sentenceSource.push(sourceNumber);
  }
  for (const clause of clausesWithPronoun) index.pronounSentences.add(firstSentence + clause);
  for (const [clause, subject] of subjectsOf(terms)) {
    if (!subjects.ids.has(subject)) subjects.ids.set(subject, subjects.ids.size);
    subjects.bySentence.set(firstSentence + clause, subjects.ids.get(subject) ?? -1);
  }
  for (const term of terms) {
    const position = offset + term.position;
    if (term.definite) index.definitePositions.add(position);
    if (term.leading) index.leadingPositions.add(position);
    if (term.kind === 'entity' || term.name >= 0 || term.leading) {
      const sentence = firstSentence + term.clause;
      const names = index.namesBySentence.get(sentence);
      if (names === undefined) index.namesBySentence.set(sentence, new Set([term.stem]));
      else names.add(term.stem);
    }
    addTo(index.postings, term.stem, position);
    if (term.alt !== undefined) addTo(index.postings, term.alt, position);
    if (term.kind !== 'number' && term.key !== term.stem) addTo(index.postings, term.key, position);
  }
  return offset + tokenCount + SOURCE_GAP;
}

export function indexSources(sources: readonly unknown[]): SourceIndex {
  const index = emptyIndex();
  const subjects: SubjectTable = { ids: new Map(), bySentence: new Map() };
  let offset = 0;
  sources.forEach((source, sourceNumber) => {
    if (typeof source !== 'string' || source.length === 0) return;
    offset = addSource(index, subjects, source, sourceNumber, offset);
  });
  index.subjectOfSentence = new Int32Array(index.sentenceStarts.length).fill(-1);
  for (const [sentence, subject] of subjects.bySentence) index.subjectOfSentence[sentence] = subject;
  for (const stem of index.postings.keys()) {
    if (stem.length < PREFIX_LENGTH || stem.startsWith('#')) continue;
    addTo(index.prefixes, stem.slice(0, PREFIX_LENGTH), stem);
  }
  index.sentenceAt = new Int32Array(offset + 1);
  let sentence = 0;
  for (let position = 0; position <= offset; position += 1) {
    while ((index.sentenceStarts[sentence + 1] ?? Infinity) <= position) sentence += 1;
    index.sentenceAt[position] = sentence;
  }
  return index;
}

/** Index of the sentence that holds a global token position. */
export function sentenceOf(index: SourceIndex, position: number): number {
  return index.sentenceAt[position] ?? 0;
}
