/**
 * Cue phrases just before a capitalised run. Matched on the preceding tokens (not with regexes
 * over the raw text) so the cost per candidate is a few set look-ups.
 */
import { NEWLINE, PUNCT, type Tokens } from '../tokens.js';

export type Cue = 'strong' | 'weak' | 'location' | 'determiner';

const FAMILY =
  'son daughter kid kids child wife husband partner brother sister mother father mom mum dad friend boss ' +
  'colleague grandfather grandmother grandson granddaughter uncle aunt cousin nephew niece fiance fiancee ' +
  'girlfriend boyfriend neighbour neighbor roommate';

const PHRASES: Record<Cue, string[]> = {
  strong: [
    'name is', 'name was', 'name :', 'name =', 'name -', 'name ?', 'names are', 'named', 'called', 'call me',
    'calls me', 'named him', 'named her', 'call him', 'call her', 'called him', 'called her', 'calls him', 'calls her', 'known as', 'aka', 'signed', 'signed by', 'dear', 'hi', 'hello', 'hey', 'this is', 'i am', "i'm",
    'im', 'regards', 'sincerely', 'cheers', 'thanks', 'thank you', 'c / o', 'attn', 'attention', 'directed by',
    'written by', 'produced by', 'performed by', 'painted by', 'composed by', 'created by', 'authored by',
    'author :', 'from :', 'to :', 'cc :', 'user :', 'under', 'add', 'meet', 'ask for', 'speak to', 'speak with',
    'talk to', 'talking to', 'patient :', 'client :', 'customer :', 'contact :', 'guardian :', 'beneficiary :',
    'assistant to', 'married to', 'engaged to', 'son of', 'daughter of', 'wife of', 'husband of', 'mother of',
    'father of', 'widow of', 'says', 'said', 'asks', 'explains', 'adds', 'according to',
    ...FAMILY.split(' ').flatMap((w) => [`my ${w}`, `his ${w}`, `her ${w}`, `our ${w}`, `their ${w}`]),
  ],
  weak: [
    'by', 'with', 'and', 'said', 'says', 'say', 'told', 'tell', 'asked', 'ask', 'featuring', 'features',
    'starring', 'including', 'between', 'unlike', 'about', 'for', 'met', 'invite', 'invited', 'married', 'email',
    'emailed', 'text', 'contact', 'ex -', 'producer', 'songwriter', 'player', 'singer', 'actor', 'actress', 'author',
    'writer', 'director', 'commenter', 'host', 'speaker', 'ceo', 'founder', 'manager', 'doctor', 'nurse', 'teacher',
    'professor', 'officer', 'agent', 'lawyer', 'guest', 'early', 'late', 'name',
  ],
  location: [
    'in', 'at', 'near', 'into', 'toward', 'towards', 'across', 'around', 'through', 'via', 'outside', 'inside',
    'within', 'of', 'on', 'visit', 'visiting', 'visited', 'from', 'to', 'city', 'town', 'village', 'country',
    'capital', 'province', 'state', 'region', 'island', 'county', 'district', 'municipality', 'suburb',
  ],
  determiner: ['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'their', 'its', 'every', 'each'],
};

const TABLES = Object.fromEntries(
  Object.entries(PHRASES).map(([cue, list]) => {
    const byLast = new Map<string, string[][]>();
    for (const phrase of list) {
      const words = phrase.split(' ');
      const last = words[words.length - 1] as string;
      const bucket = byLast.get(last) ?? [];
      bucket.push(words);
      byLast.set(last, bucket);
    }
    return [cue, byLast];
  }),
) as Record<Cue, Map<string, string[][]>>;

function norm(tokens: Tokens, i: number): string {
  const s = tokens.lower(i);
  return s.includes('’') ? s.replace(/’/g, "'") : s;
}

function matchesAt(tokens: Tokens, end: number, table: Map<string, string[][]>): boolean {
  const kind = tokens.kind(end);
  if (kind === 0 || kind === NEWLINE || tokens.length(end) > 12) return false;
  const bucket = table.get(norm(tokens, end));
  if (!bucket) return false;
  for (const words of bucket) {
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      const i = end - k;
      const kk = tokens.kind(i);
      if (kk === 0 || kk === NEWLINE || norm(tokens, i) !== words[words.length - 1 - k]) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** Does a cue of this kind end right before token `first` (optionally followed by ',' ':' '-')? */
export function cueBefore(tokens: Tokens, first: number, cue: Cue): boolean {
  const table = TABLES[cue];
  if (matchesAt(tokens, first - 1, table)) return true;
  const prev = first - 1;
  const skippable = tokens.kind(prev) === PUNCT && (tokens.isPunct(prev, ',') || tokens.isPunct(prev, ':') || tokens.isPunct(prev, '-'));
  return skippable && matchesAt(tokens, first - 2, table);
}
