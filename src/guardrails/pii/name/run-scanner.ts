/**
 * Finds capitalised runs and scores each from lexicon evidence (given names, surnames, surname
 * endings), cue phrases before it ("my name is", "Mr.", "Dear"), what follows (a verb, "'s", a
 * speaker colon, a work noun) and counter-evidence (everyday words, places, organisation words,
 * determiners, location prepositions).
 */
import { INITIAL, LOWER, NEWLINE, PUNCT, TITLE, UPPER, WORD, type Tokens } from '../tokens.js';
import { cueBefore } from './cues.js';
import {
  AMBIGUOUS,
  COMMON,
  DEMONYM,
  FIRST,
  HONORIFIC,
  HUMAN_VERB,
  LAST,
  NAME_SUFFIX,
  ORG,
  PARTICLE,
  PLACE,
  STRONG_SURNAME,
  SURNAME_SHAPE,
  VERB,
  type WordFeatures,
} from './features.js';
import type { CaseMode } from './runs.js';
import type { Scored } from './scored.js';

const SENTENCE_END = '.!?:;"“”()>*•|…';
/** Nouns for works named after their creator: "the Jensen novel". */
const WORK_NOUNS = new Set(
  (
    'novel novels book books film films movie movies song songs album albums concert concerts painting ' +
    'paintings play poem poems story stories biography memoir essay symphony opera show exhibition collection'
  ).split(' '),
);
/** Everyday words that name places, so they end a name rather than extend it: "Shelly Park". */
const PLACE_NOUNS = new Set(
  (
    'park beach hill hills street road avenue lane square bridge river lake bay valley island islands mountain ' +
    'mount village town city county creek springs falls heights gardens station harbour harbor port point forest ' +
    'woods field fields green'
  ).split(' '),
);
/** Words that follow a vocative name: "Kuba, can I…", "Anna, please…". */
const VOCATIVE_NEXT = new Set(
  'can could would will please i you we thank thanks do did are is have let how what why'.split(' '),
);

interface Run {
  /** Index of the first token (the honorific, when there is one). */
  first: number;
  /** Index of the last token of the run. */
  last: number;
  honorific: boolean;
  /** Word token indices of the name, initials and particles included. */
  words: number[];
}

export class RunScanner {
  /** Lexicon flags per token, -1 until looked up. */
  private readonly flags: Int32Array;
  constructor(
    private readonly t: Tokens,
    private readonly features: WordFeatures,
    readonly mode: CaseMode,
  ) {
    this.flags = new Int32Array(t.count).fill(-1);
  }

  private f(i: number): number {
    if (this.t.kind(i) !== WORD) return 0;
    let f = this.flags[i] as number;
    if (f < 0) {
      f = this.features.of(this.t.lower(i));
      this.flags[i] = f;
    }
    return f;
  }

  /** Can this token be part of a name in this text's casing? */
  private capable(i: number): boolean {
    const t = this.t;
    if (t.kind(i) !== WORD) return false;
    const s = t.shape(i);
    if (s === TITLE) {
      // Contractions ("I'm", "Don't") are not names; "O'Brien" and "D'Angelo" are.
      const text = t.text(i);
      // "E-mail", "X-ray", "T-shirt": a lone letter before a hyphen makes a word, not a name.
      if (text[1] === '-') return false;
      const q = text.search(/['’]/);
      return q < 0 || (q <= 2 && /\p{Lu}/u.test(text[q + 1] ?? ''));
    }
    if (s === UPPER) return this.mode === 'upper';
    if (s === LOWER && this.mode === 'lower') {
      const f = this.f(i);
      return !(f & (COMMON | PARTICLE)) && !!(f & (FIRST | LAST | SURNAME_SHAPE));
    }
    return false;
  }

  private sentenceStart(i: number): boolean {
    const t = this.t;
    const prev = i - 1;
    const kind = t.kind(prev);
    if (kind === 0 || kind === NEWLINE) return true;
    if (kind !== PUNCT || t.length(prev) !== 1 || !SENTENCE_END.includes(t.text(prev))) return false;
    // A full stop after an honorific or an initial ("Mr. Smith", "J. Smith") ends no sentence.
    if (t.isPunct(prev, '.') && t.kind(i - 2) === WORD && (t.shape(i - 2) === INITIAL || this.f(i - 2) & HONORIFIC)) return false;
    return true;
  }

  runAt(i: number): Run | null {
    const t = this.t;
    if (t.kind(i) !== WORD) return null;
    const lowerHead = t.shape(i) === LOWER;
    let k = i;
    let honorific = false;
    if (this.f(i) & HONORIFIC && (!lowerHead || this.mode === 'lower' || t.isPunct(i + 1, '.'))) {
      let next = k + 1;
      if (t.isPunct(next, '.')) next++;
      if (!this.capable(next) || !t.spaceBefore(next)) return null;
      honorific = true;
      k = next;
    } else if (lowerHead && this.mode !== 'lower') {
      return null;
    } else if (!this.capable(i) && !(t.shape(i) === INITIAL && t.isPunct(i + 1, '.') && this.capable(i + 2))) {
      return null;
    }
    const words: number[] = [];
    let j = k;
    while (j < t.count && words.length < 6) {
      if (j > k && !t.spaceBefore(j)) break;
      if (this.capable(j) || t.shape(j) === INITIAL) {
        words.push(j);
        // An initial may carry its full stop: "Ella H. Snider".
        j += t.shape(j) === INITIAL && t.isPunct(j + 1, '.') && !t.spaceBefore(j + 1) ? 2 : 1;
        continue;
      }
      if (t.kind(j) === WORD && words.length > 0 && this.f(j) & PARTICLE && this.capable(j + 1) && t.spaceBefore(j + 1)) {
        words.push(j);
        j++;
        continue;
      }
      break;
    }
    // Initials and particles at the end belong to what follows, not to the name.
    while (words.length > 0) {
      const tail = words[words.length - 1] as number;
      if (t.shape(tail) === INITIAL || this.f(tail) & PARTICLE) words.pop();
      else break;
    }
    if (words.length === 0) return null;
    return { first: i, last: Math.max(words[words.length - 1] as number, i), honorific, words };
  }

  private isOrg(i: number): boolean {
    const f = this.f(i);
    if (f & NAME_SUFFIX) return false;
    return !!(f & ORG) || (this.t.shape(i) === UPPER && this.mode !== 'upper' && this.t.length(i) > 1);
  }

  /** "Thomas and Sons", "Drake PLC", "Clark Orchestra". */
  private orgFollows(last: number): boolean {
    const t = this.t;
    const next = last + 1;
    if (t.kind(next) === WORD && t.spaceBefore(next) && t.shape(next) !== LOWER && this.isOrg(next)) return true;
    const joined = (t.kind(next) === WORD && t.lower(next) === 'and') || t.isPunct(next, '&');
    return joined && t.kind(next + 1) === WORD && t.shape(next + 1) !== LOWER && this.isOrg(next + 1);
  }

  /** "Kuba, can I…" at the start of a sentence; "…, Mark!" at its end. */
  private vocative(first: number, last: number, sentenceStart: boolean): boolean {
    const t = this.t;
    const next = last + 1;
    if (sentenceStart && t.isPunct(next, ',') && t.kind(next + 1) === WORD && VOCATIVE_NEXT.has(t.lower(next + 1))) return true;
    const closes = t.isPunct(next, '!') || t.isPunct(next, '?') || t.isPunct(next, '.');
    return closes && t.isPunct(first - 1, ',');
  }

  // Helpers of score() are methods, not closures made per run: a long text has tens of thousands of runs.

  /** A run that is no name by itself (an organisation, only everyday words), kept as evidence. */
  private marker(run: Run, kind: 'org' | 'everyday'): Scored {
    const t0 = run.words[0] as number;
    const t1 = run.words[run.words.length - 1] as number;
    const scored: Scored = {
      start: this.t.start[t0] as number,
      end: this.t.end[t1] as number,
      score: 0,
      from: t0,
      to: t1,
      words: run.words.length,
      surname: false,
      placeLike: false,
    };
    if (kind === 'org') scored.org = true;
    else scored.everyday = true;
    return scored;
  }

  /** Initials and particles never start or end a name. */
  private core(all: readonly number[], k: number): boolean {
    const w = all[k] as number;
    return this.t.shape(w) !== INITIAL && !(this.f(w) & PARTICLE);
  }

  private trimmable(all: readonly number[], k: number, cuedRun: boolean, headKnown: boolean): boolean {
    const w = all[k] as number;
    if (cuedRun || !(this.f(w) & COMMON)) return false;
    // "Ivan King", "Zoe Young": an everyday word after a given name is a surname, unless it
    // names a place ("Shelly Park", "Pines Beach").
    return !(k > 0 && headKnown && !PLACE_NOUNS.has(this.t.lower(w)));
  }

  score(run: Run): Scored | null {
    const t = this.t;
    const t0 = run.words[0] as number;
    for (const w of run.words) if (this.isOrg(w) || this.f(w) & DEMONYM) return this.marker(run, 'org');
    if (this.orgFollows(run.last)) return this.marker(run, 'org');

    // Everyday capitalised words at the edges ("Producer Jane Roe", "Shelly Park") are trimmed,
    // except after an honorific ("Mrs. Baker"); initials and particles never start or end the name.
    const all = run.words;
    // After a cue, a run of several words is kept whole ("called Crystal Murdock"); a single
    // everyday word is not a name for it ("meet Thursday").
    const cuedRun = run.honorific || (run.words.length > 1 && cueBefore(t, run.first, 'strong'));
    const headKnown = !!(this.f(all[0] as number) & FIRST);
    let a = 0;
    let b = all.length - 1;
    let leadingCommon = false;
    let trailingCommon = false;
    while (a <= b && (!this.core(all, a) || this.trimmable(all, a, cuedRun, headKnown))) {
      if (this.core(all, a)) leadingCommon = true;
      a++;
    }
    while (b >= a && (!this.core(all, b) || this.trimmable(all, b, cuedRun, headKnown))) {
      if (this.core(all, b)) trailingCommon = true;
      b--;
    }
    if (a > b) {
      // A lone everyday word mid-sentence ("starring Key") may still repeat a name.
      return all.length === 1 && !run.honorific && !this.sentenceStart(t0) ? this.marker(run, 'everyday') : null;
    }
    const words: number[] = [];
    for (let k = a; k <= b; k++) if (this.core(all, k)) words.push(all[k] as number);
    const firstWord = all[a] as number;
    const lastWord = all[b] as number;
    const n = words.length;

    const sentenceStart = this.sentenceStart(firstWord) || (leadingCommon && this.sentenceStart(run.first));
    const cueAt = run.honorific || cuedRun ? run.first : firstWord;
    const strongCue = cuedRun || cueBefore(t, cueAt, 'strong');

    const ff = this.f(firstWord);
    const firstKnown = !!(ff & FIRST);
    let allUnknown = true;
    let allPlaces = true;
    let hasSurname = false;
    let laterFirst = false;
    for (let k = 0; k < n; k++) {
      const f = this.f(words[k] as number);
      if (f & (COMMON | PLACE | FIRST | AMBIGUOUS)) allUnknown = false;
      if (!(f & PLACE) || f & FIRST) allPlaces = false;
      if (k > 0 && f & (LAST | SURNAME_SHAPE)) hasSurname = true;
      if (k > 0 && f & FIRST) laterFirst = true;
    }
    const next = run.last + 1;
    const nf = t.kind(next) === WORD && t.shape(next) === LOWER ? this.f(next) : 0;
    const verbAfter = !!(nf & VERB);
    const possessive = t.kind(next) === PUNCT && t.length(next) === 2;
    const speaker = t.isPunct(next, ':') && sentenceStart;

    let score = run.honorific ? 0.85 : strongCue ? 0.75 : 0;
    if (firstKnown) score += 0.5;
    else if (ff & AMBIGUOUS) score += 0.2;
    if (n >= 2 && hasSurname) score += 0.3;
    // Family name first ("Csenger Gábor") or an unknown given name before a known one.
    if (n >= 2 && !firstKnown && laterFirst) score += ff & (COMMON | PLACE) ? 0.3 : 0.5;
    if (n >= 2 && !firstKnown && allUnknown) score += 0.5;
    if (n === 1 && !firstKnown) {
      if (ff & STRONG_SURNAME && !sentenceStart) score += 0.5;
      else if (ff & (LAST | SURNAME_SHAPE)) score += ff & SURNAME_SHAPE ? 0.3 : 0.2;
    }

    if (allPlaces) score -= 0.6;
    if (trailingCommon) score -= 0.3;
    if (leadingCommon && !sentenceStart) score -= 0.3;

    if (!strongCue && cueBefore(t, cueAt, 'weak')) score += 0.15;
    if (verbAfter) score += 0.15;
    if (possessive) score += 0.1;
    // "the Petersson novel", "a Homero Portillo concert": a creator named before the work.
    if (nf && WORK_NOUNS.has(t.lower(next))) score += 0.35;
    const unknownSingle = n === 1 && !firstKnown && !(ff & (COMMON | PLACE));
    if (speaker) score += unknownSingle ? 0.55 : 0.35;
    if (unknownSingle && sentenceStart && nf & HUMAN_VERB) score += 0.5;
    const vocative = n === 1 && this.vocative(firstWord, run.last, sentenceStart);
    if (vocative) score += unknownSingle || ff & AMBIGUOUS ? 0.5 : 0.2;

    const determiner = !run.honorific && !firstKnown && cueBefore(t, cueAt, 'determiner');
    if (determiner) score -= n === 1 && !(ff & STRONG_SURNAME) ? 0.35 : 0.15;
    if (!strongCue && !firstKnown && !hasSurname && !possessive && cueBefore(t, cueAt, 'location')) score -= n === 1 ? 0.4 : 0.25;
    if (sentenceStart && n === 1 && !firstKnown && !strongCue && !verbAfter && !speaker && !vocative) score -= 0.3;
    if (this.mode === 'lower' && !strongCue && !firstKnown) score -= 0.2;

    return {
      start: t.start[firstWord] as number,
      end: t.end[lastWord] as number,
      score: Math.max(0, Math.min(score, 0.95)),
      from: firstWord,
      to: lastWord,
      words: n,
      surname: !!(this.f(lastWord) & (LAST | SURNAME_SHAPE)) || hasSurname,
      placeLike: allPlaces || !!(ff & PLACE && !firstKnown),
    };
  }
}
