/**
 * Turns text into weighted topic terms: word stems weighted by general-English rarity, each with
 * the thesaurus concepts it expresses; multi-word phrases and negated verbs as single terms
 * ("time off", "turn the lights off", "a charge I didn't make"); question kinds and numbers as
 * shared markers.
 */
import { WordReader } from '../text-similarity.js';
import { WordTable } from '../text-units.js';
import { QUANTITY_AFTER_HOW, STATE_AFTER_HOW, WHEN_AFTER_HOW, WHEN_AFTER_WHAT } from './lexicon/actions.js';
import { type Phrase, getLexicon } from './lexicon/index.js';
import { ADDRESSEE_INFO, FRAME_WORDS, NEGATION_INFO, QUESTION_INFO, type TermInfo, type WordEntry, phraseInfo, wordEntry } from './word-entries.js';

export interface Term {
  /** What the term says: shared by every use of a word, so it can key per-topic caches. */
  info: TermInfo;
  /** After a determiner ("my reservation", "a purchase"): a thing named, not an action requested. */
  nominal: boolean;
  /** Offsets of the source text the term covers. */
  start: number;
  end: number;
  /** The sentence the term lies in (numbers rise with the text; see WordReader); -1 when it spans two. */
  sentence: number;
}

// Words that may stand between a modifier and its verb ("didn't really make", "someone else used").
const MODIFIER_GAP = 3;
const SEPARABLE_GAP = 2;
const QUANTITY = new Set(QUANTITY_AFTER_HOW);
const WHEN_HOW = new Set(WHEN_AFTER_HOW);
const STATE_HOW = new Set(STATE_AFTER_HOW);
const WHEN_WHAT = new Set(WHEN_AFTER_WHAT);
// "can you", "thank you": the addressee of a request frame, not the subject of the request.
const ADDRESSEE_FRAMES = new Set(['can', 'could', 'would', 'will', 'thank', 'if', 'mind']);

/** The question kind a question word asks, refined by the word after it. */
function questionKind(entry: WordEntry, next: WordEntry | undefined): string {
  const kind = entry.question!;
  if (!next) return kind;
  if (entry.word === 'how') {
    if (QUANTITY.has(next.word)) return 'act_quantity';
    if (WHEN_HOW.has(next.word)) return 'act_when';
    if (STATE_HOW.has(next.word)) return 'act_what';
  }
  if (entry.word === 'what' && WHEN_WHAT.has(next.word)) return 'act_when';
  return kind;
}

// `matchPhrase` result: where the phrase ends, and the particle a separable phrase skipped to.
let matchedParticle = -1;

/** Index one past the phrase matched at `at`, or -1; separable phrases may skip a few words. */
function matchPhrase(phrase: Phrase, entries: readonly WordEntry[], at: number): number {
  matchedParticle = -1;
  const limit = entryCount;
  let index = at + 1;
  for (const part of phrase.rest) {
    if (index >= limit || entries[index]!.stem !== part) {
      if (!phrase.separable) return -1;
      for (let gap = at + 2; gap <= Math.min(limit - 1, at + 1 + SEPARABLE_GAP); gap++) {
        if (entries[gap]!.stem === part) {
          matchedParticle = gap;
          return at + 1;
        }
      }
      return -1;
    }
    index++;
  }
  return index;
}

// Scratch of `extractTerms`, reused across calls (extraction is synchronous and not re-entered).
// The first `entryCount` entries are this text's; the arrays keep their size between calls, as
// growing them afresh for every long text costs more than the words themselves.
let entries: WordEntry[] = [];
let starts = new Int32Array(64);
let ends = new Int32Array(64);
let sentences = new Int32Array(64);
let entryCount = 0;
// Words a phrase has taken hold the number of the call that marked them, so nothing is cleared
// between calls; the numbers restart before they could overflow.
let consumed = new Int32Array(64);
let call = 0;
const MAX_CALL = 2 ** 30;
const replaced = new Map<number, TermInfo>();
/** Beyond this many words the scratch is let go after the call, so one huge text does not pin it. */
const KEPT_ENTRIES = 1 << 18;

function addEntry(entry: WordEntry, start: number, end: number, sentence: number): void {
  const at = entryCount++;
  if (at === entries.length) entries.push(entry);
  else entries[at] = entry;
  if (at === starts.length) {
    starts = grown(starts);
    ends = grown(ends);
    sentences = grown(sentences);
  }
  starts[at] = start;
  ends[at] = end;
  sentences[at] = sentence;
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

// Words are read without building a string for each: a word read before is found by its units.
// The table holds a chat's working vocabulary; a word it has let go is found by its string.
const READ_WORDS = 16_384;
const reader = new WordReader();
const readEntries = new WordTable<WordEntry>(READ_WORDS);

/** The entry of word `w` of the text `reader` read. */
function readEntry(w: number): WordEntry {
  const start = reader.starts[w]!;
  const length = reader.ends[w]! - start;
  const keyed = reader.keyed[w] === 1;
  let entry = keyed ? readEntries.get(reader.units, start, length, reader.hashes[w]!) : undefined;
  if (entry === undefined) {
    entry = wordEntry(reader.word(w));
    if (keyed) readEntries.set(reader.units, start, length, reader.hashes[w]!, entry);
  }
  return entry;
}

function collectWord(entry: WordEntry, start: number, end: number, sentence: number): void {
  if (entry.parts === undefined) {
    addEntry(entry, start, end, sentence);
    return;
  }
  for (const part of entry.parts) addEntry(part, start, end, sentence);
}

// Terms written so far by the running `extractTerms`.
let termCount = 0;

function pushTerm(terms: Term[], info: TermInfo, from: number, to: number): void {
  const before = from > 0 ? entries[from - 1]! : undefined;
  const nominal = before !== undefined && (before.determiner || (before.nounAdjective && from > 1 && entries[from - 2]!.determiner));
  const sentence = sentences[from] === sentences[to] ? sentences[from]! : -1;
  const start = starts[from]!;
  const end = ends[to]!;
  const reused = termCount < terms.length ? terms[termCount] : undefined;
  if (reused === undefined) terms.push({ info, nominal, start, end, sentence });
  else {
    reused.info = info;
    reused.nominal = nominal;
    reused.start = start;
    reused.end = end;
    reused.sentence = sentence;
  }
  termCount++;
}

/**
 * Content terms of a text in order; stopwords dropped, negation kept as the term `not`. Given
 * `into`, the terms are written over its elements (and its length set), so a caller that reads
 * them before its next call allocates none.
 */
export function extractTerms(text: string, into?: Term[]): Term[] {
  entryCount = 0;
  // Clearing allocates a fresh table even when the map is empty.
  if (replaced.size > 0) replaced.clear();
  reader.read(text);
  for (let w = 0; w < reader.count; w++) collectWord(readEntry(w), reader.starts[w]!, reader.ends[w]!, reader.sentences[w]!);
  reader.release();
  const count = entryCount;
  const terms: Term[] = into ?? [];
  termCount = 0;
  if (consumed.length < count) consumed = new Int32Array(Math.max(count, consumed.length * 2));
  if (++call === MAX_CALL) {
    consumed.fill(0);
    call = 1;
  }
  for (let i = 0; i < count; i++) {
    if (consumed[i] === call) continue;
    const entry = entries[i]!;
    const substitute = replaced.size > 0 ? replaced.get(i) : undefined;
    if (substitute) {
      pushTerm(terms, substitute, i, i);
      continue;
    }
    if (entry.plain) {
      if (entry.info) pushTerm(terms, entry.info, i, i);
      continue;
    }
    if (entry.question !== undefined) {
      const kind = questionKind(entry, i + 1 < count ? entries[i + 1] : undefined);
      const skipNext = kind === 'act_quantity' || (kind === 'act_when' && entry.word === 'how');
      pushTerm(terms, QUESTION_INFO.get(kind)!, i, skipNext ? i + 1 : i);
      if (skipNext) i++;
      continue;
    }
    // The words a phrase covers are marked consumed and skipped as the loop reaches them.
    if (entry.phrases && matchAnyPhrase(entry.phrases, i, terms)) continue;
    if (entry.modifier) markModified(entry.modifier, i);
    if (entry.info === ADDRESSEE_INFO && i > 0 && ADDRESSEE_FRAMES.has(entries[i - 1]!.word)) continue;
    if (entry.info) pushTerm(terms, entry.info, i, i);
  }
  if (entries.length > KEPT_ENTRIES) {
    entries = [];
    starts = new Int32Array(64);
    ends = new Int32Array(64);
    sentences = new Int32Array(64);
    consumed = new Int32Array(64);
  }
  terms.length = termCount;
  return terms;
}

/** Emits the first phrase that matches at `at` and marks the words it covers as consumed. */
function matchAnyPhrase(phrases: readonly Phrase[], at: number, terms: Term[]): boolean {
  for (const phrase of phrases) {
    const end = matchPhrase(phrase, entries, at);
    if (end < 0) continue;
    pushTerm(terms, phraseInfo(phrase.key, entries, at, end), at, end - 1);
    for (let j = at + 1; j < end; j++) consumed[j] = call;
    if (matchedParticle >= 0) consumed[matchedParticle] = call;
    return true;
  }
  return false;
}

/** The verb phrase after a negation (or "someone") becomes one term when the thesaurus knows it. */
function markModified(modifier: string, at: number): void {
  const byHead = getLexicon().modifiedByHead.get(modifier);
  for (let j = at + 1; j < Math.min(entryCount, at + 1 + MODIFIER_GAP); j++) {
    const entry = entries[j]!;
    for (const phrase of byHead?.get(entry.stem) ?? []) {
      const end = matchPhrase(phrase, entries, j);
      if (end < 0 || end !== j + 1 + phrase.rest.length) continue;
      replaced.set(j, phraseInfo(phrase.key, entries, j, end));
      return;
    }
    // Stop at the first content word: "not" negates the verb right after it.
    if (entry.info && entry.info !== NEGATION_INFO && !FRAME_WORDS.has(entry.word)) return;
  }
}
