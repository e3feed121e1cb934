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

export async function checkText(policy: CompiledPolicy, text: string, opts: CheckOptions): Promise<Finding[]> {
  const out: Finding[] = [];
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

  if (policy.topics && policy.topics.directions.has(d) && wants(opts, 'denied_topics')) {
    out.push(...(await runEngine(policy, 'denied_topics', policy.topics.engine, opts, () => localTopics(policy, text), (del) => del.topics(policy, text))));
  }

  if (policy.content && policy.content.categories[d].length > 0 && wants(opts, 'content')) {
    const content = policy.content;
    let categories = content.categories[d];
    if (opts.role !== undefined && opts.role !== 'user' && opts.role !== 'tool') categories = categories.filter((c) => c !== 'prompt_attack');
    if (categories.length > 0) {
      const judge = (hits: { category: ContentCategory; confidence: 'low' | 'medium' | 'high'; score: number; start: number; end: number }[]) =>
        hits
          .filter((h) => categories.includes(h.category))
          .map((h): Finding => ({
            policy: name,
            kind: 'content',
            action: strengthBlocks(content.strengths[d].get(h.category) ?? 'none', h.confidence) ? 'blocked' : 'detected',
            detail: h.category,
            score: h.score,
            start: h.start,
            end: h.end,
          }));
      out.push(...(await runEngine(policy, 'content', content.engine, opts, () => judge(content.detector(text, categories)), async (del) => judge(await del.content(policy, text, categories)))));
    }
  }

  if (policy.grounding && d === 'output' && wants(opts, 'grounding')) {
    const g = opts.grounding;
    if (!g || g.sources.length === 0) {
      out.push({ policy: name, kind: 'grounding', action: 'skipped', detail: 'no_sources', score: 0, start: 0, end: 0 });
    } else {
      const grounding = policy.grounding;
      const verdict = (scores: { grounding: number; relevance: number }): Finding[] => {
        const f: Finding[] = [];
        if (scores.grounding < grounding.groundingThreshold) f.push({ policy: name, kind: 'grounding', action: 'blocked', detail: 'grounding', score: scores.grounding, start: 0, end: text.length });
        if (g.query && scores.relevance < grounding.relevanceThreshold) f.push({ policy: name, kind: 'grounding', action: 'blocked', detail: 'relevance', score: scores.relevance, start: 0, end: text.length });
        return f;
      };
      out.push(
        ...(await runEngine(policy, 'grounding', grounding.engine, opts, () => verdict(scoreGrounding({ answer: text, sources: g.sources, ...(g.query ? { query: g.query } : {}) })), async (del) => verdict(await del.grounding(policy, text, g)))),
      );
    }
  }
  return out;
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
