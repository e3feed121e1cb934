/**
 * ADDRESS: street addresses in many national formats, multi-line blocks, military and PO boxes,
 * postcodes named as such. Chunks of address-compatible tokens are scored by their anchors,
 * the context before them, and their shape; the reported span runs from the first anchor's line
 * position to the end of the address block.
 */
import { eachMatch, gluedBefore, type Recognizer } from '../recognizer.js';
import { LOWER, NEWLINE, NUM, PUNCT, WORD, type Tokens } from '../tokens.js';
import { nameLexicon } from '../name/lexicon.js';
import { findAnchors, type Anchor } from './anchors.js';
import { addressChunks, type Chunk } from './chunks.js';
import { ADDRESS_PARTICLES } from './lexicon.js';
import { cornerAddresses, postcodeAddresses } from './phrases.js';

// Words that introduce an address. Found in one pass per text; a cue counts for an address that
// starts within CUE_REACH characters after it in the same sentence.
const ADDRESS_CUE =
  /address(?:es)?|addr\b|live[sd]?\s+(?:at|on|in)\b|living\s+(?:at|on)\b|resides?\s+(?:at|on)\b|located\s+(?:at|in|on)\b|location|situated\s+at|based\s+at|sen[dt]\s+(?:\S+\s+){0,4}?to\b|ship(?:ped)?\s+(?:\S+\s+){0,3}?to\b|deliver(?:ed|y)?\s+(?:\S+\s+){0,3}?to\b|mail(?:ed)?\s+(?:\S+\s+){0,3}?to\b|drops?\s+(?:you|me|us|them)\s+off\s+at|pick\s+(?:you|me|us)\s+up\s+(?:at|from)|meet\s+(?:\S+\s+){0,3}?at\b|taxi\s+to|moved\s+to|is\s+on\b|is\s+at\b|enter\s+on|return(?:ed)?\s+to|arrived\s+at|offices?\s+(?:is|are)\s+(?:located\s+)?at|where\b|billing|shipping|residence|visit\s+us\s+at|find\s+us\s+at|headquarters|\bhq\b/gi;
const CUE_REACH = 100;

/** End offsets of address cues, ascending. */
function cueEnds(text: string): number[] {
  const ends: number[] = [];
  eachMatch(ADDRESS_CUE, text, (m) => {
    if (!gluedBefore(text, m.index)) ends.push(m.index + m[0].length);
  });
  return ends;
}

/** Is there a cue before `start`, close enough and with no sentence end in between? */
function cuedAt(text: string, ends: number[], start: number): boolean {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) <= start) lo = mid + 1;
    else hi = mid;
  }
  const end = ends[lo - 1];
  if (end === undefined || start - end > CUE_REACH) return false;
  // A question may be answered right away: "What's your address? It is …".
  return !/[.!]\s/.test(text.slice(end, start));
}

const STREET_AFTER = /^\s*(?:street|st\.|road|avenue)\b/iu;

const STOP_WORDS = new Set(
  (
    'the a an and or but is are was were be been am i you he she we they it my your his her our their this that ' +
    'to in at on for with from by please can could would will should me us them have has had do does did not ' +
    'so if as when where what who which there here then than also just'
  ).split(' '),
);

export function addressRecognizer(threshold = 0.5): Recognizer {
  const lex = nameLexicon();
  const common = (t: Tokens, i: number): boolean => t.kind(i) === WORD && lex.common.has(t.lower(i)) && !lex.places.has(t.lower(i));
  return {
    entity: 'ADDRESS',
    find(text, out, ctx) {
      const tokens = ctx.tokens();
      if (tokens.count === 0) return;
      const lowerText = isLowerText(tokens);
      const isCommon = (i: number): boolean => common(tokens, i);
      const cues = cueEnds(text);
      for (const chunk of addressChunks(tokens, lowerText, STOP_WORDS)) {
        const anchors = findAnchors(tokens, chunk.from, chunk.to, isCommon, lowerText);
        for (const group of anchorGroups(anchors)) {
          const found = scoreGroup(text, cues, tokens, chunk, group);
          if (found.score >= threshold) out.push({ start: found.start, end: found.end, score: found.score, entity: 'ADDRESS' });
        }
      }
      cornerAddresses(text, out);
      postcodeAddresses(ctx, out);
    },
  };
}

interface Found {
  start: number;
  end: number;
  score: number;
}

/** All-lower-case texts (chat style) let any non-stop word sit in an address. */
function isLowerText(t: Tokens): boolean {
  if (t.src.length > 20_000) return false;
  for (let i = 0; i < t.count; i++) if (t.kind(i) === WORD && t.shape(i) !== LOWER && t.shape(i) !== 5) return false;
  return true;
}

/** Anchors further apart than this many tokens belong to different addresses. */
const MAX_GAP = 8;
/** An address block spans at most this many tokens; longer runs are split. */
const MAX_SPAN = 60;

function anchorGroups(anchors: Anchor[]): Anchor[][] {
  const groups: Anchor[][] = [];
  let current: Anchor[] = [];
  let from = 0;
  let to = -1;
  for (const a of anchors) {
    if (current.length > 0 && (a.from - to > MAX_GAP || a.to - from > MAX_SPAN)) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) from = a.from;
    current.push(a);
    to = Math.max(to, a.to);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function scoreGroup(text: string, cues: number[], tokens: Tokens, chunk: Chunk, anchors: Anchor[]): Found {
  let best = 0;
  let strong = 0;
  let firstFrom = Number.MAX_SAFE_INTEGER;
  let lastTo = -1;
  for (const a of anchors) {
    if (a.score > best) best = a.score;
    if (a.score >= 0.3 && a.numbered) strong++;
    if (a.from < firstFrom) firstFrom = a.from;
    if (a.to > lastTo) lastTo = a.to;
  }
  // Several numbered parts (street and number, unit, postcode) make a block an address; street
  // words alone ("Baker Street Road") do not add up.
  let score = best + 0.15 * Math.min(2, Math.max(0, strong - 1));
  const from = extendLeft(tokens, firstFrom, chunk.from);
  const to = extendRight(tokens, lastTo, chunk.to);
  const start = tokens.start[from] as number;
  const end = tokens.end[to] as number;

  if (lineCount(tokens, from, to) >= 2 && strong >= 2) score += 0.1;
  if (cuedAt(text, cues, start)) score += 0.3;
  if (STREET_AFTER.test(text.slice(end, end + 12))) score += 0.2;
  return { start, end, score: Math.min(score, 0.95) };
}

function lineCount(t: Tokens, from: number, to: number): number {
  let n = 1;
  for (let k = from; k <= to; k++) if (t.kind(k) === NEWLINE) n++;
  return n;
}

/** House numbers and name words before the first anchor on its line ("Merineitsi põik 87"). */
function extendLeft(t: Tokens, from: number, limit: number): number {
  let i = from;
  let words = 0;
  while (i - 1 >= limit) {
    const k = i - 1;
    const kind = t.kind(k);
    if (kind === NUM && t.length(k) <= 6) i--;
    else if (kind === WORD && words < 3 && (t.shape(k) !== LOWER || ADDRESS_PARTICLES.has(t.lower(k)))) {
      words++;
      i--;
    } else if (t.isPunct(k, '.') && t.kind(k - 1) === WORD) i--;
    else break;
  }
  while (t.kind(i) === PUNCT) i++;
  return i;
}

/** The rest of the anchor's line, then following lines that read like city/region/postcode lines. */
function extendRight(t: Tokens, to: number, limit: number): number {
  let end = to;
  let k = to + 1;
  // The rest of the line, within reason: an address line is short.
  while (k <= limit && t.kind(k) !== NEWLINE) {
    if (k - to > 12) return end;
    if (t.kind(k) === WORD || t.kind(k) === NUM) end = k;
    k++;
  }
  let lines = 0;
  while (k <= limit && lines < 6) {
    let j = k;
    while (j <= limit && t.kind(j) === NEWLINE) j++;
    if (j > limit) break;
    let digits = 0;
    let numbers = 0;
    let words = 0;
    let lineEnd = -1;
    while (j <= limit && t.kind(j) !== NEWLINE) {
      const kind = t.kind(j);
      if (kind === NUM) {
        digits += t.length(j);
        numbers++;
        lineEnd = j;
      } else if (kind === WORD) {
        words++;
        lineEnd = j;
      }
      j++;
    }
    // A phone or id line ends the block.
    if (lineEnd < 0 || digits >= 7 || numbers > 2 || words > 6) break;
    end = lineEnd;
    k = j;
    lines++;
  }
  return end;
}
