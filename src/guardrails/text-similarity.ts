/**
 * Lexical text helpers for the local detectors: words with offsets, normalisation (contractions,
 * irregular forms, Porter stems), stopwords, edit distance and sentence spans. Everything here is
 * linear in its input.
 */
import { stemmer } from 'stemmer';
import { MAX_TABLE_WORD, TextUnits, WORD_HASH_SEED, hashUnit } from './text-units.js';
import type { Span } from './types.js';

const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;
const LETTER_RE = /[\p{L}\p{M}]/u;

// Classes of non-ASCII units, worked out on first sight: a known bit, then what the unit is.
const KNOWN = 1;
const WORD_UNIT = 2;
const LETTER_UNIT = 4;
const unitClasses = new Uint8Array(0x10000);

function unitClass(unit: number): number {
  let classes = unitClasses[unit]!;
  if (classes === 0) {
    // A lone surrogate is no word character, as the regular expressions judge it.
    const char = String.fromCharCode(unit);
    classes = KNOWN | (WORD_CHAR_RE.test(char) ? WORD_UNIT : 0) | (LETTER_RE.test(char) ? LETTER_UNIT : 0);
    unitClasses[unit] = classes;
  }
  return classes;
}

// What a unit is to the word reader: part of a word, a possible sentence end, or neither. ASCII
// units take one table read.
const OTHER = 0;
const WORD = 1;
const SENTENCE_MARK = 2;
const ASCII_KINDS = new Uint8Array(128).map((_, code) => {
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) return WORD;
  return code === 10 || isSentenceEnd(code) ? SENTENCE_MARK : OTHER;
});

function unitKind(code: number): number {
  if (code < 128) return ASCII_KINDS[code]!;
  if ((unitClass(code) & WORD_UNIT) !== 0) return WORD;
  return isSentenceEnd(code) ? SENTENCE_MARK : OTHER;
}

function isWordUnit(code: number): boolean {
  return (code < 128 ? ASCII_KINDS[code]! : unitKind(code)) === WORD;
}

function isLetterUnit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return (unitClass(code) & LETTER_UNIT) !== 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const APOSTROPHE = 39;
const TYPOGRAPHIC_APOSTROPHE = 0x2019;

/** Texts with more words than this get word arrays of their own, so one huge text does not pin them. */
const KEPT_WORDS = 1 << 14;

/**
 * Reads the words of a text: letters or digits, joined by an apostrophe before a letter ("didn't")
 * or by a colon or period between digits (7:30, 2.5). One pass over the characters, so any input
 * is linear; a word is lower-cased with typographic apostrophes folded to `'`.
 *
 * The words land in typed arrays (offsets, sentence, hash), and each word's lower-cased units are
 * left in `units` at its offsets: a caller keeps per-word data in a `WordTable` keyed by them, and
 * needs no string for a word it has seen. Sentence boundaries are drawn as `splitSentences` draws
 * them, read in the gaps between words (words never hold one), so they cost no pass of their own.
 */
export class WordReader {
  /** Words of the text read last. */
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Sentence boundaries before each word: words with the same number lie in one sentence. */
  sentences = new Int32Array(64);
  /** Hash (see `hashUnit`) of each word's key, `units[start, end)`. */
  hashes = new Int32Array(64);
  /** 1 when a word has a key: at most MAX_TABLE_WORD units, none of which lower-cases to several. */
  keyed = new Uint8Array(64);
  /**
   * The text's units. Within each keyed word they are its key: lower-cased, with typographic
   * apostrophes as `'` (the reader rewrites them in place where the text needs it).
   */
  units: Uint16Array = new Uint16Array(0);
  private readonly buffer = new TextUnits();
  private source = '';
  private folded = false;

  /** Reads the words of `text` into the arrays. */
  read(text: string): void {
    // Lower-casing once is cheaper than per word; it keeps offsets unless a character changes length.
    const lower = text.toLowerCase();
    const folded = lower.length !== text.length;
    this.folded = folded;
    this.source = folded ? text : lower;
    const units = this.buffer.load(this.source);
    this.units = units;
    const length = this.source.length;
    this.reserve((length >> 1) + 1);
    const { starts, ends, sentences, hashes, keyed } = this;
    let count = 0;
    let sentence = 0;
    let i = 0;
    while (i < length) {
      // spaces (and in the word loop lower-case letters), most of any text, take the short way
      if (units[i] === 32) {
        i++;
        continue;
      }
      const kind = unitKind(units[i]!);
      if (kind !== WORD) {
        if (kind === SENTENCE_MARK) {
          const end = sentenceMarksEnd(units, length, i);
          if (endsSentence(units, length, i, end)) sentence++;
          i = end;
        } else i++;
        continue;
      }
      const start = i;
      let hash = WORD_HASH_SEED;
      // a folded text is read as written: its ASCII capitals are lowered here, other letters cannot be
      let keyable = true;
      for (;;) {
        while (i < length) {
          let unit = units[i]!;
          if (unit >= 97 && unit <= 122) {
            hash = hashUnit(hash, unit);
            i++;
            continue;
          }
          if (!isWordUnit(unit)) break;
          if (folded) {
            if (unit >= 65 && unit <= 90) {
              unit |= 32;
              units[i] = unit;
            } else if (unit >= 128) keyable = false;
          }
          hash = hashUnit(hash, unit);
          i++;
        }
        if (i >= length) break;
        const unit = units[i]!;
        if ((unit === APOSTROPHE || unit === TYPOGRAPHIC_APOSTROPHE) && i + 1 < length && isLetterUnit(units[i + 1]!)) {
          units[i] = APOSTROPHE;
          hash = hashUnit(hash, APOSTROPHE);
          i++;
        } else if ((unit === 58 || unit === 46) && isDigit(units[i - 1]!) && i + 1 < length && isDigit(units[i + 1]!)) {
          // A decimal or clock time ends the word after its digits ("7:00pm" is "7:00", "pm").
          do {
            hash = hashUnit(hash, units[i]!);
            i++;
          } while (i < length && isDigit(units[i]!));
          break;
        } else break;
      }
      starts[count] = start;
      ends[count] = i;
      sentences[count] = sentence;
      hashes[count] = hash;
      keyed[count] = keyable && i - start <= MAX_TABLE_WORD ? 1 : 0;
      count++;
    }
    this.count = count;
  }

  /** Word `w` of the text read last, as a string. */
  word(w: number): string {
    let word = this.source.slice(this.starts[w], this.ends[w]);
    if (this.folded) word = word.toLowerCase();
    if (word.includes('’')) word = word.replace(/’/g, "'");
    return word;
  }

  /** Lets go of the arrays of a huge text once its words are used, so they are not pinned. */
  release(): void {
    if (this.starts.length > KEPT_WORDS) this.allocate(64);
  }

  /** Arrays for at least `capacity` words. */
  private reserve(capacity: number): void {
    if (this.starts.length < capacity) this.allocate(capacity > KEPT_WORDS ? capacity : Math.min(KEPT_WORDS, Math.max(capacity, this.starts.length * 2)));
  }

  private allocate(size: number): void {
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.sentences = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.keyed = new Uint8Array(size);
  }
}

/** Where the line break or the run of sentence-ending marks (with closing quotes or brackets) at `i` ends. */
function sentenceMarksEnd(units: Uint16Array, length: number, i: number): number {
  if (units[i] === 10) return i + 1;
  let end = i + 1;
  while (end < length && isSentenceEnd(units[end]!)) end++;
  while (end < length && isCloser(units[end]!)) end++;
  return end;
}

/** Whether the marks at `[i, end)` end a sentence, as `splitSentences` judges them. */
function endsSentence(units: Uint16Array, length: number, i: number, end: number): boolean {
  return units[i] === 10 || (end < length && isBreakSpace(units[end]!));
}

/** Function words that carry no topic: determiners, pronouns, prepositions, auxiliaries. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the this that these those some any each every either neither all both few many much more
  most other another such own same i me my mine myself we us our ours you your yours yourself he him
  his she her hers it its itself they them their theirs what which who whom whose this there here
  am is are was were be been being have has had having do does did doing done will would shall
  should can could may might must ought and but or nor so yet if then than too very just also only
  of at by for with about against between into through during before after above below to from up
  down in out on off over under again further once as until while because whether though although
  s t d ll m re ve y o just now ever even still else etc oh hey hi hello ok okay please kindly thanks
  thank yeah yes well um uh`
    .split(/\s+/)
    .filter(Boolean),
);

// Contractions whose base is a content word, and apostrophe-less spellings common in chat text.
const CONTRACTIONS = new Map<string, string[]>(Object.entries({
  "can't": ['can', 'not'], cant: ['can', 'not'], "won't": ['will', 'not'], wont: ['will', 'not'],
  "shan't": ['shall', 'not'], dont: ['do', 'not'], didnt: ['did', 'not'], doesnt: ['does', 'not'],
  isnt: ['is', 'not'], arent: ['are', 'not'], wasnt: ['was', 'not'], werent: ['were', 'not'],
  havent: ['have', 'not'], hasnt: ['has', 'not'], couldnt: ['could', 'not'], wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'], aint: ['is', 'not'], im: ['i', 'am'], ive: ['i', 'have'],
  whats: ['what', 'is'], hows: ['how', 'is'], wheres: ['where', 'is'], whens: ['when', 'is'],
  whos: ['who', 'is'], lets: ['let', 'us'], wanna: ['want', 'to'], gonna: ['going', 'to'],
  gotta: ['got', 'to'], gimme: ['give', 'me'],
}));

// After a question word `'s` is "is" ("how's the traffic"), which decides the question kind.
const QUESTION_BASES = new Set(['what', 'how', 'where', 'when', 'who', 'why', 'which', 'there', 'that', 'it']);

/** Whether a token without an apostrophe still stands for two words ("dont", "whats"). */
export function hasContraction(word: string): boolean {
  return CONTRACTIONS.has(word);
}

/** Splits a token into normalised words: `didn't` → `did`, `not`; `what's` → `what`, `is`. */
export function expandContraction(word: string): readonly string[] {
  const known = CONTRACTIONS.get(word);
  if (known) return known;
  const apostrophe = word.indexOf("'");
  if (apostrophe < 0) return [word];
  if (word.endsWith("n't")) return [word.slice(0, -3), 'not'];
  const base = word.slice(0, apostrophe);
  if (word.endsWith("'s") && QUESTION_BASES.has(base)) return [base, 'is'];
  // 's, 're, 've, 'll, 'd, 'm: keep the base; the clitic is a function word.
  return [base];
}

// Irregular forms Porter leaves apart from their lemma; only frequent verbs and plurals.
const IRREGULAR = new Map<string, string>(Object.entries({
  lost: 'lose', stole: 'steal', stolen: 'steal', bought: 'buy', sold: 'sell', spoke: 'speak',
  spoken: 'speak', told: 'tell', heard: 'hear', ate: 'eat', eaten: 'eat', drove: 'drive',
  driven: 'drive', went: 'go', gone: 'go', took: 'take', taken: 'take', gave: 'give', given: 'give',
  made: 'make', paid: 'pay', sent: 'send', found: 'find', got: 'get', gotten: 'get',
  felt: 'feel', kept: 'keep', knew: 'know', known: 'know', saw: 'see', seen: 'see', wrote: 'write',
  written: 'write', spent: 'spend', brought: 'bring', thought: 'think', flew: 'fly', flown: 'fly',
  ran: 'run', began: 'begin', begun: 'begin', chose: 'choose', chosen: 'choose', broke: 'break',
  broken: 'break', forgot: 'forget', forgotten: 'forget', sang: 'sing', sung: 'sing', won: 'win',
  children: 'child', people: 'person', men: 'man', women: 'woman', mice: 'mouse', feet: 'foot',
  teeth: 'tooth', taught: 'teach', caught: 'catch', meant: 'mean', met: 'meet', held: 'hold',
  understood: 'understand', stood: 'stand', fell: 'fall', fallen: 'fall', hid: 'hide', hidden: 'hide',
  dying: 'die', lying: 'lie', built: 'build', sat: 'sit', woke: 'wake', woken: 'wake', shut: 'shut',
  // Nouns the stemmer would merge with an unrelated word (checking ≠ check, directions ≠ direct).
  checking: 'checking', savings: 'savings', directions: 'direction', direction: 'direction',
  news: 'news', left: 'left', routing: 'routing', glasses: 'glasses', timer: 'timer', timers: 'timer',
}));

/** Lemma-ish key of a lower-case word: irregular forms first, then the Porter stem. */
export function stem(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  return /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

/**
 * Optimal-string-alignment distance (edits, with adjacent transpositions) for short words, or
 * `limit + 1` as soon as the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

// A sentence ends at . ! ? (and their closing quotes or brackets) followed by space, or at a line
// break; decimals and "e.g." stay inside. Scanned by hand over the text's units: one pass, no match objects.
function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x3002 || code === 0xff01 || code === 0xff1f;
}

// " ' ) ]
function isCloser(code: number): boolean {
  return code === 34 || code === 39 || code === 41 || code === 93;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029 || code === 0x3000;
}

/** Whitespace as the regular-expression class `\s` has it, which decides where a sentence ends. */
function isBreakSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

function pushTrimmed(units: Uint16Array, from: number, to: number, spans: Span[]): void {
  let s = from;
  let e = to;
  while (s < e && isSpace(units[s]!)) s++;
  while (e > s && isSpace(units[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}

const sentenceUnits = new TextUnits();

/** Sentence spans of a text, trimmed of surrounding whitespace; empty text gives none. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const units = sentenceUnits.load(text);
  const length = text.length;
  let start = 0;
  let i = 0;
  while (i < length) {
    const code = units[i]!;
    // Letters and most other characters lie between '?' (63) and the first CJK mark: skip them fast.
    if (code > 63 && code < 0x3002) {
      i++;
      continue;
    }
    if (code === 10) {
      pushTrimmed(units, start, i + 1, spans);
      start = ++i;
      continue;
    }
    if (!isSentenceEnd(code)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length && isSentenceEnd(units[end]!)) end++;
    while (end < length && isCloser(units[end]!)) end++;
    // Without a space after the run, no part of it ends a sentence either.
    if (end < length && isBreakSpace(units[end]!)) {
      pushTrimmed(units, start, end, spans);
      start = end;
    }
    i = end;
  }
  pushTrimmed(units, start, length, spans);
  return spans;
}
