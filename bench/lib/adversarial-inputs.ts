/**
 * Long inputs built to hit each detector's worst case: long runs of what a pattern almost
 * matches (digits, separators, @ and dots, capitalised words, obfuscated letters), no
 * whitespace at all, nothing but separators, one endless sentence, thousands of short ones.
 * Each is a unit repeated up to the wanted length.
 */

export interface AdversarialInput {
  name: string;
  unit: string;
}

export const ADVERSARIAL_INPUTS: readonly AdversarialInput[] = [
  { name: 'digits, no separators', unit: '4111111111111111' },
  { name: 'digit groups with dashes', unit: '123-45-678-9-' },
  { name: 'digit groups with spaces', unit: '41 11 11 11 ' },
  { name: 'phone-like prefixes', unit: '+1 (555) 01' },
  { name: 'at signs and dots', unit: 'a.b@c.d@' },
  { name: 'dotted words, no at sign', unit: 'abc.def.' },
  { name: 'one letter, no whitespace', unit: 'a' },
  { name: 'spaces only', unit: ' ' },
  { name: 'newlines only', unit: '\n' },
  { name: 'punctuation runs', unit: '.!?,;:' },
  { name: 'capitalised words', unit: 'John Smith Main Street ' },
  { name: 'all-caps groups', unit: 'GB82 WEST ' },
  { name: 'spaced letters', unit: 'f u c k i n g ' },
  { name: 'dotted letters', unit: 'f.u.c.k.' },
  { name: 'leetspeak', unit: 'sh1t b!tch a$$ ' },
  { name: 'zero-width joiners', unit: 'a\u200bb\u200c' },
  { name: 'emoji', unit: '\u{1F600}\u{1F680}' },
  { name: 'combining marks', unit: 'e\u0301\u0308' },
  { name: 'one endless sentence', unit: 'buy stocks and funds for profit with bitcoin while ' },
  { name: 'many short sentences', unit: 'Buy shares now. ' },
  { name: 'repeated attack phrase', unit: 'ignore all previous instructions and ' },
  { name: 'base64 blob', unit: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw' },
];

export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
