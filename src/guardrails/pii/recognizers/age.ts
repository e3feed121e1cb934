/** AGE: a person's age in years ("34 years old", "a 38-year-old", "aged 34", "I'm 34", "turned 50"). */
import { eachMatch, eachMatchNearDigits, gluedBefore, type Candidate, type Recognizer } from '../recognizer.js';

const NUMBER_WORDS =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|' +
  'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)';

// Things that have ages too; "a 200-year-old oak" is not about a person.
const NOT_A_PERSON =
  '(?:building|house|home|car|truck|vehicle|tree|oak|wine|whisky|whiskey|bottle|scotch|company|firm|business|tradition|' +
  'recipe|law|bridge|church|castle|church|record|song|film|movie|book|painting|photo|bone|fossil|rock|software|code|' +
  'computer|laptop|phone|device|machine|engine|boat|ship|plane|building|brand|institution|problem|debate|question|mystery)';

// Patterns with a digit value run only near digits; the spelled-out form only when "year" occurs.
const DIGIT_PATTERNS: { re: RegExp; score: number }[] = [
  {
    re: new RegExp(
      `(\\d{1,3})(?:\\s*-\\s*|\\s+)?(?:years?|yrs?|yr)(?:\\s*-\\s*|\\s+)(?:old|of\\s+age)(?![a-z])(?!\\s*-?\\s*${NOT_A_PERSON}\\b)`,
      'gi',
    ),
    score: 0.85,
  },
  { re: /(\d{1,3})\s*(?:y\/o|y\.o\.?|yo|yrs? old)(?![A-Za-z0-9])/gi, score: 0.85 },
  { re: /aged?\s*(?:of\s+|:|=|-|is\s+)?\s*(\d{1,3})(?!\d|\s*(?:%|percent|days?|weeks?|months?|hours?|minutes?)\b)/gi, score: 0.8 },
  {
    re: /(?:i\s+am|i'm|i’m|im|he\s+is|she\s+is|he's|she's|he’s|she’s)\s+(\d{1,3})(?=\s*(?:[.,!?;)]|$|and\b|now\b|today\b|this\s+year\b|next\b|too\b|already\b))/gim,
    score: 0.7,
  },
  {
    re: /(?:turn(?:ed|s|ing)?|will\s+be|'ll\s+be|am\s+going\s+to\s+be)\s+(\d{1,3})(?=\s*(?:[.!?;,]|$|years?\b|this\b|next\b|today\b|tomorrow\b|soon\b|on\b|in\b|last\b))/gim,
    score: 0.7,
  },
  {
    re: /(?:when|since|until|till|before|after|by\s+the\s+time)\s+(?:i|he|she|they|we|you)\s+(?:was|were|am|is|are|turned)\s+(\d{1,3})(?=\s*(?:[.!?;,]|$|years?\b|and\b))/gim,
    score: 0.7,
  },
  { re: /(?:retired|died|married|graduated|passed\s+away)\s+at\s+(\d{1,3})(?!\d)(?!\s*(?:%|am|pm|a\.m|p\.m|o'clock|:))/gi, score: 0.7 },
];
const WORD_PATTERN = new RegExp(
  `(${NUMBER_WORDS})(?:\\s*-\\s*|\\s+)(?:years?|yrs?)(?:\\s*-\\s*|\\s+)(?:old|of\\s+age)(?![a-z])(?!\\s*-?\\s*${NOT_A_PERSON}\\b)`,
  'gi',
);
const YEAR_WORD = /years?\s*-?\s*old|years?\s+of\s+age/i;

const THING_BEFORE = new RegExp(`\\b${NOT_A_PERSON}s?\\s+(?:\\w+\\s+){0,2}(?:is|was|are|were|being|turns|turned)\\s+(?:about\\s+|almost\\s+|over\\s+|nearly\\s+)?$`, 'i');

const WORD_VALUES: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

function ageValue(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw
    .toLowerCase()
    .split(/[- ]/)
    .reduce((sum, w) => sum + (WORD_VALUES[w] ?? 0), 0);
}

export function ageRecognizer(): Recognizer {
  const push = (text: string, out: Candidate[], m: RegExpExecArray, at: number, score: number): void => {
    const value = m[1];
    if (!value || gluedBefore(text, at, '.,')) return;
    // "The building is 120 years old": the thing that has the age comes first.
    if (THING_BEFORE.test(text.slice(Math.max(0, at - 40), at))) return;
    const n = ageValue(value);
    if (n < 1 || n > 125) return;
    const start = at + m[0].indexOf(value);
    out.push({ start, end: start + value.length, entity: 'AGE', score });
  };
  return {
    entity: 'AGE',
    find(text, out, ctx) {
      for (const { re, score } of DIGIT_PATTERNS) {
        eachMatchNearDigits(re, ctx, (m, offset) => push(text, out, m, m.index + offset, score));
      }
      if (YEAR_WORD.test(text)) eachMatch(WORD_PATTERN, text, (m) => push(text, out, m, m.index, 0.85));
    },
  };
}
