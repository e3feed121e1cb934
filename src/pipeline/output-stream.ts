/**
 * Output guardrails on a stream, as it flows. Each choice keeps an unreleased tail; every chunk
 * is scanned together with a little released context, the part that can no longer become a
 * match is released at once (masked where needed), and only the tail that could still grow
 * into a match waits (holdback.ts). Semantic kinds judge whole sentences; grounding, which can
 * only judge the whole answer, holds the answer when sources were sent. Tool-call arguments are
 * held until their call is complete. On a block the unsent text is dropped, the upstream is
 * closed, and the policy message ends the stream with finish_reason content_filter.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { contentFilterError } from '../errors.js';
import { checkAllAtOnce, blockingPolicy } from '../guardrails/engine/run-policies.js';
import { applyMasks } from '../guardrails/engine/mask.js';
import { holdbackStart, sentenceEnd, type HoldbackNeeds } from '../guardrails/engine/holdback.js';
import type { CompiledPolicy } from '../guardrails/engine/compile.js';
import type { Finding, GuardrailKind } from '../guardrails/engine/findings.js';
import type { ChunkTransform } from './stream.js';
import type { GuardrailRun } from './guardrail-context.js';
import type { AnswerAssembler } from './session.js';
import { RAW_JSON } from '../sse/encode.js';

const CONTEXT_CHARS = 96;
const IDLE_FLUSH_MS = 120;
const PATTERN_KINDS: ReadonlySet<GuardrailKind> = new Set(['pii', 'words']);
const SEMANTIC_KINDS: ReadonlySet<GuardrailKind> = new Set(['denied_topics', 'content']);
const TOOL_KINDS: ReadonlySet<GuardrailKind> = new Set(['pii', 'words', 'denied_topics', 'content']);
const GROUNDING_KIND: ReadonlySet<GuardrailKind> = new Set(['grounding']);

interface ToolCallState {
  id?: string;
  type: string;
  name: string;
  args: string;
}

interface ChoiceState {
  index: number;
  /** Model text not yet released. */
  pending: string;
  /** The last released model text, so a match that starts before a chunk boundary is seen whole. */
  context: string;
  /** The whole answer, for grounding. */
  full: string;
  tools: ToolCallState[];
  finish: string | null;
  done: boolean;
}

export interface StreamGuardHooks {
  assembler: AnswerAssembler | undefined;
  onFindings(findings: Finding[]): void;
  onBlocked(policy: CompiledPolicy): void;
  /** The whole x-sluice-guardrail value, for the chunk carrying a finish_reason. */
  report(): string;
}

type Envelope = Pick<ChatCompletionChunk, 'id' | 'object' | 'created' | 'model'> & { system_fingerprint?: string | null | undefined };

class Blocked {
  constructor(readonly policy: CompiledPolicy, readonly index: number) {}
}

/** What the tenant's policies need held back on output; each policy's part is compiled at config load. */
export function needsFor(policies: readonly CompiledPolicy[], pseudonymizing: boolean): HoldbackNeeds {
  let capitalised = false;
  let spelledOut = false;
  let phraseWords = 1;
  const phrases: (readonly string[])[] = [];
  for (const { outputHoldback: h } of policies) {
    capitalised ||= h.capitalised;
    spelledOut ||= h.spelledOut;
    phraseWords = Math.max(phraseWords, h.phraseWords);
    phrases.push(...h.phrases);
  }
  return { capitalised, spelledOut, phrases, phraseWords, placeholders: pseudonymizing, maxChars: 256 };
}

/** needsFor per tenant policy list: the same for every stream until the config is reloaded. */
const needsCache = new WeakMap<readonly CompiledPolicy[], { plain?: HoldbackNeeds; pseudonymizing?: HoldbackNeeds }>();

function cachedNeeds(policies: readonly CompiledPolicy[], pseudonymizing: boolean): HoldbackNeeds {
  let entry = needsCache.get(policies);
  if (!entry) needsCache.set(policies, (entry = {}));
  const key = pseudonymizing ? 'pseudonymizing' : 'plain';
  return (entry[key] ??= needsFor(policies, pseudonymizing));
}

export function guardStream(run: GuardrailRun, hooks: StreamGuardHooks): ChunkTransform {
  const policies = run.policies;
  const semantic = policies.some((p) => (p.topics?.directions.has('output') ?? false) || (p.content?.categories.output.length ?? 0) > 0);
  const hasGrounding = policies.some((p) => p.grounding);
  const holdWhole = run.grounding !== undefined && run.grounding.sources.length > 0 && hasGrounding;

  return async function* (source) {
    const states = new Map<number, ChoiceState>();
    let envelope: Envelope | undefined;
    const needs = cachedNeeds(policies, run.pseudo.size > 0);
    const state = (index: number): ChoiceState => {
      let s = states.get(index);
      if (!s) {
        s = { index, pending: '', context: '', full: '', tools: [], finish: null, done: false };
        states.set(index, s);
      }
      return s;
    };
    // The envelope's JSON is the same for every chunk this guard makes: written once, and each
    // chunk carries its own text (RAW_JSON) so the writer does not serialise the envelope again.
    let envelopeJson: { head: string; tail: string } | undefined;
    // Built field by field: object spreads here cost more than the rest of a short stream's checks.
    const chunkOf = (choices: ChatCompletionChunk['choices'], report?: string, choicesJson?: string): ChatCompletionChunk => {
      const e = envelope as Envelope;
      const chunk: ChatCompletionChunk & { sluice_guardrail?: string; [RAW_JSON]?: string } = { id: e.id, object: 'chat.completion.chunk', created: e.created, model: e.model, choices };
      if (e.system_fingerprint !== undefined) (chunk as { system_fingerprint?: string | null }).system_fingerprint = e.system_fingerprint;
      if (report !== undefined) chunk.sluice_guardrail = report;
      envelopeJson ??= envelopeText(e);
      chunk[RAW_JSON] = `${envelopeJson.head}${choicesJson ?? JSON.stringify(choices)}${envelopeJson.tail}${report === undefined ? '' : `,"sluice_guardrail":${JSON.stringify(report)}`}}`;
      return chunk;
    };
    // The three chunk shapes of every stream, their choices written by hand (tool calls and odd
    // indexes go through JSON.stringify).
    const textChunk = (index: number, content: string) =>
      chunkOf([{ index, delta: { content }, logprobs: null, finish_reason: null }], undefined, plainIndex(index) ? `[{"index":${index},"delta":{"content":${JSON.stringify(content)}},"logprobs":null,"finish_reason":null}]` : undefined);
    const roleChunk = (index: number, role: string) =>
      chunkOf([{ index, delta: { role: role as 'assistant', content: '' }, logprobs: null, finish_reason: null }], undefined, plainIndex(index) ? `[{"index":${index},"delta":{"role":${JSON.stringify(role)},"content":""},"logprobs":null,"finish_reason":null}]` : undefined);
    const finishChunk = (index: number, finish: string) =>
      chunkOf([{ index, delta: {}, logprobs: null, finish_reason: finish as 'stop' }], hooks.report(), plainIndex(index) ? `[{"index":${index},"delta":{},"logprobs":null,"finish_reason":${JSON.stringify(finish)}}]` : undefined);

    const scan = (text: string, kinds: ReadonlySet<GuardrailKind>, grounding = false): Finding[] | Promise<Finding[]> =>
      checkAllAtOnce(policies, text, { direction: 'output', kinds, delegates: run.delegates, ...(grounding ? { grounding: run.grounding } : {}) });

    /** Releases what is safe of one choice's tail; returns the content to send, or throws Blocked. */
    const release = async (s: ChoiceState, final: boolean, idle = false): Promise<string | undefined> => {
      if (s.pending === '' && !final) return undefined;
      if (holdWhole && !final) return undefined;
      let hold = final ? s.pending.length : holdbackStart(s.pending, needs, false);
      if (idle && !final) hold = idleHold(s.pending, hold, needs);
      // Sentence-level kinds judge whole sentences: release only up to the last complete one.
      if (semantic && !final) hold = sentenceEnd(s.pending.slice(0, hold));

      const window = s.context + s.pending;
      const offset = s.context.length;
      // Positions made relative to the pending text; what lies wholly in the context was released.
      const found: Finding[] = [];
      for (const f of await scan(window, PATTERN_KINDS)) {
        if (f.end - offset > 0) found.push({ ...f, start: Math.max(0, f.start - offset), end: f.end - offset });
      }
      const upTo = final ? s.pending.length : hold;
      if (semantic && upTo > 0) found.push(...(await scan(s.pending.slice(0, upTo), SEMANTIC_KINDS)));
      if (final && holdWhole) found.push(...(await scan(s.full, GROUNDING_KIND, true)).map((f) => ({ ...f, start: 0, end: 0 })));
      else if (final && run.grounding === undefined && hasGrounding) found.push(...(await scan('', GROUNDING_KIND)));
      const blocker = blockingPolicy(policies, found);
      if (blocker) {
        hooks.onFindings(found);
        throw new Blocked(blocker, s.index);
      }
      // Never release half a masked span: hold from its start.
      for (const f of found) if (f.action !== 'detected' && f.start < hold && f.end > hold) hold = Math.min(hold, f.start);
      const cut = final ? s.pending.length : hold;
      const inside = found.filter((f) => f.end <= cut && f.action !== 'detected' && f.action !== 'blocked');
      hooks.onFindings(inside.concat(found.filter((f) => f.action === 'skipped')));
      const raw = s.pending.slice(0, cut);
      s.pending = s.pending.slice(cut);
      s.context = (s.context + raw).slice(-CONTEXT_CHARS);
      if (raw === '') return undefined;
      const masked = applyMasks(raw, inside, run.pseudo);
      if (s.index === 0 && hooks.assembler) hooks.assembler.add(textChunk(0, masked));
      return run.pseudo.restore(masked);
    };

    const releaseTools = async (s: ChoiceState): Promise<ChatCompletionChunk | undefined> => {
      if (s.tools.length === 0) return undefined;
      const found: Finding[] = [];
      const calls = [];
      for (let i = 0; i < s.tools.length; i++) {
        const t = s.tools[i];
        if (!t) continue;
        const f = await scan(t.args, TOOL_KINDS);
        found.push(...f);
        const args = applyMasks(t.args, f, run.pseudo);
        calls.push({ index: i, ...(t.id ? { id: t.id } : {}), type: 'function' as const, function: { name: t.name, arguments: args } });
      }
      const blocker = blockingPolicy(policies, found);
      hooks.onFindings(found);
      if (blocker) throw new Blocked(blocker, s.index);
      const chunk = chunkOf([{ index: s.index, delta: { tool_calls: calls }, logprobs: null, finish_reason: null }]);
      if (s.index === 0 && hooks.assembler) hooks.assembler.add(chunk);
      const restored = calls.map((c) => ({ ...c, function: { ...c.function, arguments: run.pseudo.restore(c.function.arguments) } }));
      return chunkOf([{ index: s.index, delta: { tool_calls: restored }, logprobs: null, finish_reason: null }]);
    };

    const iterator = source[Symbol.asyncIterator]();
    let next = iterator.next();
    // What this read releases; sent as one batch after the read was scanned.
    let out: ChatCompletionChunk[] = [];
    try {
      for (;;) {
        let waiting = false;
        for (const s of states.values()) if (s.pending !== '' && !s.done) waiting = true;
        const r = waiting && !holdWhole ? await raceIdle(next) : await next;
        if (r === IDLE) {
          for (const s of states.values()) {
            const text = await release(s, false, true);
            if (text) out.push(textChunk(s.index, text));
          }
        } else {
          if (r.done) break;
          next = iterator.next();
          // The chunks of one read are scanned together: one scan per network read.
          const touched: ChoiceState[] = [];
          const after: ChatCompletionChunk[] = [];
          for (const chunk of r.value) {
            envelope ??= { id: chunk.id, object: chunk.object, created: chunk.created, model: chunk.model, system_fingerprint: chunk.system_fingerprint };
            if (!Array.isArray(chunk.choices) || chunk.choices.length === 0) after.push(chunk); // usage
            for (const c of chunk.choices ?? []) {
              const s = state(c.index);
              const d = c.delta ?? {};
              if (d.role) out.push(roleChunk(c.index, d.role));
              if (typeof d.content === 'string' && d.content !== '') {
                s.pending += d.content;
                if (holdWhole) s.full += d.content;
              }
              for (const tc of d.tool_calls ?? []) {
                const t = (s.tools[tc.index] ??= { type: 'function', name: '', args: '' });
                if (tc.id) t.id = tc.id;
                if (tc.function?.name) t.name += tc.function.name;
                if (tc.function?.arguments) t.args += tc.function.arguments;
              }
              if (c.finish_reason) s.finish = c.finish_reason;
              if (!touched.includes(s)) touched.push(s);
            }
          }
          for (const s of touched) {
            if (s.done) continue;
            const text = await release(s, s.finish !== null);
            if (text) out.push(textChunk(s.index, text));
            if (s.finish !== null) {
              const tools = await releaseTools(s);
              if (tools) out.push(tools);
              s.done = true;
              out.push(finishChunk(s.index, s.finish));
            }
          }
          out.push(...after);
        }
        if (out.length > 0) {
          const batch = out;
          out = [];
          yield batch;
        }
      }
    } catch (err) {
      if (!(err instanceof Blocked)) throw err;
      hooks.onBlocked(err.policy);
      if (err.policy.onBlock === 'error') throw contentFilterError(err.policy.messages.blockedOutput);
      // What this read released before the block still goes out first.
      out.push(textChunk(err.index, err.policy.messages.blockedOutput));
      for (const s of states.values()) {
        if (s.done) continue;
        out.push(finishChunk(s.index, 'content_filter'));
      }
      if (!states.has(err.index)) {
        out.push(finishChunk(err.index, 'content_filter'));
      }
      yield out;
    } finally {
      // Closes the upstream (guardrail block or client gone); a pending read settles on its own.
      void next.catch(() => undefined);
      void iterator.return?.(undefined)?.catch?.(() => undefined);
    }
  };
}

/**
 * The JSON of a guard-made chunk around its choices, exactly as JSON.stringify writes the object
 * chunkOf builds (same keys, same order; an absent id or model is left out the same way).
 */
function envelopeText(e: Envelope): { head: string; tail: string } {
  let head = e.id === undefined ? '{' : `{"id":${JSON.stringify(e.id)},`;
  head += '"object":"chat.completion.chunk"';
  if (e.created !== undefined) head += `,"created":${JSON.stringify(e.created)}`;
  if (e.model !== undefined) head += `,"model":${JSON.stringify(e.model)}`;
  head += ',"choices":';
  const tail = e.system_fingerprint === undefined ? '' : `,"system_fingerprint":${JSON.stringify(e.system_fingerprint)}`;
  return { head, tail };
}

function plainIndex(index: unknown): boolean {
  return typeof index === 'number' && Number.isFinite(index);
}

const IDLE = Symbol('idle');

function raceIdle<T>(next: Promise<T>): Promise<T | typeof IDLE> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => {
    timer = setTimeout(() => resolve(IDLE), IDLE_FLUSH_MS);
  });
  return Promise.race([next, idle]).finally(() => clearTimeout(timer));
}

/**
 * After a pause, a held partial word of plain letters is released: the model paused at a word
 * that nothing can match. Value-like tails (digits, @, capitals, placeholders) keep waiting.
 */
function idleHold(pending: string, hold: number, needs: HoldbackNeeds): number {
  const tail = pending.slice(hold);
  if (/[0-9@{:/+]/.test(tail)) return hold;
  if (needs.capitalised && /\p{Lu}/u.test(tail)) return hold;
  if (needs.phraseWords > 1 || needs.phrases.length > 0) return hold;
  if (needs.spelledOut && /(^|\s)\p{L}\s*$/u.test(tail)) return hold;
  return pending.length;
}
