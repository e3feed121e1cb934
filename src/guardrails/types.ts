/**
 * Contracts between the guardrail engine and the local detectors.
 *
 * Every detector is compiled once per config load (`compile*`) and then called per text as a
 * pure function. Detectors never throw on any input text and never return the matched text:
 * offsets are JavaScript string indices (UTF-16 code units), `end` exclusive.
 */

export type Direction = 'input' | 'output';
export type Confidence = 'low' | 'medium' | 'high';

export interface Span {
  start: number;
  end: number;
}

// ---- sensitive information (src/guardrails/pii/) ----------------------------------------
export interface PiiMatch extends Span {
  /** Canonical short entity name, e.g. EMAIL, PHONE, CREDIT_CARD, NAME, or a custom regex name. */
  entity: string;
  /** 0..1; only matches at or above the recognizer's own threshold are returned. */
  score: number;
}
export interface PiiDetectorOptions {
  /** Canonical entity names to look for (aliases already resolved). */
  entities: string[];
  /** Custom regexes (already checked for catastrophic backtracking). */
  regexes: { name: string; pattern: string; flags?: string }[];
}
export type PiiDetector = (text: string) => PiiMatch[];

// ---- word filters (src/guardrails/words.ts) ---------------------------------------------
export interface WordsDetectorOptions {
  words: string[];
  patterns: string[];
  managed: 'profanity'[];
}
export interface WordMatch extends Span {
  /** `custom`, `pattern:<index>` or `profanity` */
  rule: string;
}
export type WordsDetector = (text: string) => WordMatch[];

// ---- denied topics (src/guardrails/topics.ts) -------------------------------------------
export interface TopicDefinition {
  name: string;
  definition: string;
  examples: string[];
  threshold?: number;
}
export interface TopicMatch extends Span {
  topic: string;
  /** similarity 0..1 */
  score: number;
}
/** Returns the topics whose score reaches their threshold (span = the sentence that matched). */
export type TopicsDetector = (text: string) => TopicMatch[];

// ---- content filters (src/guardrails/content.ts) ----------------------------------------
export const CONTENT_CATEGORIES = [
  'hate',
  'insults',
  'sexual',
  'violence',
  'misconduct',
  'prompt_attack',
] as const;
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];
export interface ContentMatch extends Span {
  category: ContentCategory;
  confidence: Confidence;
  score: number;
}
/** Finds hits of every category; the engine applies per-direction strengths. */
export type ContentDetector = (text: string, categories: readonly ContentCategory[]) => ContentMatch[];

// ---- contextual grounding (src/guardrails/grounding.ts) ---------------------------------
export interface GroundingInput {
  answer: string;
  sources: string[];
  query?: string;
}
export interface GroundingScores {
  /** 0..1: how far the answer is supported by the sources */
  grounding: number;
  /** 0..1: how relevant the answer is to the query (1 when no query) */
  relevance: number;
}
