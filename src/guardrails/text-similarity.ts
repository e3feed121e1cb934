/**
 * Lexical text helpers for the local detectors: words with offsets, normalisation (contractions,
 * irregular forms, Porter stems), stopwords, edit distance and sentence spans. Everything here is
 * linear in its input.
 */
import { stemmer } from 'stemmer';
import type { Span } from './types.js';

const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;
const LETTER_RE = /[\p{L}\p{M}]/u;

function isWordChar(text: string, index: number, code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR_RE.test(text[index]!);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return index < text.length && LETTER_RE.test(text[index]!);
}

/**
 * Calls `visit` for each word: letters or digits, joined by an apostrophe before a letter
 * ("didn't") or by a colon or period between digits (7:30, 2.5). One pass over the characters,
 * so any input is linear; the word is lower-cased with typographic apostrophes folded to `'`.
 */
export function forEachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  // Lower-casing once is cheaper than per word; it keeps offsets unless a character changes length.
  const lower = text.toLowerCase();
  const folded = lower.length !== text.length;
  const source = folded ? text : lower;
  const length = source.length;
  let i = 0;
  while (i < length) {
    if (!isWordChar(source, i, source.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    for (;;) {
      while (i < length && isWordChar(source, i, source.charCodeAt(i))) i++;
      const code = source.charCodeAt(i);
      if ((code === 39 || code === 0x2019) && isLetter(source, i + 1)) {
        apostrophe = true;
        i++;
      } else if ((code === 58 || code === 46) && isDigit(source.charCodeAt(i - 1)) && isDigit(source.charCodeAt(i + 1))) {
        // A decimal or clock time ends the word after its digits ("7:00pm" is "7:00", "pm").
        i++;
        while (i < length && isDigit(source.charCodeAt(i))) i++;
        break;
      } else break;
    }
    let word = source.slice(start, i);
    if (folded) word = word.toLowerCase();
    if (apostrophe && word.includes('’')) word = word.replace(/’/g, "'");
    visit(word, start, i);
  }
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
// break; decimals and "e.g." stay inside. Scanned by hand: one pass, no match objects.
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

function pushTrimmed(text: string, from: number, to: number, spans: Span[]): void {
  let s = from;
  let e = to;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/** Sentence spans of a text, trimmed of surrounding whitespace; empty text gives none. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const length = text.length;
  let start = 0;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      pushTrimmed(text, start, i + 1, spans);
      start = ++i;
      continue;
    }
    if (!isSentenceEnd(code)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length && isSentenceEnd(text.charCodeAt(end))) end++;
    while (end < length && isCloser(text.charCodeAt(end))) end++;
    // Without a space after the run, no part of it ends a sentence either.
    if (end < length && isBreakSpace(text.charCodeAt(end))) {
      pushTrimmed(text, start, end, spans);
      start = end;
    }
    i = end;
  }
  pushTrimmed(text, start, length, spans);
  return spans;
}
