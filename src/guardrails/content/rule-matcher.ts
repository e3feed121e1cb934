/**
 * Compiles lexicon rules into one pattern index and scans a token stream for them. Rules carry a
 * category and a base confidence; a negation just before a hit lowers it one level, and words of a
 * rule's `unless` set near the hit (same sentence) cancel it ("kill the process").
 */
import { CONTENT_CATEGORIES, type Confidence, type ContentCategory } from '../types.js';
import { HashBits, hashAppend, hashString } from '../text-units.js';
import { PatternIndex } from './pattern-index.js';
import { compileVariants, matchAround, type CompiledPattern, type PatternElement } from './token-pattern.js';
import { ANCHORS_RULE, HEADS_SPLIT_WORD, type TokenStream } from './tokenize.js';
import { matchesWord, parseWordSet, type WordClasses, type WordSet } from './word-set.js';

export interface ContentRule {
  /** token pattern (see token-pattern.ts) */
  p: string;
  c: Confidence;
  /** words that cancel the hit when they occur near it in the same sentence */
  unless?: string;
  /** words that lower the hit one level when they occur near it ("attempted suicide ... thankfully") */
  lowerIf?: string;
  /** a preceding negation lowers the confidence; on unless said otherwise */
  negatable?: boolean;
}

export interface RuleHit {
  category: ContentCategory;
  confidence: Confidence;
  /** token range, end exclusive */
  first: number;
  last: number;
  ruleId: number;
}

interface RulePayload {
  id: number;
  category: ContentCategory;
  /** the category's bit (see `categoryMask`) */
  categoryBit: number;
  confidence: Confidence;
  unless: WordSet | undefined;
  lowerIf: WordSet | undefined;
  negatable: boolean;
}

const NEGATORS = parseWordSet(
  "not|never|no|don't|dont|won't|wont|wouldn't|wouldnt|didn't|didnt|can't|cant|cannot|isn't|shouldn't|doesn't|nor|against|stop|prevent|avoid",
);
const NEGATION_WINDOW = 3;
// a rule that already matched this often in one text adds nothing but work (repetition floods)
const MAX_HITS_PER_RULE = 32;
const UNLESS_WINDOW = 12;
const LOWER: Record<Confidence, Confidence | null> = { high: 'medium', medium: 'low', low: null };
const NO_CANDIDATES: readonly CompiledPattern<RulePayload>[] = [];

export interface RuleMatcher {
  scan(tokens: TokenStream, categories: ReadonlySet<ContentCategory>): RuleHit[];
  /** The flags of a token (ANCHORS_RULE, HEADS_SPLIT_WORD) for the tokenizer to attach (see TokenizeOptions.classify). */
  classify(norm: string, squeezed: string, hash: number): number;
}

export function compileRules(
  tables: Partial<Record<ContentCategory, readonly ContentRule[]>>,
  classes: WordClasses,
): RuleMatcher {
  const index = new PatternIndex<RulePayload>();
  // single-word rules of high confidence also match when the word is split in two ("nig gers")
  const joinableRules = new Map<string, RulePayload>();
  const joinableHeads = new Set<string>();
  // most tokens are no head of a joinable word and most pairs spell none: hashes tell without lookups
  const joinableHashes = new HashBits();
  const joinableHeadHashes = new HashBits();
  let nextId = 0;
  for (const [category, rules] of Object.entries(tables) as [ContentCategory, readonly ContentRule[]][]) {
    for (const rule of rules) {
      const id = nextId++;
      const unless = rule.unless ? parseWordSet(rule.unless, classes) : undefined;
      const lowerIf = rule.lowerIf ? parseWordSet(rule.lowerIf, classes) : undefined;
      const base: RulePayload = { id, category, categoryBit: categoryBit(category), confidence: rule.c, unless, lowerIf, negatable: rule.negatable ?? true };
      for (const compiled of compileVariants(rule.p, classes, base)) {
        // a pattern that spells out a negation itself ("should not exist") is not negated by it
        if (base.negatable && spellsNegation(compiled.elements)) compiled.payload = { ...base, negatable: false };
        index.add(compiled);
        const only = compiled.elements[0];
        if (compiled.elements.length === 1 && only?.kind === 'word' && rule.c === 'high') {
          for (const w of only.set.exact) {
            if (w.length < 5) continue;
            joinableRules.set(w, base);
            joinableHashes.add(hashString(w));
            for (let k = 2; k <= 5 && k < w.length; k++) {
              joinableHeads.add(w.slice(0, k));
              joinableHeadHashes.add(hashString(w.slice(0, k)));
            }
          }
        }
      }
    }
  }

  index.seal();

  // hits per rule id, kept between calls; only the ids a call touched are reset
  const perRule = new Uint16Array(nextId);
  const touched: number[] = [];
  const count = (id: number): void => {
    if (perRule[id] === 0) touched.push(id);
    perRule[id] = (perRule[id] as number) + 1;
  };
  /** The joinable rule that tokens i and i + 1 spell together, if any. */
  const joinedRule = (tokens: TokenStream, i: number): RulePayload | undefined => {
    if (!joinableHeadHashes.mayHave(tokens.hash[i] as number)) return undefined;
    const head = tokens.norm[i] as string;
    const tail = tokens.norm[i + 1] as string;
    if (!mayJoin(head) || !mayJoin(tail) || !joinableHeads.has(head) || !adjacentHalves(tokens, i)) return undefined;
    if (!joinableHashes.mayHave(hashAppend(tokens.hash[i] as number, tail))) return undefined;
    return joinableRules.get(head + tail);
  };

  return {
    classify(norm, squeezed, hash) {
      return (index.mayAnchor(norm, squeezed, hash) ? ANCHORS_RULE : 0) | (joinableHeadHashes.mayHave(hash) ? HEADS_SPLIT_WORD : 0);
    },
    scan(tokens, categories) {
      const hits: RuleHit[] = [];
      // a bit test per candidate instead of a set lookup
      const mask = categoryMask(categories);
      try {
        for (let i = 0; i < tokens.length; i++) {
          const flags = tokens.flags[i] as number;
          const candidates = (flags & ANCHORS_RULE) === 0 ? NO_CANDIDATES : index.candidates(tokens.norm[i] as string, tokens.squeezed[i] as string, tokens.hash[i] as number);
          for (let k = 0; k < candidates.length; k++) {
            const rule = (candidates[k] as CompiledPattern<RulePayload>).payload;
            if (perRule[rule.id] === MAX_HITS_PER_RULE || (mask & rule.categoryBit) === 0) continue;
            const range = matchAround(candidates[k] as CompiledPattern<RulePayload>, tokens, i);
            if (!range) continue;
            const confidence = judge(rule, tokens, range.first, range.end);
            if (!confidence) continue;
            count(rule.id);
            hits.push({ category: rule.category, confidence, first: range.first, last: range.end, ruleId: rule.id });
          }
          if ((flags & HEADS_SPLIT_WORD) !== 0 && i + 1 < tokens.length) {
            const rule = joinedRule(tokens, i);
            if (rule && perRule[rule.id] !== MAX_HITS_PER_RULE && (mask & rule.categoryBit) !== 0) {
              count(rule.id);
              hits.push({ category: rule.category, confidence: rule.confidence, first: i, last: i + 2, ruleId: rule.id });
            }
          }
        }
      } finally {
        for (const id of touched) perRule[id] = 0;
        touched.length = 0;
      }
      return hits;
    },
  };
}

function categoryBit(category: ContentCategory): number {
  const index = CONTENT_CATEGORIES.indexOf(category);
  return index < 0 ? 0 : 1 << index;
}

function categoryMask(categories: ReadonlySet<ContentCategory>): number {
  let mask = 0;
  for (const category of categories) mask |= categoryBit(category);
  return mask;
}

function spellsNegation(elements: readonly PatternElement[]): boolean {
  const hasNegator = (set: WordSet): boolean => {
    for (const w of NEGATORS.exact) if (set.exact.has(w)) return true;
    return false;
  };
  return elements.some((e) =>
    e.kind === 'word' ? hasNegator(e.set) : e.kind === 'phrase' ? e.options.some((o) => o.some(hasNegator)) : false,
  );
}

function judge(rule: RulePayload, tokens: TokenStream, first: number, end: number): Confidence | null {
  if (rule.unless && wordNearby(rule.unless, tokens, first, end)) return null;
  let confidence: Confidence | null = rule.confidence;
  if (rule.lowerIf && wordNearby(rule.lowerIf, tokens, first, end)) confidence = LOWER[confidence];
  // a negation usually turns the statement around ("I would never hurt you"): two levels down
  if (confidence && rule.negatable && negated(tokens, first, end)) confidence = LOWER[LOWER[confidence] ?? 'low'] ?? null;
  return confidence;
}

/** True when a word of `set` occurs within a few tokens of [first, end) in the same sentence. */
export function wordNearby(set: WordSet, tokens: TokenStream, first: number, end: number): boolean {
  const sentence = tokens.sentence[first];
  const from = Math.max(0, first - UNLESS_WINDOW);
  const to = Math.min(tokens.length, end + UNLESS_WINDOW);
  for (let k = from; k < to; k++) {
    if (tokens.sentence[k] !== sentence) continue;
    if (matchesWord(set, tokens.norm[k] as string, tokens.squeezed[k] as string)) return true;
  }
  return false;
}

/** True when a negation stands just before the hit or inside it ("I would never hurt you"). */
export function negated(tokens: TokenStream, first: number, end: number): boolean {
  const sentence = tokens.sentence[first];
  for (let k = Math.max(0, first - NEGATION_WINDOW); k < end; k++) {
    if (tokens.sentence[k] === sentence && NEGATORS.exact.has(tokens.norm[k] as string)) return true;
  }
  return false;
}

/** Length bounds of either half of a split word, checked before any set lookup. */
function mayJoin(half: string): boolean {
  return half.length >= 2 && half.length <= 5;
}

/** Whether tokens i and i + 1 may be the halves of one word: same sentence, at most two characters apart. */
function adjacentHalves(tokens: TokenStream, i: number): boolean {
  if (tokens.sentence[i] !== tokens.sentence[i + 1]) return false;
  return (tokens.start[i + 1] as number) - (tokens.end[i] as number) <= 2;
}
