/**
 * NAME: person names, best effort without a statistical model. Capitalised word runs are scored
 * from lexicon evidence (given names, surnames, surname endings), cue phrases before them
 * ("my name is", "Mr.", "Dear"), what follows (a verb, "'s", a speaker colon) and counter-evidence
 * (ordinary words, places, organisation words, determiners, location prepositions).
 */
import type { Recognizer } from '../recognizer.js';
import { INITIAL, LOWER, NEWLINE, PUNCT, TITLE, UPPER, WORD, type Tokens } from '../tokens.js';
import { cueBefore } from './cues.js';
import {
  AMBIGUOUS,
  COMMON,
  DEMONYM,
  FIRST,
  HONORIFIC,
  LAST,
  ORG,
  PARTICLE,
  PLACE,
  SURNAME_SHAPE,
  VERB,
  WordFeatures,
} from './features.js';
import { nameLexicon } from './lexicon.js';
import { caseMode, type CaseMode } from './runs.js';

const SENTENCE_END = '.!?:;"“”()>*•|…';

interface Run {
  /** Index of the first token (the honorific, when there is one). */
  first: number;
  /** Index of the last token of the run. */
  last: number;
  honorific: boolean;
  /** Word token indices of the name, initials and particles included. */
  words: number[];
}

export function nameRecognizer(threshold = 0.5): Recognizer {
  const features = new WordFeatures(nameLexicon());
  return {
    entity: 'NAME',
    find(_text, out, ctx) {
      const tokens = ctx.tokens();
      if (tokens.count === 0) return;
      const scanner = new RunScanner(tokens, features, caseMode(tokens));
      for (let i = 0; i < tokens.count; i++) {
        const run = scanner.runAt(i);
        if (!run) continue;
        i = run.last;
        const scored = scanner.score(run);
        if (scored && scored.score >= threshold) out.push({ ...scored, entity: 'NAME' });
      }
    },
  };
}

class RunScanner {
  /** Lexicon flags per token, -1 until looked up. */
  private readonly flags: Int32Array;
  constructor(
    private readonly t: Tokens,
    private readonly features: WordFeatures,
    private readonly mode: CaseMode,
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
    if (this.t.kind(i) !== WORD) return false;
    const s = this.t.shape(i);
    if (s === TITLE) return true;
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
    if (t.kind(i) !== WORD || (t.shape(i) === LOWER && this.mode !== 'lower')) return null;
    let k = i;
    let honorific = false;
    if (this.f(i) & HONORIFIC) {
      let next = k + 1;
      if (t.isPunct(next, '.')) next++;
      if (!this.capable(next) || !t.spaceBefore(next)) return null;
      honorific = true;
      k = next;
    } else if (!this.capable(i) && !(t.shape(i) === INITIAL && t.isPunct(i + 1, '.') && this.capable(i + 2))) {
      return null;
    }
    const words: number[] = [];
    let last = k;
    let j = k;
    while (j < t.count && words.length < 6) {
      if (j > k && !t.spaceBefore(j)) break;
      if (this.capable(j) || t.shape(j) === INITIAL) {
        words.push(j);
        last = j;
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
    last = Math.max(words[words.length - 1] as number, i);
    return { first: i, last, honorific, words };
  }

  private isOrg(i: number): boolean {
    return !!(this.f(i) & ORG) || (this.t.shape(i) === UPPER && this.mode !== 'upper' && this.t.length(i) > 1);
  }

  /** "Thomas and Sons", "Drake PLC", "Clark Orchestra". */
  private orgFollows(last: number): boolean {
    const t = this.t;
    const next = last + 1;
    if (t.kind(next) === WORD && t.spaceBefore(next) && t.shape(next) !== LOWER && this.isOrg(next)) return true;
    const joined = (t.kind(next) === WORD && t.lower(next) === 'and') || t.isPunct(next, '&');
    return joined && t.kind(next + 1) === WORD && t.shape(next + 1) !== LOWER && this.isOrg(next + 1);
  }

  private verbFollows(last: number): boolean {
    const next = last + 1;
    return this.t.kind(next) === WORD && this.t.shape(next) === LOWER && !!(this.f(next) & VERB);
  }

  score(run: Run): { start: number; end: number; score: number } | null {
    const t = this.t;
    for (const w of run.words) if (this.isOrg(w) || this.f(w) & DEMONYM) return null;
    if (this.orgFollows(run.last)) return null;

    // Ordinary capitalised words at the edges ("Producer Jane Roe", "Shelly Park") are trimmed.
    const core = run.words.filter((w) => t.shape(w) !== INITIAL && !(this.f(w) & PARTICLE));
    let a = 0;
    let b = core.length - 1;
    while (a <= b && this.f(core[a] as number) & COMMON) a++;
    const leadingCommon = a > 0;
    while (b >= a && this.f(core[b] as number) & COMMON) b--;
    const trailingCommon = b < core.length - 1;
    if (a > b) return null;
    const words = core.slice(a, b + 1);
    const firstWord = words[0] as number;
    const lastWord = words[words.length - 1] as number;
    const n = words.length;

    const sentenceStart = this.sentenceStart(firstWord) || (leadingCommon && this.sentenceStart(run.first));
    const cueAt = run.honorific ? run.first : firstWord;
    const strongCue = run.honorific || cueBefore(t, cueAt, 'strong');

    const ff = this.f(firstWord);
    const firstKnown = !!(ff & FIRST);
    let allUnknown = true;
    let allPlaces = true;
    let hasSurname = false;
    for (let k = 0; k < n; k++) {
      const f = this.f(words[k] as number);
      if (f & (COMMON | PLACE | FIRST)) allUnknown = false;
      if (!(f & PLACE) || f & FIRST) allPlaces = false;
      if (k > 0 && f & (LAST | SURNAME_SHAPE)) hasSurname = true;
    }
    const verbAfter = this.verbFollows(run.last);
    const next = run.last + 1;
    const possessive = t.kind(next) === PUNCT && t.length(next) === 2;

    let score = run.honorific ? 0.85 : strongCue ? 0.75 : 0;
    if (firstKnown) score += 0.5;
    else if (ff & AMBIGUOUS) score += 0.2;
    if (n >= 2 && hasSurname) score += 0.3;
    if (n >= 2 && !firstKnown && allUnknown) score += 0.4;
    if (n === 1 && !firstKnown && ff & (LAST | SURNAME_SHAPE)) score += ff & SURNAME_SHAPE ? 0.3 : 0.2;

    if (allPlaces) score -= 0.6;
    if (trailingCommon) score -= 0.3;
    if (leadingCommon && !sentenceStart) score -= 0.3;

    if (!strongCue && cueBefore(t, cueAt, 'weak')) score += 0.15;
    if (verbAfter) score += 0.15;
    if (possessive) score += 0.1;
    const speaker = t.isPunct(next, ':') && sentenceStart;
    if (speaker) score += 0.35;
    if (t.isPunct(next, ',') && sentenceStart && n === 1) score += 0.1;

    if (!run.honorific && !firstKnown && cueBefore(t, cueAt, 'determiner')) score -= 0.35;
    if (!strongCue && !firstKnown && cueBefore(t, cueAt, 'location')) score -= 0.4;
    if (sentenceStart && n === 1 && !firstKnown && !strongCue && !verbAfter && !speaker) score -= 0.3;
    if (this.mode === 'lower' && !strongCue && !firstKnown) score -= 0.2;

    return { start: t.start[firstWord] as number, end: t.end[lastWord] as number, score: Math.max(0, Math.min(score, 0.95)) };
  }
}
