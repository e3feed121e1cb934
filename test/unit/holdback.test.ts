import { describe, expect, it } from 'vitest';
import { holdbackStart, sentenceEnd, type HoldbackNeeds } from '../../src/guardrails/engine/holdback.js';
import { Pseudonymizer, applyMasks } from '../../src/guardrails/engine/mask.js';
import type { Finding } from '../../src/guardrails/engine/findings.js';

const needs = (over: Partial<HoldbackNeeds> = {}): HoldbackNeeds => ({ capitalised: false, spelledOut: false, phrases: [], phraseWords: 1, placeholders: false, maxChars: 256, ...over });
const held = (text: string, n = needs()) => text.slice(holdbackStart(text, n));

describe('stream hold-back', () => {
  it('holds only the last partial word of prose', () => {
    expect(held('The weather is fine tod')).toBe('tod');
    expect(held('The weather is fine ')).toBe('');
  });

  it('holds a run of value-like tokens that may still grow', () => {
    expect(held('Call me on +1 415 555')).toBe('+1 415 555');
    expect(held('card 4111 1111 1111 ')).toBe('4111 1111 1111 ');
    expect(held('iban GB82 WEST 1234')).toBe('GB82 WEST 1234');
    expect(held('write to jane.doe@exa')).toBe('jane.doe@exa');
  });

  it('holds capitalised words only when names or addresses are looked for', () => {
    expect(held('I met John Smi')).toBe('Smi');
    expect(held('I met John Smi', needs({ capitalised: true }))).toBe('John Smi');
  });

  it('holds trailing words only while they begin a custom phrase', () => {
    const phrases = { phrases: [['project', 'falcon'], ['quantum', 'ledger', 'entry']] };
    expect(held('we call it Project ', needs(phrases))).toBe('Project ');
    expect(held('we call it project fal', needs(phrases))).toBe('project fal');
    expect(held('we call it project x', needs(phrases))).toBe('x');
    expect(held('the quantum ledger ', needs(phrases))).toBe('quantum ledger ');
    expect(held('the quantum physics ', needs(phrases))).toBe('');
    expect(held('Start Saturday with', needs(phrases))).toBe('with');
  });

  it('holds as many words as a regex pattern may span', () => {
    expect(held('we call it project ', needs({ phraseWords: 2 }))).toBe('project ');
  });

  it('holds single letters that may spell a word out when profanity is on', () => {
    expect(held('well f u c', needs({ spelledOut: true }))).toBe('f u c');
    expect(held('well f u c')).toBe('c');
  });

  it('holds an unclosed placeholder', () => {
    expect(held('sent to {EMAIL_3f', needs({ placeholders: true }))).toBe('{EMAIL_3f');
  });

  it('never holds more than maxChars', () => {
    const digits = Array.from({ length: 200 }, () => '12').join(' ');
    expect(held(digits, needs({ maxChars: 64 })).length).toBe(64);
  });

  it('finds the end of the last complete sentence', () => {
    expect(sentenceEnd('One. Two! Thr')).toBe(10);
    expect(sentenceEnd('no end yet')).toBe(0);
  });
});

describe('masking', () => {
  const f = (start: number, end: number, action: Finding['action'], detail = 'EMAIL'): Finding => ({ policy: 'p', kind: 'pii', action, detail, score: 1, start, end });

  it('replaces spans by action and keeps overlapping spans from leaking', () => {
    expect(applyMasks('a bob@x.io b', [f(2, 10, 'anonymized')])).toBe('a {EMAIL} b');
    expect(applyMasks('a damn b', [f(2, 6, 'masked', 'profanity')])).toBe('a *** b');
    expect(applyMasks('0123456789', [f(1, 5, 'anonymized'), f(3, 8, 'anonymized', 'PHONE')])).toBe('0{EMAIL}89');
  });

  it('gives one value the same placeholder every time, per key, and restores only its own', () => {
    const a = new Pseudonymizer(Buffer.from('tenant-a'));
    const p1 = a.placeholder('EMAIL', 'x@y.z');
    expect(p1).toMatch(/^\{EMAIL_[0-9a-f]{4}\}$/);
    expect(new Pseudonymizer(Buffer.from('tenant-a')).placeholder('EMAIL', 'x@y.z')).toBe(p1);
    expect(new Pseudonymizer(Buffer.from('tenant-b')).placeholder('EMAIL', 'x@y.z')).not.toBe(p1);
    expect(a.restore(`to ${p1} and {EMAIL_abcd}`)).toBe('to x@y.z and {EMAIL_abcd}');
  });
});
