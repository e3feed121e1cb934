/**
 * Relevance of an answer to its query, from three lexical signals (the best one wins):
 * - echo: the answer takes up the query's own terms;
 * - bridge: the answer's terms sit in source sentences about the query, which is how a terse
 *   answer ("1931", "Linden Press") shows that it addresses the question;
 * - shape: a short answer has the shape the question asks for (question-shape.ts).
 * An answer made only of the question's words restates it rather than answering it.
 */
import { isChoiceQuestion, shapeOf, shapeScore } from './question-shape.js';
import { resolveTerm, type ResolvedTerm } from './resolve.js';
import { indexSources, sentenceOf, type SourceIndex } from './source-index.js';
import { tokenize, type TokenizedText } from './tokens.js';

export interface RelevanceInput {
  answerText: string;
  answer: TokenizedText;
  /** Answer terms resolved against the sources. */
  resolved: readonly ResolvedTerm[];
  query: string | undefined;
  index: SourceIndex;
}

/** Score of an answer with no lexical tie to the query at all. */
const UNRELATED_FLOOR = 0.1;
/** Score of an answer that only restates the question ("Who wrote it?" "The writer wrote it."). */
const RESTATEMENT_SCORE = 0.3;
const RESTATEMENT_MIN_TERMS = 3;
/** Match level at which an answer term counts as taken from the query. */
const RESTATED_LEVEL = 0.85;
/** Query weight that puts a source sentence fully on the query's topic (one name, or two words). */
const FOCUS_WEIGHT = 2;
/** Focus of a sentence tied to an on-topic one by a shared name or as its pronoun's antecedent. */
const HOP_LEVEL = 0.8;
/** Focus of the other sentences of a source that is about the query: a passage keeps to a topic. */
const PASSAGE_LEVEL = 0.4;
/** The same for a phrase-length answer or a list of names, to a what/which/who question. */
const TERSE_PASSAGE_LEVEL = 0.6;
const TERSE_TERMS = 3;

function totalWeight(items: readonly ResolvedTerm[]): number {
  return items.reduce((sum, item) => sum + item.weight, 0);
}

/** Distinct terms only: a query or answer repeating a word does not make it weigh more. */
function distinctTerms(items: readonly ResolvedTerm[]): ResolvedTerm[] {
  const byStem = new Map<string, ResolvedTerm>();
  for (const item of items) if (!byStem.has(item.term.stem)) byStem.set(item.term.stem, item);
  return [...byStem.values()];
}

interface Echo {
  /** Weighted share of the answer that repeats the query, doubled: half an echo is on topic. */
  score: number;
  /** Every term of a multi-term answer comes from the query. */
  restates: boolean;
}

function echoOf(answer: readonly ResolvedTerm[], query: string): Echo {
  const queryIndex = indexSources([query]);
  const total = totalWeight(answer);
  if (total === 0) return { score: 0, restates: false };
  let echoed = 0;
  let repeated = 0;
  for (const item of answer) {
    const level = resolveTerm(item.term, queryIndex).level;
    echoed += item.weight * level;
    if (level >= RESTATED_LEVEL) repeated += 1;
  }
  const restates = answer.length >= RESTATEMENT_MIN_TERMS && repeated === answer.length;
  return { score: Math.min(1, (2 * echoed) / total), restates };
}

/** How far each source sentence is about the query (see the *_LEVEL constants). */
function queryFocus(
  queryTerms: readonly ResolvedTerm[],
  index: SourceIndex,
  passageLevel: number,
): Map<number, number> {
  const focus = new Map<number, number>();
  const raise = (sentence: number, level: number): void => {
    focus.set(sentence, Math.max(focus.get(sentence) ?? 0, level));
  };
  const queryWeight = new Map<number, number>();
  for (const item of queryTerms) {
    if (item.level === 0 || item.positions === undefined) continue;
    const sentences = new Set(item.positions.map((position) => sentenceOf(index, position)));
    for (const sentence of sentences) {
      queryWeight.set(sentence, (queryWeight.get(sentence) ?? 0) + item.weight * item.level);
    }
  }
  // A short query may never reach FOCUS_WEIGHT: its best-matching sentence is then on topic.
  const needed = Math.min(FOCUS_WEIGHT, Math.max(0, ...queryWeight.values()));
  const focusNames = new Set<string>();
  const focusSources = new Set<number>();
  for (const [sentence, weight] of queryWeight) {
    raise(sentence, Math.min(1, weight / needed));
    if (weight < needed) continue;
    focusSources.add(index.sentenceSource[sentence] ?? -1);
    for (const name of index.namesBySentence.get(sentence) ?? []) focusNames.add(name);
    // "It spans the Tolvern River." is about the subject of the sentence before it.
    if (index.pronounSentences.has(sentence) && !index.sourceFirstSentences.has(sentence)) {
      raise(sentence - 1, HOP_LEVEL);
    }
  }
  for (const [sentence, names] of index.namesBySentence) {
    if ([...names].some((name) => focusNames.has(name))) raise(sentence, HOP_LEVEL);
  }
  index.sentenceSource.forEach((source, sentence) => {
    if (focusSources.has(source)) raise(sentence, passageLevel);
  });
  return focus;
}

/** Weighted share of the answer found in source sentences about the query, each term at its best. */
function bridgeScore(
  answer: readonly ResolvedTerm[],
  queryTerms: readonly ResolvedTerm[],
  index: SourceIndex,
  passageLevel: number,
): number {
  const total = totalWeight(answer);
  if (total === 0) return 0;
  const focus = queryFocus(queryTerms, index, passageLevel);
  let onQuery = 0;
  for (const item of answer) {
    if (item.level === 0 || item.positions === undefined) continue;
    let best = 0;
    for (const position of item.positions) best = Math.max(best, focus.get(sentenceOf(index, position)) ?? 0);
    onQuery += item.weight * item.level * best;
  }
  return onQuery / total;
}

export function scoreRelevance(input: RelevanceInput): number {
  const query = typeof input.query === 'string' ? input.query : '';
  const queryTokens = tokenize(query, { splitClauses: false });
  if (queryTokens.terms.length === 0 || input.answerText.trim().length === 0) return 1;
  const shape = shapeOf(query);
  const shaped = shapeScore(shape, input.answerText, input.answer);
  const answer = distinctTerms(input.resolved);
  if (answer.length === 0) return Math.max(shaped, UNRELATED_FLOOR);
  const echo = echoOf(answer, query);
  if (echo.restates && shape !== 'verdict' && !isChoiceQuestion(query)) return RESTATEMENT_SCORE;
  const queryTerms = distinctTerms(queryTokens.terms.map((term) => resolveTerm(term, input.index)));
  // A short phrase lifted from a passage about the query is the usual answer to "what"/"which"/"who".
  const phrase = answer.length <= TERSE_TERMS || answer.every((item) => item.term.kind === 'entity');
  const terse = phrase && (shape === 'any' || shape === 'name');
  const bridge = bridgeScore(answer, queryTerms, input.index, terse ? TERSE_PASSAGE_LEVEL : PASSAGE_LEVEL);
  const tie = Math.max(echo.score, bridge);
  return Math.max(UNRELATED_FLOOR, shaped, UNRELATED_FLOOR + (1 - UNRELATED_FLOOR) * tie);
}
