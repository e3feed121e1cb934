/**
 * What shape of answer a question asks for, and whether a short answer has it: a number for
 * "how many", a time for "when", a name for "who"/"where", a verdict for a yes/no question.
 */
import { polarityWords } from './lexicon.js';
import { foldKey, type TokenizedText } from './tokens.js';

export type AnswerShape = 'verdict' | 'number' | 'time' | 'name' | 'any';

/** Score of an answer that has the requested shape but no other tie to the query. */
const SHAPE_MATCH_SCORE = 0.7;
/** Longest answer (in content terms) whose shape alone can show it answers the question. */
const SHORT_ANSWER_TERMS = 6;
/** Answers this short are phrases, so a capital letter at their start marks a name. */
const PHRASE_TERMS = 3;

const YES_NO_OPENERS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'has', 'have', 'had', 'will', 'would',
  'should', 'may', 'might', 'must', 'shall',
]);
const WH_WORD = /\b(?:what|which|who|whom|whose|when|where|why|how)\b/u;
const FIRST_WORD = /[\p{L}\p{N}]+/u;
const NUMBER_QUESTION = /\bhow (?:many|much|long|old|far|tall|big|large|high)\b|\bpopulation\b|\bnumber of\b/u;
const TIME_QUESTION = /\bwhen\b|\byear\b|\bdate\b|\bcentury\b|\bdecade\b/u;
const NAME_QUESTION =
  /\bwho(?:m|se)?\b|\bwhere\b|\b(?:what|which) (?:nationality|country|city|county|state|town|region|language)\b/u;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/iu;
/** "A or B?" questions are rightly answered with their own words. */
const CHOICE = /\bor\b/iu;

export function shapeOf(query: string): AnswerShape {
  const lower = query.toLowerCase();
  const first = foldKey(FIRST_WORD.exec(lower)?.[0] ?? '');
  if (YES_NO_OPENERS.has(first) || (!WH_WORD.test(lower) && lower.trimEnd().endsWith('?'))) return 'verdict';
  if (!WH_WORD.test(lower)) return 'any';
  if (NUMBER_QUESTION.test(lower)) return 'number';
  if (TIME_QUESTION.test(lower)) return 'time';
  return NAME_QUESTION.test(lower) ? 'name' : 'any';
}

export function isChoiceQuestion(query: string): boolean {
  return CHOICE.test(query);
}

/** Score for having the requested shape; 0 when the shape is unknown, absent or the answer long. */
export function shapeScore(shape: AnswerShape, answerText: string, answer: TokenizedText): number {
  if (shape === 'verdict') return polarityWords.has(foldKey(FIRST_WORD.exec(answerText)?.[0] ?? '')) ? 1 : 0;
  if (answer.terms.length > SHORT_ANSWER_TERMS) return 0;
  const hasNumber = answer.terms.some((term) => term.kind === 'number' || term.alt !== undefined);
  const phrase = answer.terms.length <= PHRASE_TERMS;
  const hasName = answer.terms.some((term) => term.kind === 'entity' || term.name >= 0 || (phrase && term.leading));
  switch (shape) {
    case 'number':
      return hasNumber ? SHAPE_MATCH_SCORE : 0;
    case 'time':
      return hasNumber || MONTH.test(answerText) ? SHAPE_MATCH_SCORE : 0;
    case 'name':
      return hasName ? SHAPE_MATCH_SCORE : 0;
    case 'any':
      return 0;
  }
}
