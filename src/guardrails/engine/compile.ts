/**
 * Compiles a policy once per config load: detectors with their lexicons, regexes and topic
 * vectors are built here, so a request only runs them.
 */
import type { PolicyConfig } from '../../config/schema.js';
import { CONTENT_CATEGORIES, type ContentCategory, type ContentDetector, type Direction, type PiiDetector, type TopicsDetector, type WordsDetector } from '../types.js';
import { compilePiiDetector, resolvePiiEntity } from '../pii/index.js';
import { compileWordsDetector, wordsHoldback } from '../words.js';
import { foldWord, type HoldbackNeeds } from './holdback.js';
import { compileTopicsDetector } from '../topics.js';
import { compileContentDetector } from '../content.js';

export type PiiAction = 'block' | 'anonymize' | 'pseudonymize' | 'none';
export type Strength = 'none' | 'low' | 'medium' | 'high';
type EngineName = 'local' | 'moderation' | 'embeddings' | 'judge';

export interface EngineSettings {
  engine: EngineName;
  engineModel: string | undefined;
  onEngineError: 'block' | 'allow' | 'local';
}

export interface CompiledPolicy {
  name: string;
  config: PolicyConfig;
  onBlock: 'message' | 'error';
  messages: { blockedInput: string; blockedOutput: string };
  pii?: {
    detector: PiiDetector;
    /** canonical entity → action per direction */
    actions: Map<string, Record<Direction, PiiAction>>;
    directions: Set<Direction>;
    engine: EngineSettings;
  };
  words?: { detector: WordsDetector; action: 'block' | 'mask'; directions: Set<Direction> };
  topics?: { detector: TopicsDetector; directions: Set<Direction>; engine: EngineSettings; topics: PolicyConfig['denied_topics'] };
  content?: {
    detector: ContentDetector;
    strengths: Record<Direction, Map<ContentCategory, Strength>>;
    /** categories with a strength above none, per direction */
    categories: Record<Direction, ContentCategory[]>;
    engine: EngineSettings;
  };
  grounding?: { groundingThreshold: number; relevanceThreshold: number; engine: EngineSettings };
  /** What this policy needs held back of a streamed answer (see holdback.ts). */
  outputHoldback: Omit<HoldbackNeeds, 'placeholders' | 'maxChars'>;
  /** Some kind asks an engine other than the local one (a request then needs delegates). */
  usesDelegate: boolean;
  /** Every input check runs locally: same text, same findings (see verdict-cache.ts). */
  localOnInput: boolean;
}

let sharedContentDetector: ContentDetector | undefined;
/** The content lexicon is the same for every policy: compiled once per process. */
function contentDetector(): ContentDetector {
  sharedContentDetector ??= compileContentDetector();
  return sharedContentDetector;
}

function directions(appliesTo: Direction[] | undefined): Set<Direction> {
  return new Set(appliesTo ?? ['input', 'output']);
}

function engineOf(section: { engine: string; engine_model?: string | undefined; on_engine_error: 'block' | 'allow' | 'local' }): EngineSettings {
  return { engine: section.engine as EngineName, engineModel: section.engine_model, onEngineError: section.on_engine_error };
}

export function compilePolicy(name: string, cfg: PolicyConfig): CompiledPolicy {
  const out: CompiledPolicy = {
    name,
    config: cfg,
    onBlock: cfg.on_block,
    messages: { blockedInput: cfg.messages.blocked_input, blockedOutput: cfg.messages.blocked_output },
    outputHoldback: { capitalised: false, spelledOut: false, phrases: [], phraseWords: 1 },
    usesDelegate: false,
    localOnInput: true,
  };

  if (cfg.pii) {
    const actions = new Map<string, Record<Direction, PiiAction>>();
    const both = (a: PiiAction | { input: PiiAction; output: PiiAction }): Record<Direction, PiiAction> =>
      typeof a === 'string' ? { input: a, output: a } : { input: a.input, output: a.output };
    for (const [entity, action] of Object.entries(cfg.pii.entities)) {
      const canonical = resolvePiiEntity(entity);
      if (canonical) actions.set(canonical, both(action));
    }
    for (const r of cfg.pii.regexes) actions.set(r.name, both(r.action));
    out.pii = {
      detector: compilePiiDetector({
        entities: [...actions.keys()].filter((e) => !cfg.pii?.regexes.some((r) => r.name === e)),
        regexes: cfg.pii.regexes.map((r) => ({ name: r.name, pattern: r.pattern })),
      }),
      actions,
      directions: directions(cfg.pii.applies_to),
      engine: engineOf(cfg.pii),
    };
    // The name and address word lists load lazily; load them now rather than in the first request.
    if (actions.has('NAME') || actions.has('ADDRESS')) out.pii.detector('Warm-up: Jane Doe lives at 1 Main Street, Springfield.');
  }

  if (cfg.words && (cfg.words.words.length > 0 || cfg.words.patterns.length > 0 || cfg.words.managed.length > 0)) {
    out.words = {
      detector: compileWordsDetector({ words: cfg.words.words, patterns: cfg.words.patterns, managed: cfg.words.managed }),
      action: cfg.words.action,
      directions: directions(cfg.words.applies_to),
    };
  }

  if (cfg.denied_topics) {
    out.topics = {
      detector: compileTopicsDetector(cfg.denied_topics.topics),
      directions: directions(cfg.denied_topics.applies_to),
      engine: engineOf(cfg.denied_topics),
      topics: cfg.denied_topics,
    };
  }

  if (cfg.content) {
    const strengths: Record<Direction, Map<ContentCategory, Strength>> = { input: new Map(), output: new Map() };
    for (const category of CONTENT_CATEGORIES) {
      const s = cfg.content[category];
      if (!s) continue;
      // A prompt attack is something a user sends: it is never looked for in model output.
      if (s.input !== 'none') strengths.input.set(category, s.input);
      if (s.output !== 'none' && category !== 'prompt_attack') strengths.output.set(category, s.output);
    }
    const applies = directions(cfg.content.applies_to);
    for (const d of ['input', 'output'] as const) if (!applies.has(d)) strengths[d].clear();
    out.content = {
      detector: contentDetector(),
      strengths,
      categories: { input: [...strengths.input.keys()], output: [...strengths.output.keys()] },
      engine: engineOf(cfg.content),
    };
  }

  if (cfg.grounding) {
    out.grounding = {
      groundingThreshold: cfg.grounding.grounding_threshold,
      relevanceThreshold: cfg.grounding.relevance_threshold,
      engine: engineOf(cfg.grounding),
    };
  }
  out.outputHoldback = outputHoldback(out);
  const remote = (e: EngineSettings | undefined) => e !== undefined && e.engine !== 'local';
  out.usesDelegate = [out.pii?.engine, out.topics?.engine, out.content?.engine, out.grounding?.engine].some(remote);
  out.localOnInput =
    !(out.topics?.directions.has('input') && remote(out.topics.engine)) && !(out.content && out.content.categories.input.length > 0 && remote(out.content.engine));
  return out;
}

function outputHoldback(p: CompiledPolicy): CompiledPolicy['outputHoldback'] {
  const h = { capitalised: false, spelledOut: false, phrases: [] as string[][], phraseWords: 1 };
  if (p.pii?.directions.has('output')) {
    for (const e of ['NAME', 'ADDRESS']) if ((p.pii.actions.get(e)?.output ?? 'none') !== 'none') h.capitalised = true;
  }
  const words = p.config.words;
  if (p.words?.directions.has('output') && words) {
    // Custom phrases are held only while the trailing words begin one; patterns by the words
    // they may span; spelled-out profanity ("f u c k") by holding single letters.
    for (const w of words.words) {
      const folded = w.trim().split(/\s+/).map(foldWord);
      if (folded.length > 1) h.phrases.push(folded);
    }
    if (words.patterns.length > 0) {
      const hold = wordsHoldback({ words: [], patterns: words.patterns, managed: [] });
      h.phraseWords = hold.unboundedPatterns ? 4 : hold.words;
    }
    h.spelledOut = words.managed.includes('profanity');
  }
  return h;
}

/** Whether a policy checks anything in this direction (so streams without output checks pass untouched). */
export function policyApplies(p: CompiledPolicy, direction: Direction): boolean {
  return Boolean(
    (p.pii && p.pii.directions.has(direction) && [...p.pii.actions.values()].some((a) => a[direction] !== 'none')) ||
      (p.words && p.words.directions.has(direction)) ||
      (p.topics && p.topics.directions.has(direction)) ||
      (p.content && p.content.categories[direction].length > 0) ||
      (p.grounding && direction === 'output'),
  );
}
