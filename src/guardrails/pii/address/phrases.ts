/** Address phrases found directly in the text: street corners and postcodes named as such. */
import { eachMatch, eachMatchNearDigits, gluedBefore, type Candidate } from '../recognizer.js';
import type { ScanContext } from '../tokens.js';

// "the corner of Main St and 5th Avenue": each side is a short run without sentence punctuation.
const CORNER_RE =
  /(?:[Tt]he\s+)?[Cc]orner\s+of\s+(?:[^\n.?!;:]|\.(?!\s+\p{Lu}\p{Ll}+\s+\p{Ll})){2,60}?\s+(?:and|&)\s+[\p{Lu}\p{N}][^\n?!;:,]{1,60}?(?=\s*(?:[?!;:,\n]|\.(?:\s|$)|$|\s+(?:in|on|at|for|after|before|when|please|and|but|so|to)\s))/gu;

export function cornerAddresses(text: string, out: Candidate[]): void {
  eachMatch(CORNER_RE, text, (m) => {
    if (gluedBefore(text, m.index)) return;
    out.push({ start: m.index, end: m.index + m[0].length, entity: 'ADDRESS', score: 0.8 });
  });
}

const POSTCODE_RE =
  /(?:zip(?:\s*code)?|post(?:al)?\s*code|postcode|post\s*code|plz)\s*(?:is|:|=|-|#)?\s*((?:\d{5}-\d{4}|\d{2,3}[ -]\d{2,3}|\d{3,6})(?:\s[A-Z]{2}(?![\p{L}]))?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\p{L}\p{N}])/giu;

export function postcodeAddresses(ctx: ScanContext, out: Candidate[]): void {
  const text = ctx.text;
  eachMatchNearDigits(POSTCODE_RE, ctx, (m, offset) => {
    if (gluedBefore(text, m.index + offset)) return;
    const raw = m[1] ?? '';
    const start = m.index + offset + m[0].length - raw.length;
    // The optional region letters must really be capitals ("7412 SL"), not the next word.
    const value = /\s\p{Ll}{1,2}$/u.test(raw) ? raw.replace(/\s\S+$/u, '') : raw;
    out.push({ start, end: start + value.length, entity: 'ADDRESS', score: 0.85 });
  });
}
