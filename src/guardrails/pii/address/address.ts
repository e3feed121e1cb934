/**
 * ADDRESS: street addresses in many national formats, multi-line blocks, military and PO boxes,
 * postcodes named as such. Chunks of address-compatible tokens are scored by their anchors,
 * the context before them, and their shape; the reported span runs from the first anchor's line
 * position to the end of the address block.
 */
import { hasContext, type Recognizer } from '../recognizer.js';
import { LOWER, NEWLINE, NUM, PUNCT, WORD, type Tokens } from '../tokens.js';
import { nameLexicon } from '../name/lexicon.js';
import { findAnchors, type Anchor } from './anchors.js';
import { addressChunks, type Chunk } from './chunks.js';
import { ADDRESS_PARTICLES } from './lexicon.js';
import { cornerAddresses, postcodeAddresses } from './phrases.js';

const ADDRESS_CUE =
  /(?:\baddress(?:es)?|\baddr|\blive[sd]?\s+(?:at|on|in)|\bliving\s+(?:at|on)|\bresides?\s+(?:at|on)|\blocated\s+(?:at|in|on)|\blocation|\bsituated\s+at|\bbased\s+at|\bsen[dt]\s+(?:\S+\s+){0,4}to|\bship(?:ped)?\s+(?:\S+\s+){0,3}to|\bdeliver(?:ed|y)?\s+(?:\S+\s+){0,3}to|\bmail(?:ed)?\s+(?:\S+\s+){0,3}to|\bdrops?\s+(?:you|me|us|them)\s+off\s+at|\bpick\s+(?:you|me|us)\s+up\s+(?:at|from)|\bmeet\s+(?:me|us|you)\s+at|\btaxi\s+to|\bmoved\s+to|\bis\s+on|\bis\s+at|\benter\s+on|\breturn(?:ed)?\s+to|\barrived\s+at|\boffices?\s+(?:is|are)\s+(?:located\s+)?at|\bwhere\b|\bbilling|\bshipping|\bresidence|\bvisit\s+us\s+at|\bfind\s+us\s+at|\bheadquarters|\bhq)[^.!?]*$/iu;
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
      for (const chunk of addressChunks(tokens, lowerText, STOP_WORDS)) {
        const anchors = findAnchors(tokens, chunk.from, chunk.to, isCommon);
        for (const group of anchorGroups(anchors)) {
          const found = scoreGroup(text, tokens, chunk, group);
          if (found.score >= threshold) out.push({ ...found, entity: 'ADDRESS' });
        }
      }
      cornerAddresses(text, out);
      postcodeAddresses(text, out);
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

function scoreGroup(text: string, tokens: Tokens, chunk: Chunk, anchors: Anchor[]): Found {
  let best = 0;
  let strong = 0;
  let firstFrom = Number.MAX_SAFE_INTEGER;
  let lastTo = -1;
  for (const a of anchors) {
    if (a.score > best) best = a.score;
    if (a.score >= 0.3) strong++;
    if (a.from < firstFrom) firstFrom = a.from;
    if (a.to > lastTo) lastTo = a.to;
  }
  let score = best + 0.15 * Math.min(2, strong - 1);
  const from = extendLeft(tokens, firstFrom, chunk.from);
  const to = extendRight(tokens, lastTo, chunk.to);
  const start = tokens.start[from] as number;
  const end = tokens.end[to] as number;

  if (lineCount(tokens, from, to) >= 2 && strong >= 2) score += 0.1;
  if (hasContext(text, start, end, ADDRESS_CUE, { before: 100, after: 0 })) score += 0.3;
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
