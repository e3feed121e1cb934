import { describe, expect, it } from 'vitest';
import { boundRepeats, checkPattern, MAX_REPEAT } from '../../src/guardrails/safe-pattern.js';

describe('checkPattern', () => {
  it.each(['\\bTKT-\\d{4}\\b', 'acme\\s+corp', '(?<!x)secret', '\\p{L}+ing', '(?:cat|car)+s', '\\d+-\\d+', '[^\\s@]+@[^\\s@]+\\.com'])(
    'accepts the safe pattern %j',
    (pattern) => {
      expect(checkPattern(pattern)).toBeNull();
    },
  );

  it('explains a pattern that does not compile', () => {
    expect(checkPattern('([a-z')).toMatch(/^invalid regular expression: /);
  });

  it('rejects unknown flags', () => {
    expect(checkPattern('abc', 'gq')).toBe('invalid regular expression flags: gq');
  });

  it('checks the pattern with the flags it will run with', () => {
    expect(checkPattern('\\p{L}', 'u')).toBeNull();
    expect(checkPattern('(?<=\\p{Lu', 'u')).toMatch(/^invalid regular expression: /);
  });

  it.each(['(a+)+', '(\\w+\\s?)*$', '(x{2,}){3,}', '(a*)+?', '([a-z]?\\d*)+?x'])('rejects the nested quantifier in %j', (pattern) => {
    expect(checkPattern(pattern)).toBe('may backtrack catastrophically (nested quantifier)');
  });

  it.each(['(a|aa)+b', '(\\w|\\d)+x'])('rejects the overlapping alternatives in %j', (pattern) => {
    expect(checkPattern(pattern)).toBe('may backtrack catastrophically (overlapping alternatives under a repeat)');
  });

  it('rejects repeats that trade characters before a failing tail', () => {
    expect(checkPattern('\\S+@\\S+\\.com')).toMatch(/^may backtrack heavily \(two repeats/);
  });

  it('counts a trailing word boundary as a tail that can fail', () => {
    expect(checkPattern('\\p{L}+\\p{L}{2,}\\b')).toMatch(/^may backtrack heavily \(two repeats/);
  });

  it('accepts overlapping repeats at the very end, where nothing can fail after them', () => {
    expect(checkPattern('[a-z]+[a-z0-9]*')).toBeNull();
  });

  it.each(['', 'a*', 'x?', '\\b', '(?=x)', 'foo|', '^$'])('rejects %j, which can match the empty string', (pattern) => {
    expect(checkPattern(pattern)).toBe('can match the empty string');
  });

  it('rejects more quantifiers than safe-regex2 allows', () => {
    expect(checkPattern('a+'.repeat(26))).toBe('too many quantifiers (more than 25)');
  });

  it('rejects very long patterns', () => {
    expect(checkPattern('a'.repeat(1001))).toMatch(/^pattern too long/);
  });
});

describe('boundRepeats', () => {
  it('caps unbounded repeats and keeps laziness', () => {
    expect(boundRepeats('a+b*?c{2,}', true)).toBe(`a{1,${MAX_REPEAT}}b{0,${MAX_REPEAT}}?c{2,${MAX_REPEAT}}`);
  });

  it('leaves quantifiers inside character classes and small bounds alone', () => {
    expect(boundRepeats('[+*]x{1,5}', true)).toBe('[+*]x{1,5}');
  });

  it('keeps a minimum count above the cap', () => {
    expect(boundRepeats('\\d{100,}', true)).toBe('\\d{100,100}');
  });

  it('still finds a long run, only shorter', () => {
    const regex = new RegExp(boundRepeats('x\\d+', true), 'g');
    expect(regex.exec(`x${'1'.repeat(200)}`)?.[0].length).toBe(1 + MAX_REPEAT);
  });
});
