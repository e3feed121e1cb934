/**
 * Engines other than `local`: an OpenAI-compatible `/v1/moderations` for content, a provider's
 * `/v1/embeddings` for topics, and a judge model (a chat completion with a built-in prompt) for
 * topics, content and grounding. Any failure throws; check.ts applies `on_engine_error`.
 */
import type { Runtime } from '../../config/runtime.js';
import type { JsonObject } from '../../providers/types.js';
import { toAbortSignal, type CancelSignal } from '../../cancel-signal.js';
import type { ContentCategory, GroundingScores } from '../types.js';
import type { CompiledPolicy, EngineSettings } from './compile.js';
import type { Finding } from './findings.js';
import type { GroundingRequest } from './check.js';

export interface ContentHit {
  category: ContentCategory;
  confidence: 'low' | 'medium' | 'high';
  score: number;
  start: number;
  end: number;
}

export interface Delegates {
  content(policy: CompiledPolicy, text: string, categories: readonly ContentCategory[]): Promise<ContentHit[]>;
  topics(policy: CompiledPolicy, text: string): Promise<Finding[]>;
  grounding(policy: CompiledPolicy, answer: string, g: GroundingRequest): Promise<GroundingScores>;
}

/** OpenAI moderation categories → ours (self-harm is counted as violence). */
const MODERATION_MAP: Record<string, ContentCategory> = {
  hate: 'hate',
  'hate/threatening': 'hate',
  harassment: 'insults',
  'harassment/threatening': 'insults',
  sexual: 'sexual',
  'sexual/minors': 'sexual',
  violence: 'violence',
  'violence/graphic': 'violence',
  'self-harm': 'violence',
  'self-harm/intent': 'violence',
  'self-harm/instructions': 'violence',
  illicit: 'misconduct',
  'illicit/violent': 'misconduct',
};

const confidenceOf = (score: number): 'low' | 'medium' | 'high' | undefined =>
  score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : score >= 0.2 ? 'low' : undefined;

const ENGINE_TIMEOUT_MS = 10_000;
const embeddingCache = new WeakMap<CompiledPolicy, Promise<number[][]>>();

export function createDelegates(runtime: Runtime, signal?: CancelSignal): Delegates {
  function target(engine: EngineSettings) {
    const model = engine.engineModel ? runtime.models.get(engine.engineModel) : undefined;
    const t = model?.targets[0];
    const provider = t ? runtime.providers.get(t.provider) : undefined;
    if (!t || !provider) throw new Error(`engine model '${engine.engineModel}' has no usable target`);
    return { provider, model: t.model };
  }
  const timeout = () => (signal ? AbortSignal.any([toAbortSignal(signal), AbortSignal.timeout(ENGINE_TIMEOUT_MS)]) : AbortSignal.timeout(ENGINE_TIMEOUT_MS));

  async function judge(engine: EngineSettings, system: string, user: string): Promise<JsonObject> {
    const { provider, model } = target(engine);
    const res = await provider.chat({
      body: { model, temperature: 0, response_format: { type: 'json_object' }, messages: [{ role: 'system', content: system }, { role: 'user', content: user }] },
      stream: false,
      signal: timeout(),
      requestId: 'guardrail-judge',
    });
    if (res.kind !== 'json') throw new Error('judge answered with a stream');
    const content = (res.body.choices as { message?: { content?: unknown } }[] | undefined)?.[0]?.message?.content;
    if (typeof content !== 'string') throw new Error('judge answered without content');
    const json = /\{[\s\S]*\}/.exec(content)?.[0];
    if (!json) throw new Error('judge answer is not JSON');
    return JSON.parse(json) as JsonObject;
  }

  return {
    async content(policy, text, categories) {
      const engine = policy.content?.engine as EngineSettings;
      if (engine.engine === 'judge') {
        const verdict = await judge(
          engine,
          'You are a content safety classifier. For the text, give a score from 0 to 1 for each category: ' +
            `${categories.join(', ')}. Answer only JSON: {"scores": {"<category>": <score>}}.`,
          text,
        );
        const scores = (verdict.scores ?? {}) as Record<string, unknown>;
        return categories.flatMap((c) => {
          const s = Number(scores[c] ?? 0);
          const conf = confidenceOf(s);
          return conf ? [{ category: c, confidence: conf, score: s, start: 0, end: text.length }] : [];
        });
      }
      const { provider, model } = target(engine);
      const res = await provider.postJson('/moderations', { model, input: text }, timeout());
      const result = (res.results as { category_scores?: Record<string, number> }[] | undefined)?.[0];
      if (!result?.category_scores) throw new Error('moderation answer without category_scores');
      const best = new Map<ContentCategory, number>();
      for (const [name, score] of Object.entries(result.category_scores)) {
        const c = MODERATION_MAP[name];
        if (c && categories.includes(c)) best.set(c, Math.max(best.get(c) ?? 0, score));
      }
      return [...best].flatMap(([category, score]) => {
        const conf = confidenceOf(score);
        return conf ? [{ category, confidence: conf, score, start: 0, end: text.length }] : [];
      });
    },

    async topics(policy, text) {
      const topics = policy.topics?.topics?.topics ?? [];
      const engine = policy.topics?.engine as EngineSettings;
      if (engine.engine === 'judge') {
        const list = topics.map((t) => `- ${t.name}: ${t.definition}${t.examples.length ? ` (e.g. ${t.examples.map((e) => JSON.stringify(e)).join(', ')})` : ''}`).join('\n');
        const verdict = await judge(
          engine,
          `You decide whether a text is about any of these denied topics:\n${list}\n` +
            'A text that only mentions a word of a topic in another sense is not about it. Answer only JSON: {"topics": ["<name>", ...]}.',
          text,
        );
        const names = Array.isArray(verdict.topics) ? (verdict.topics as unknown[]).map(String) : [];
        return topics.filter((t) => names.includes(t.name)).map((t) => ({ policy: policy.name, kind: 'denied_topics' as const, action: 'blocked' as const, detail: t.name, score: 1, start: 0, end: text.length }));
      }
      const { provider, model } = target(engine);
      let refs = embeddingCache.get(policy);
      if (!refs) {
        refs = provider
          .postJson('/embeddings', { model, input: topics.map((t) => [t.definition, ...t.examples].join('\n')) }, timeout())
          .then(vectors);
        embeddingCache.set(policy, refs);
        refs.catch(() => embeddingCache.delete(policy));
      }
      const [topicVectors, [textVector]] = await Promise.all([refs, provider.postJson('/embeddings', { model, input: [text] }, timeout()).then(vectors)]);
      if (!textVector) throw new Error('embeddings answer without vectors');
      return topics.flatMap((t, i) => {
        const v = topicVectors[i];
        const score = v ? cosine(v, textVector) : 0;
        return score >= (t.threshold ?? 0.75) ? [{ policy: policy.name, kind: 'denied_topics' as const, action: 'blocked' as const, detail: t.name, score, start: 0, end: text.length }] : [];
      });
    },

    async grounding(policy, answer, g) {
      const engine = policy.grounding?.engine as EngineSettings;
      const verdict = await judge(
        engine,
        'You check whether an answer is supported by the given sources and relevant to the query. ' +
          'Answer only JSON: {"grounding": <0..1, how far every claim of the answer is supported by the sources>, "relevance": <0..1>}.',
        JSON.stringify({ sources: g.sources, query: g.query ?? null, answer }),
      );
      const grounding = Number(verdict.grounding);
      const relevance = Number(verdict.relevance ?? 1);
      if (!Number.isFinite(grounding) || !Number.isFinite(relevance)) throw new Error('judge scores are not numbers');
      return { grounding, relevance };
    },
  };
}

function vectors(res: JsonObject): number[][] {
  const data = res.data as { embedding?: unknown; index?: number }[] | undefined;
  if (!Array.isArray(data)) throw new Error('embeddings answer without data');
  return data
    .slice()
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((d) => {
      if (!Array.isArray(d.embedding)) throw new Error('embedding is not a float array');
      return d.embedding as number[];
    });
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
