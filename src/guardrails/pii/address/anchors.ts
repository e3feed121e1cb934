/**
 * Address anchors inside a chunk: the token patterns that make a run of words an address
 * ("217 Lovers Lane", "Rue de Provence 12", "Vesterskovvej 79", "Suite 5", "APO AE 12345").
 */
import { LOWER, NEWLINE, NUM, TITLE, UPPER, WORD, type Tokens } from '../tokens.js';
import {
  MILITARY_POST,
  MILITARY_REGIONS,
  SHIP_PREFIXES,
  STREET_PREFIXES,
  STREET_SUFFIXES,
  UNIT_WORDS,
  isStreetCompound,
} from './lexicon.js';

export interface Anchor {
  from: number;
  to: number;
  score: number;
  /** Holds a number (house number, unit, box, postcode): only these add up to an address. */
  numbered: boolean;
}

/** Suffixes that name a street even without a house number ("Baker Street"). */
const STRONG_SUFFIXES = new Set(
  'street st road rd avenue ave lane ln drive boulevard blvd terrace crescent highway hwy parkway strasse straße'.split(' '),
);
/** English street types; other languages' ("útja", "vej") may follow a lower-case name word. */
const ENGLISH_SUFFIXES = new Set(
  'street st road rd avenue ave drive dr lane ln court ct place pl way park green hill view square sq close row walk'.split(' '),
);
/** English street types from postal lists that are also everyday words ("port", "key", "station"). */
const USPS_ONLY = new Set(
  (
    'port ports key keys light lights well wells rest fall falls course lock locks mission station stream track ' +
    'trace wall spring springs point points club center centre common commons loop mall land camp crest curve ' +
    'divide fork forks neck loaf radial ramp spur union unions view views ridge run mill mills pass flat flats ' +
    'forge forges field fields glen glens haven heights hollow island islands junction landing lodge manor ' +
    'meadow meadows mount mountain oval pike pine pines plain plains prairie ranch rapid rapids river shoal shore ' +
    'shores summit valley vista village ville walk walks ways branch brook brooks burg bypass canyon cape cliff ' +
    'cliffs corner corners cove coves creek dale dam estate estates expressway extension extensions ferry ford ' +
    'fords forest fort freeway garden gardens gateway grove groves harbor harbour hill hills inlet isle knoll ' +
    'knolls lake lakes loop manors orchard overpass parks parkways plaza row skyway square squares stravenue ' +
    'throughway trafficway tunnel turnpike underpass viaduct trail green greens'
  ).split(' '),
);
/** Capitalised words that are followed by numbers without being streets. */
const NOT_STREET = new Set(
  (
    'article chapter section page pages level stage step part volume vol version windows top covid flight gate ' +
    'terminal platform year years day days week weeks grade class type model series season episode number no nr ' +
    'figure fig table item rule act title phase round size band mark ps iphone galaxy pixel office zip psalm verse ' +
    'line lines card cards order invoice ticket'
  ).split(' '),
);

function sameLine(t: Tokens, a: number, b: number): boolean {
  for (let k = a + 1; k <= b; k++) if (t.kind(k) === NEWLINE) return false;
  return true;
}

/** Next token index after i, skipping a full stop glued to the token at i. */
function after(t: Tokens, i: number): number {
  return t.isPunct(i + 1, '.') && !t.spaceBefore(i + 1) ? i + 2 : i + 1;
}

function nameish(t: Tokens, i: number): boolean {
  return t.kind(i) === WORD && (t.shape(i) !== LOWER || t.length(i) <= 3);
}

/** A line holding only a postcode ("61089", "NI 61089" is caught elsewhere): ends many address blocks. */
function postcodeLine(t: Tokens, i: number): boolean {
  const len = t.length(i);
  if (len < 4 || len > 5) return false;
  const before = t.kind(i - 1);
  const after = t.kind(i + 1);
  return (before === NEWLINE || before === 0) && (after === NEWLINE || after === 0);
}

/** Adds the anchor over tokens a..b, clipped to the chunk from..to. */
function pushAnchor(anchors: Anchor[], t: Tokens, from: number, to: number, a: number, b: number, score: number): void {
  const lo = Math.max(a, from);
  const hi = Math.min(b, to);
  let numbered = false;
  for (let k = lo; k <= hi && !numbered; k++) numbered = t.kind(k) === NUM;
  anchors.push({ from: lo, to: hi, score, numbered });
}

export function findAnchors(
  t: Tokens,
  from: number,
  to: number,
  isCommon: (i: number) => boolean,
  lowerText = false,
): Anchor[] {
  const anchors: Anchor[] = [];
  for (let i = from; i <= to; i++) {
    const kind = t.kind(i);
    if (kind === NUM) {
      if (t.length(i) > 5) continue;
      if (postcodeLine(t, i) && i > from) pushAnchor(anchors, t, from, to, i, i, 0.3);
      // Number, up to four name words, then a street type: "217 Lovers Lane".
      let j = i + 1;
      let words = 0;
      while (j <= to && words <= 4 && (nameish(t, j) || t.isPunct(j, '.')) && sameLine(t, i, j)) {
        if (t.kind(j) === WORD) {
          const w = t.lower(j);
          if (words > 0 && STREET_SUFFIXES.has(w)) {
            pushAnchor(anchors, t, from, to, i, j, 0.8);
            break;
          }
          if (words === 0 && STREET_PREFIXES.has(w) && nameish(t, after(t, j))) {
            pushAnchor(anchors, t, from, to, i, after(t, j), 0.8);
            break;
          }
          if (words === 0 && isStreetCompound(w)) {
            pushAnchor(anchors, t, from, to, i, j, 0.8);
            break;
          }
          words++;
        }
        j++;
      }
      continue;
    }
    if (kind !== WORD) continue;
    const w = t.lower(i);
    const shape = t.shape(i);
    const next = i + 1;
    if (STREET_PREFIXES.has(w) && shape !== UPPER) {
      // "Rue de Provence 12", "ul. Cicha 86": prefix, name words, then a number on the same line.
      let j = after(t, i);
      let words = 0;
      while (j <= to && words < 5 && nameish(t, j) && sameLine(t, i, j)) {
        words++;
        j++;
      }
      const numbered = t.kind(j) === NUM && sameLine(t, i, j);
      // A one- or two-letter prefix ("R.", "Al.") only counts with its house number.
      if (words > 0 && (numbered || t.length(i) >= 3)) pushAnchor(anchors, t, from, to, i, numbered ? j : j - 1, numbered ? 0.8 : 0.45);
      continue;
    }
    if (isStreetCompound(w) && !isCommon(i)) {
      const numAfter = t.kind(next) === NUM && t.spaceBefore(next);
      const numBefore = t.kind(i - 1) === NUM && t.spaceBefore(i);
      pushAnchor(anchors, t, from, to, numBefore ? i - 1 : i, numAfter ? next : i, numAfter || numBefore ? 0.8 : 0.35);
      continue;
    }
    const before = i - 1;
    const nameBefore = nameish(t, before) || (t.kind(before) === WORD && !ENGLISH_SUFFIXES.has(w));
    if (STREET_SUFFIXES.has(w) && i > from && nameBefore && sameLine(t, before, i)) {
      // "Lovers Lane 12" needs a real street word: "port 8080" or "Key 4" is something else.
      const streetWord = STRONG_SUFFIXES.has(w) || !ENGLISH_SUFFIXES.has(w) && !USPS_ONLY.has(w);
      if (t.kind(after(t, i)) === NUM && streetWord) pushAnchor(anchors, t, from, to, i - 1, after(t, i), 0.8);
      else if (STRONG_SUFFIXES.has(w) && shape !== UPPER) pushAnchor(anchors, t, from, to, i - 1, i, 0.4);
      continue;
    }
    if (UNIT_WORDS.has(w) && t.kind(after(t, i)) === NUM) {
      // "P.O. Box 12" and "PO Box 12" start before the unit word.
      const poStart = t.lower(i - 1) === 'po' ? i - 1 : t.lower(i - 2) === 'o' && t.lower(i - 4) === 'p' ? i - 4 : -1;
      const po = w === 'box' && poStart >= 0;
      pushAnchor(anchors, t, from, to, po ? poStart : i, after(t, i), po || w === 'postbox' ? 0.7 : 0.45);
      continue;
    }
    if (w === 'psc' && t.kind(next) === NUM) {
      pushAnchor(anchors, t, from, to, i, next, 0.7);
      continue;
    }
    if (MILITARY_POST.has(w) && t.kind(next) === WORD && MILITARY_REGIONS.has(t.lower(next)) && t.kind(i + 2) === NUM) {
      pushAnchor(anchors, t, from, to, i, i + 2, 0.85);
      continue;
    }
    if (SHIP_PREFIXES.has(w) && shape === UPPER && t.kind(next) === WORD && t.shape(next) === TITLE) {
      pushAnchor(anchors, t, from, to, i, next, 0.5);
      continue;
    }
    if ((shape === LOWER && !lowerText) || t.kind(next) !== NUM || !t.spaceBefore(next)) continue;
    // Name then house number, the common continental order: "Harjukuja 54", "Hoge Wei 32".
    if (t.length(next) <= 4 && !NOT_STREET.has(w)) {
      pushAnchor(anchors, t, from, to, i, next, isCommon(i) ? 0.15 : 0.3);
      continue;
    }
    // Place then postcode at the end of a line: "Estonia 02561".
    if (t.length(next) === 5 && (i + 2 > to || t.kind(i + 2) !== WORD)) pushAnchor(anchors, t, from, to, i, next, 0.3);
  }
  return anchors;
}
