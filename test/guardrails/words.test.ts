import { describe, expect, it } from 'vitest';
import { compileWordsDetector, wordsHoldback } from '../../src/guardrails/words.js';
import { foldText, foldTextTransient, toSourceSpan } from '../../src/guardrails/text-normalize.js';
import type { WordMatch, WordsDetectorOptions } from '../../src/guardrails/types.js';

const NONE: WordsDetectorOptions = { words: [], patterns: [], managed: [] };

function found(text: string, matches: WordMatch[]): string[] {
  return matches.map((m) => `${m.rule}:${text.slice(m.start, m.end)}`);
}

function run(opts: Partial<WordsDetectorOptions>, text: string): string[] {
  return found(text, compileWordsDetector({ ...NONE, ...opts })(text));
}

const profanity = compileWordsDetector({ ...NONE, managed: ['profanity'] });
const profane = (text: string): string[] => found(text, profanity(text));

describe('text folding', () => {
  it('maps folded offsets back to the source across astral characters', () => {
    const source = '😀 ÉCOLE';
    const folded = foldText(source);
    expect(folded.text).toBe('😀 ecole');
    const at = folded.text.indexOf('ecole');
    const span = toSourceSpan(folded, at, at + 5);
    expect(source.slice(span.start, span.end)).toBe('ÉCOLE');
  });

  it('drops zero-width characters and the soft hyphen', () => {
    expect(foldText('se\u200Bcr\u00ADet\u2060').text).toBe('secret');
  });

  it('folds full-width letters, ligatures and the sharp s', () => {
    expect(foldText('ＡＢＣ ﬁne Straße').text).toBe('abc fine strasse');
  });

  it('folds without allocating exactly as foldText does', () => {
    const source = 'Ünïcode ﬁne 😀 Straße';
    const expected = foldText(source);
    const folded = foldTextTransient(source);
    expect(folded.text).toBe(expected.text);
    for (let i = 0; i < expected.text.length; i++) {
      expect(toSourceSpan(folded, i, i + 1)).toEqual(toSourceSpan(expected, i, i + 1));
    }
  });

  it('keeps Indic vowel signs, which are letters of the word and not accents', () => {
    expect(foldText('हिंदी').text).toBe('हिंदी');
  });
});

describe('custom words', () => {
  it('matches case-insensitively and only whole words', () => {
    expect(run({ words: ['Unicode'] }, 'UNICODE, unicode; unicodes and multiunicode')).toEqual([
      'custom:UNICODE',
      'custom:unicode',
    ]);
  });

  it('ignores accents on either side', () => {
    expect(run({ words: ['Ünïcode'] }, 'plain unicode here')).toEqual(['custom:unicode']);
    expect(run({ words: ['cafe'] }, 'le Café noir')).toEqual(['custom:Café']);
  });

  it('matches a phrase across line breaks and repeated spaces', () => {
    expect(run({ words: ['project falcon'] }, 'see Project\n   Falcon today')).toEqual(['custom:Project\n   Falcon']);
  });

  it('falls back to the shorter phrase when the longer one is not word-bounded', () => {
    expect(run({ words: ['new york', 'new'] }, 'a New Yorker in new york')).toEqual(['custom:New', 'custom:new york']);
  });

  it('reports source offsets after emoji and astral characters', () => {
    const text = '🎉𝒜 🚀 top secret';
    const [match] = compileWordsDetector({ ...NONE, words: ['secret'] })(text);
    expect(match).toMatchObject({ start: text.indexOf('secret'), end: text.length, rule: 'custom' });
  });

  it('matches words written with symbols, such as c++', () => {
    expect(run({ words: ['c++'] }, 'I write C++ daily')).toEqual(['custom:C++']);
  });

  it('matches Chinese words inside a sentence without spaces', () => {
    expect(run({ words: ['机密'] }, '这是机密文件')).toEqual(['custom:机密']);
  });

  it('sees through zero-width characters inserted into the word', () => {
    expect(run({ words: ['falcon'] }, 'the fal\u200Bcon plan')).toEqual(['custom:fal\u200Bcon']);
  });

  it('ignores empty and whitespace-only entries', () => {
    expect(run({ words: ['', '   '] }, 'anything at all')).toEqual([]);
  });
});

describe('patterns', () => {
  it('names the rule after the pattern index', () => {
    expect(run({ patterns: ['\\bTKT-\\d{4}\\b', 'acme\\s+corp'] }, 'ACME   Corp filed TKT-1234')).toEqual([
      'pattern:1:ACME   Corp',
      'pattern:0:TKT-1234',
    ]);
  });

  it('matches case-insensitively', () => {
    expect(run({ patterns: ['secret'] }, 'SeCrEt')).toEqual(['pattern:0:SeCrEt']);
  });

  it('skips a pattern that does not compile instead of throwing', () => {
    expect(run({ patterns: ['(', 'ok'] }, 'ok then')).toEqual(['pattern:1:ok']);
  });

  it('never reports an empty match', () => {
    expect(run({ patterns: ['x*'] }, 'abc xx')).toEqual(['pattern:0:xx']);
  });

  it('accepts patterns valid only outside Unicode mode', () => {
    expect(run({ patterns: ['\\-\\d{2}'] }, 'code -42')).toEqual(['pattern:0:-42']);
  });
});

describe('managed profanity', () => {
  it.each([
    ['what the fuck is this', 'fuck'],
    ['this is bullshit', 'bullshit'],
    ['stop being a bitch', 'bitch'],
    ['he is an asshole', 'asshole'],
    ['you stupid cunt', 'cunt'],
    ['these hoes are lying', 'hoes'],
    ['go jerk off elsewhere', 'jerk off'],
  ])('flags plain profanity in %j', (text, word) => {
    expect(profane(text)).toEqual([`profanity:${word}`]);
  });

  it.each([
    ['sh1t happens', 'sh1t'],
    ['f u c k this', 'f u c k'],
    ['what the f*ck', 'f*ck'],
    ['what the f**k', 'f**k'],
    ['you a$$hole', 'a$$hole'],
    ['fuuuuuuck it', 'fuuuuuuck'],
    ['s.h.i.t happens', 's.h.i.t'],
    ['b!tch please', 'b!tch'],
    ['ｆｕｃｋ it', 'ｆｕｃｋ'],
    ['fück it', 'fück'],
    ['sh\u200Bit happens', 'sh\u200Bit'],
  ])('flags the obfuscation in %j', (text, word) => {
    expect(profane(text)).toEqual([`profanity:${word}`]);
  });

  it('flags slurs', () => {
    expect(profane('get out, you faggot')).toEqual(['profanity:faggot']);
  });

  it.each([
    'We drove through Scunthorpe.',
    'The assessment is due.',
    'A cocktail before dinner.',
    'She lives in Essex.',
    'The Sussex coast.',
    'We read Dickens.',
    'The class starts at nine.',
    'The grass is green.',
    'What is the title?',
    'My therapist agrees.',
    'It was a hell of a game.',
    'The cockpit door was locked.',
    'Shiitake mushrooms and cumin.',
    'Human trafficking is a crime.',
    'The plant at Fukushima.',
    'Jack of all trades.',
    'Room 455 on floor 4.',
  ])('lets the classic false positive %j pass', (text) => {
    expect(profane(text)).toEqual([]);
  });

  it.each(['Damn, I forgot.', 'What the hell?', 'This printer is crap.'])(
    'does not count the mild oath in %j',
    (text) => {
      expect(profane(text)).toEqual([]);
    },
  );

  it.each(['Sex education matters.', 'The doctor examined the penis.', 'Rape crisis centres help.'])(
    'leaves the clinical or neutral word in %j to the content filter',
    (text) => {
      expect(profane(text)).toEqual([]);
    },
  );

  it('reads leet punctuation inside a word that goes on in accented letters', () => {
    expect(profane('b!tché')).toEqual(['profanity:b!tché']);
  });

  it('finds profanity on both sides of an emoji in otherwise plain text', () => {
    expect(profane('Ünïcode sh1t 😀 b!tch')).toEqual(['profanity:sh1t', 'profanity:b!tch']);
  });

  it('reports a short text in its own offsets after a long one', () => {
    profanity(`${'x '.repeat(5000)}sh1t`);
    expect(profanity('oh sh1t')).toEqual([{ start: 3, end: 7, rule: 'profanity' }]);
  });

  it('reports the whole word in source offsets after emoji', () => {
    const text = '😀👍🏽 so fucking good';
    const [match] = profanity(text);
    expect(match).toEqual({ start: text.indexOf('fucking'), end: text.indexOf(' good'), rule: 'profanity' });
  });

  it('reports nothing for empty text', () => {
    expect(profanity('')).toEqual([]);
  });

  it('is off unless managed', () => {
    expect(run({ words: ['x'] }, 'fuck')).toEqual([]);
  });
});

describe('combined rules', () => {
  it('reports a region once when a custom word and profanity both match it', () => {
    expect(run({ words: ['shit'], managed: ['profanity'] }, 'oh shit')).toEqual(['custom:shit']);
  });

  it('drops a pattern hit lying inside a longer profanity hit', () => {
    expect(run({ patterns: ['fuck'], managed: ['profanity'] }, 'fucking hell')).toEqual(['profanity:fucking']);
  });

  it('returns matches sorted by position', () => {
    const text = 'TKT-1234 then falcon then shit';
    const matches = compileWordsDetector({ words: ['falcon'], patterns: ['TKT-\\d+'], managed: ['profanity'] })(text);
    expect(found(text, matches)).toEqual(['pattern:0:TKT-1234', 'custom:falcon', 'profanity:shit']);
  });
});

describe('wordsHoldback', () => {
  it('counts the longest phrase in words', () => {
    expect(wordsHoldback({ ...NONE, words: ['one', 'a  b   c'] })).toEqual({ words: 3, unboundedPatterns: false });
  });

  it('holds back enough for words spelled out letter by letter when profanity is on', () => {
    expect(wordsHoldback({ ...NONE, managed: ['profanity'] }).words).toBeGreaterThanOrEqual(4);
  });

  it('flags a pattern that can span any number of words', () => {
    expect(wordsHoldback({ ...NONE, patterns: ['begin.*end'] }).unboundedPatterns).toBe(true);
  });

  it('counts the words a bounded pattern can span', () => {
    expect(wordsHoldback({ ...NONE, patterns: ['acme\\s+corp\\s+ltd'] })).toEqual({ words: 3, unboundedPatterns: false });
  });
});
