/**
 * Local content filter: hate, insults, sexual, violence, misconduct and prompt_attack.
 *
 * Lexicons and phrase patterns (src/guardrails/content/lexicon/) run over a de-obfuscated token
 * stream; each hit carries the confidence that the text belongs to the category, which the engine
 * compares with the configured strength (`low` blocks high-confidence hits only, `high` all).
 * Self-harm has no category of its own and is reported as violence. Everything is compiled once;
 * a call is one tokenisation plus index lookups, linear in the input.
 */
import { CONTENT_CATEGORIES, type Confidence, type ContentCategory, type ContentDetector, type ContentMatch } from './types.js';
import { escalateByDensity, type DensityOptions } from './content/density.js';
import { compileClasses } from './content/lexicon/classes.js';
import { HATE_RULES } from './content/lexicon/hate.js';
import { INSULT_RULES } from './content/lexicon/insults.js';
import { MISCONDUCT_RULES } from './content/lexicon/misconduct.js';
import { SEXUAL_RULES } from './content/lexicon/sexual.js';
import { VIOLENCE_RULES } from './content/lexicon/violence.js';
import { compileUnmasker } from './content/unmask.js';
import { lexiconVocabulary } from './content/vocabulary.js';
import { compilePromptAttackScorer } from './content/prompt-attack.js';
import { compileRules, type RuleHit } from './content/rule-matcher.js';
import { TokenBuffers } from './content/token-buffers.js';
import { tokenize, type TokenizeOptions, type TokenStream } from './content/tokenize.js';

const SCORE: Record<Confidence, number> = { low: 0.45, medium: 0.7, high: 0.9 };
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

const BIT = Object.fromEntries(CONTENT_CATEGORIES.map((c, k) => [c, 1 << k])) as Record<ContentCategory, number>;
const BIT_BY_NAME = new Map<string, number>(Object.entries(BIT));

/** Bit of a category in a request mask; 0 for names that are no category. */
function bitOf(category: string): number {
  return BIT_BY_NAME.get(category) ?? 0;
}

const DENSITY: Partial<Record<ContentCategory, DensityOptions>> = {
  sexual: { window: 60, minHits: 3, minWeight: 3 },
  violence: { window: 50, minHits: 3, minWeight: 5 },
  hate: { window: 50, minHits: 3, minWeight: 5 },
  insults: { window: 40, minHits: 3, minWeight: 5 },
};

export function compileContentDetector(): ContentDetector {
  const classes = compileClasses();
  const tables = {
    hate: HATE_RULES,
    insults: INSULT_RULES,
    sexual: SEXUAL_RULES,
    violence: VIOLENCE_RULES,
    misconduct: MISCONDUCT_RULES,
  };
  const rules = compileRules(tables, classes);
  const allRules = Object.values(tables).flat();
  const unmask = compileUnmasker(allRules, classes);
  const known = lexiconVocabulary(allRules, classes);
  const promptAttack = compilePromptAttackScorer(classes);
  // one call runs at a time and no token stream outlives it, so the token arrays are reused
  const classify = (norm: string, squeezed: string, hash: number): number => rules.classify(norm, squeezed, hash) | promptAttack.classify(norm, squeezed, hash);
  const tokenizeOptions: TokenizeOptions = { unmask, known, buffers: new TokenBuffers(), classify };

  // the categories scanned lexically for each combination of requested ones, built on first use
  const lexicalByMask = new Map<number, ReadonlySet<ContentCategory>>();
  const lexicalFor = (mask: number): ReadonlySet<ContentCategory> => {
    let lexical = lexicalByMask.get(mask);
    if (!lexical) {
      const set = new Set(CONTENT_CATEGORIES.filter((c) => (mask & BIT[c]) !== 0));
      // harmful requests make a framed prompt more suspicious, so scan them for prompt attacks too
      if (set.has('prompt_attack')) set.add('misconduct').add('violence');
      // "slut" or "fuck you" inside explicit sexual content is part of that content, not an insult
      if (set.has('insults')) set.add('sexual');
      set.delete('prompt_attack');
      lexical = set;
      lexicalByMask.set(mask, lexical);
    }
    return lexical;
  };

  return (text, categories) => {
    if (typeof text !== 'string' || text.length === 0 || categories.length === 0) return [];
    try {
      let mask = 0;
      for (let k = 0; k < categories.length; k++) mask |= bitOf(categories[k] as string);
      // unknown category names match nothing
      if (mask === 0) return [];
      const tokens = tokenize(text, tokenizeOptions);
      const hits = rules.scan(tokens, lexicalFor(mask));
      if ((mask & BIT.insults) !== 0) softenInSexualContext(hits);
      const matches: ContentMatch[] = hits.length === 0 ? [] : lexicalMatches(hits, categories, tokens);
      if ((mask & BIT.prompt_attack) !== 0) {
        const attack = promptAttack.score(text, tokens, firstHarmful(hits, tokens));
        if (attack) {
          const { score, confidence, start, end } = attack;
          matches.push({ category: 'prompt_attack', confidence, score, start, end });
        }
      }
      return matches.length < 2 ? matches : matches.sort((a, b) => a.start - b.start || RANK[b.confidence] - RANK[a.confidence]);
    } catch {
      return [];
    }
  };
}

/** Matches of the requested lexical categories, in the order they were requested. */
function lexicalMatches(hits: readonly RuleHit[], categories: readonly ContentCategory[], tokens: TokenStream): ContentMatch[] {
  const byCategory = new Map<ContentCategory, RuleHit[]>();
  for (const hit of hits) {
    const list = byCategory.get(hit.category);
    if (list) list.push(hit);
    else byCategory.set(hit.category, [hit]);
  }
  const matches: ContentMatch[] = [];
  let done = 0;
  for (const category of categories) {
    const bit = bitOf(category);
    if (bit === 0 || (done & bit) !== 0) continue;
    done |= bit;
    const own = byCategory.get(category);
    if (category === 'prompt_attack' || !own) continue;
    own.sort((a, b) => a.first - b.first);
    const density = DENSITY[category];
    if (density) own.push(...escalateByDensity(own, density));
    matches.push(...toMatches(own, tokens));
  }
  return matches;
}

/** Converts token hits to offsets, merging overlapping hits of equal confidence. */
function toMatches(hits: readonly RuleHit[], tokens: TokenStream): ContentMatch[] {
  const sorted = [...hits].sort((a, b) => RANK[b.confidence] - RANK[a.confidence] || a.first - b.first);
  const out: ContentMatch[] = [];
  let previous: ContentMatch | undefined;
  for (const hit of sorted) {
    const start = tokens.start[hit.first] as number;
    const end = tokens.end[hit.last - 1] as number;
    if (previous && previous.confidence === hit.confidence && start <= previous.end) {
      previous.end = Math.max(previous.end, end);
      continue;
    }
    previous = { category: hit.category, confidence: hit.confidence, score: SCORE[hit.confidence], start, end };
    out.push(previous);
  }
  return out;
}

const SEXUAL_CONTEXT_WINDOW = 20;
const LOWER: Record<Confidence, Confidence | null> = { high: 'medium', medium: 'low', low: null };

/**
 * Insult hits inside explicit sexual content are part of that content: dropped when they overlap
 * a sexual hit, lowered one level when they are near one (in place).
 */
function softenInSexualContext(hits: RuleHit[]): void {
  const sexual = hits.filter((h) => h.category === 'sexual' && h.confidence !== 'low').sort((a, b) => a.first - b.first);
  if (sexual.length === 0) return;
  const firsts = sexual.map((h) => h.first);
  // longest sexual hit, so overlap checks only need to look that far back
  let longest = 0;
  for (const h of sexual) longest = Math.max(longest, h.last - h.first);
  let write = 0;
  for (const hit of hits) {
    if (hit.category === 'insults') {
      let overlaps = false;
      let near = false;
      for (let k = lowerBound(firsts, hit.first - Math.max(longest, SEXUAL_CONTEXT_WINDOW)); k < firsts.length; k++) {
        const s = sexual[k] as RuleHit;
        if (s.first >= hit.last && s.first - hit.first > SEXUAL_CONTEXT_WINDOW) break;
        if (s.first < hit.last && hit.first < s.last) overlaps = true;
        if (Math.abs(s.first - hit.first) <= SEXUAL_CONTEXT_WINDOW) near = true;
        if (overlaps) break;
      }
      if (overlaps) continue;
      if (near) {
        const lowered = LOWER[hit.confidence];
        if (lowered === null) continue;
        hit.confidence = lowered;
      }
    }
    hits[write++] = hit;
  }
  hits.length = write;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstHarmful(hits: readonly RuleHit[], tokens: TokenStream): { start: number; end: number } | null {
  for (const hit of hits) {
    if ((hit.category === 'misconduct' || hit.category === 'violence') && hit.confidence !== 'low') {
      return { start: tokens.start[hit.first] as number, end: tokens.end[hit.last - 1] as number };
    }
  }
  return null;
}
