/**
 * Runs one compiled policy over one text in one direction and says what each hit means under
 * the policy (blocked, masked, …). Local detectors run synchronously; a kind configured with
 * another engine asks its delegate and, when that fails, obeys `on_engine_error`.
 * A check never throws: a check that could not run is reported as skipped or blocked.
 */
import type { ContentCategory, Direction } from '../types.js';
import type { CompiledPolicy, EngineSettings, Strength } from './compile.js';
import type { Finding, GuardrailKind } from './findings.js';
import { scoreGrounding } from '../grounding.js';
import type { Delegates } from './delegates.js';

export interface GroundingRequest {
  sources: string[];
  query?: string | undefined;
}

export interface CheckOptions {
  direction: Direction;
  /** Only these kinds (a stream scans pattern kinds per chunk and semantic kinds per sentence). */
  kinds?: ReadonlySet<GuardrailKind>;
  grounding?: GroundingRequest | undefined;
  delegates?: Delegates | undefined;
  /** The role of the message, when checking a message: prompt attacks are looked for in user and tool messages only. */
  role?: string | undefined;
}

const CONFIDENCE_RANK = { low: 1, medium: 2, high: 3 } as const;

/** Bedrock's strengths: `low` blocks high-confidence hits only, `medium` medium and high, `high` all. */
export function strengthBlocks(strength: Strength, confidence: 'low' | 'medium' | 'high'): boolean {
  if (strength === 'none') return false;
  const needed = strength === 'high' ? 1 : strength === 'medium' ? 2 : 3;
  return CONFIDENCE_RANK[confidence] >= needed;
}

const wants = (opts: CheckOptions, kind: GuardrailKind) => !opts.kinds || opts.kinds.has(kind);

/**
 * The checks of a policy whose every kind runs locally (`!policy.usesDelegate`), without a
 * promise: the common case, on every request, where a chain of awaits was a measurable cost.
 */
export function checkTextLocal(policy: CompiledPolicy, text: string, opts: CheckOptions): Finding[] {
  const out: Finding[] = [];
  const d = opts.direction;
  patternFindings(policy, text, opts, out);
  if (policy.topics && policy.topics.directions.has(d) && wants(opts, 'denied_topics')) pushAll(out, localTopics(policy, text));
  const categories = contentCategories(policy, opts);
  if (categories) pushAll(out, judgeContent(policy, d, categories, policy.content!.detector(text, categories)));
  const g = groundingRequest(policy, opts, out);
  if (g) pushAll(out, groundingVerdict(policy, text, g, scoreGrounding(groundingInput(text, g))));
  return out;
}

export async function checkText(policy: CompiledPolicy, text: string, opts: CheckOptions): Promise<Finding[]> {
  if (!policy.usesDelegate) return checkTextLocal(policy, text, opts);
  const out: Finding[] = [];
  const d = opts.direction;
  patternFindings(policy, text, opts, out);

  if (policy.topics && policy.topics.directions.has(d) && wants(opts, 'denied_topics')) {
    pushAll(out, await runEngine(policy, 'denied_topics', policy.topics.engine, opts, () => localTopics(policy, text), (del) => del.topics(policy, text)));
  }

  const categories = contentCategories(policy, opts);
  if (categories) {
    const content = policy.content!;
    const judge = (hits: ContentHit[]) => judgeContent(policy, d, categories, hits);
    pushAll(out, await runEngine(policy, 'content', content.engine, opts, () => judge(content.detector(text, categories)), async (del) => judge(await del.content(policy, text, categories))));
  }

  const g = groundingRequest(policy, opts, out);
  if (g) {
    const verdict = (scores: GroundingScores) => groundingVerdict(policy, text, g, scores);
    pushAll(
      out,
      await runEngine(policy, 'grounding', policy.grounding!.engine, opts, () => verdict(scoreGrounding(groundingInput(text, g))), async (del) => verdict(await del.grounding(policy, text, g))),
    );
  }
  return out;
}

type ContentHit = { category: ContentCategory; confidence: 'low' | 'medium' | 'high'; score: number; start: number; end: number };
type GroundingScores = { grounding: number; relevance: number };

function pushAll(out: Finding[], found: readonly Finding[]): void {
  for (const f of found) out.push(f);
}

/** PII and words: always local. */
function patternFindings(policy: CompiledPolicy, text: string, opts: CheckOptions, out: Finding[]): void {
  const d = opts.direction;
  // Findings are written out field by field: an object spread per finding costs microseconds in
  // V8, which for the tens of thousands of hits of a long hostile text is most of the check.
  const name = policy.name;

  if (policy.pii && policy.pii.directions.has(d) && wants(opts, 'pii')) {
    for (const m of policy.pii.detector(text)) {
      const action = policy.pii.actions.get(m.entity)?.[d] ?? 'none';
      if (action === 'none') continue;
      out.push({
        policy: name,
        kind: 'pii',
        action: action === 'block' ? 'blocked' : action === 'anonymize' ? 'anonymized' : 'pseudonymized',
        detail: m.entity,
        score: m.score,
        start: m.start,
        end: m.end,
      });
    }
  }

  if (policy.words && policy.words.directions.has(d) && wants(opts, 'words')) {
    for (const m of policy.words.detector(text)) {
      out.push({ policy: name, kind: 'words', action: policy.words.action === 'mask' ? 'masked' : 'blocked', detail: m.rule, score: 1, start: m.start, end: m.end });
    }
  }
}

/** The content categories to judge for this text, or undefined when none applies. */
function contentCategories(policy: CompiledPolicy, opts: CheckOptions): ContentCategory[] | undefined {
  const content = policy.content;
  if (!content || content.categories[opts.direction].length === 0 || !wants(opts, 'content')) return undefined;
  let categories = content.categories[opts.direction];
  // Prompt attacks are looked for in what a user or a tool wrote, not in system messages.
  if (opts.role !== undefined && opts.role !== 'user' && opts.role !== 'tool') categories = categories.filter((c) => c !== 'prompt_attack');
  return categories.length > 0 ? categories : undefined;
}

function judgeContent(policy: CompiledPolicy, d: Direction, categories: readonly ContentCategory[], hits: readonly ContentHit[]): Finding[] {
  const strengths = policy.content!.strengths[d];
  const out: Finding[] = [];
  for (const h of hits) {
    if (!categories.includes(h.category)) continue;
    out.push({
      policy: policy.name,
      kind: 'content',
      action: strengthBlocks(strengths.get(h.category) ?? 'none', h.confidence) ? 'blocked' : 'detected',
      detail: h.category,
      score: h.score,
      start: h.start,
      end: h.end,
    });
  }
  return out;
}

/** The sources to ground an answer in; without any, a `skipped` finding is added and undefined returned. */
function groundingRequest(policy: CompiledPolicy, opts: CheckOptions, out: Finding[]): GroundingRequest | undefined {
  if (!policy.grounding || opts.direction !== 'output' || !wants(opts, 'grounding')) return undefined;
  const g = opts.grounding;
  if (g && g.sources.length > 0) return g;
  out.push({ policy: policy.name, kind: 'grounding', action: 'skipped', detail: 'no_sources', score: 0, start: 0, end: 0 });
  return undefined;
}

function groundingInput(text: string, g: GroundingRequest): { answer: string; sources: string[]; query?: string } {
  return { answer: text, sources: g.sources, ...(g.query ? { query: g.query } : {}) };
}

function groundingVerdict(policy: CompiledPolicy, text: string, g: GroundingRequest, scores: GroundingScores): Finding[] {
  const grounding = policy.grounding!;
  const f: Finding[] = [];
  if (scores.grounding < grounding.groundingThreshold) f.push({ policy: policy.name, kind: 'grounding', action: 'blocked', detail: 'grounding', score: scores.grounding, start: 0, end: text.length });
  if (g.query && scores.relevance < grounding.relevanceThreshold) f.push({ policy: policy.name, kind: 'grounding', action: 'blocked', detail: 'relevance', score: scores.relevance, start: 0, end: text.length });
  return f;
}

function localTopics(policy: CompiledPolicy, text: string): Finding[] {
  return (policy.topics?.detector(text) ?? []).map((m) => ({
    policy: policy.name,
    kind: 'denied_topics' as const,
    action: 'blocked' as const,
    detail: m.topic,
    score: m.score,
    start: m.start,
    end: m.end,
  }));
}

async function runEngine(
  policy: CompiledPolicy,
  kind: GuardrailKind,
  engine: EngineSettings,
  opts: CheckOptions,
  local: () => Finding[],
  remote: (delegates: Delegates) => Promise<Finding[]>,
): Promise<Finding[]> {
  if (engine.engine === 'local') return local();
  try {
    if (!opts.delegates) throw new Error('no delegate engine available');
    return await remote(opts.delegates);
  } catch {
    const failed = { policy: policy.name, kind, detail: 'engine_error', score: 0, start: 0, end: 0 };
    if (engine.onEngineError === 'local') return local();
    if (engine.onEngineError === 'allow') return [{ ...failed, action: 'skipped' }];
    return [{ ...failed, action: 'blocked' }];
  }
}
