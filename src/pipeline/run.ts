/**
 * The one place that knows the order of the stages (SPEC §4):
 * validate → model allowed → load session → system prompt → clamp → input guardrails →
 * route to upstream → output guardrails (inside the stream) → save session → respond.
 */
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { contentFilterError, modelNotAllowed, modelNotFound } from '../errors.js';
import type { ChunkBatch, JsonObject } from '../providers/types.js';
import type { Metrics } from '../metrics.js';
import type { SessionStore, StoredMessage } from '../store/types.js';
import type { ChatContext } from './context.js';
import { messagesOf } from './context.js';
import { callUpstream } from './call-upstream.js';
import { clampSampling } from './clamp.js';
import { applySystemPrompt } from './system-prompt.js';
import type { ChunkTransform, StreamHooks } from './stream.js';
import { AnswerAssembler, loadSession, saveTurn, storedAnswer, takeSessionId } from './session.js';
import { record, reportItems, reportValue, startGuardrails, type GuardrailRun } from './guardrail-context.js';
import { checkInput } from './input-guardrails.js';
import { checkOutput } from './output-guardrails.js';
import { guardStream } from './output-stream.js';
import { blockedCompletion, blockedStream } from './blocked-response.js';
import { RAW_JSON } from '../sse/encode.js';

export type ChatOutcome =
  | { kind: 'json'; status: number; body: JsonObject }
  | { kind: 'stream'; events: AsyncIterable<ChunkBatch>; hooks: StreamHooks };

export interface PipelineDeps {
  metrics: Metrics;
  store: SessionStore;
  /** The raw X-Session-Id header. */
  sessionHeader: string | string[] | undefined;
  /** History from elsewhere (a Responses API chain), used when there is no session. */
  history?: StoredMessage[];
  /** Receives the turn after a successful completion (a Responses API chain), when there is no session. */
  persistTurn?: (turn: StoredMessage[]) => Promise<void>;
}

export function checkModel(ctx: ChatContext): void {
  const { tenant, runtime, model } = ctx;
  if (!runtime.models.has(model)) throw modelNotFound(model);
  if (!tenant.allModels && !tenant.models.has(model)) throw modelNotAllowed(model);
}

export async function runChat(ctx: ChatContext, deps: PipelineDeps): Promise<ChatOutcome> {
  checkModel(ctx);

  const sessionId = takeSessionId(deps.sessionHeader, ctx.body);
  ctx.sessionId = sessionId;
  const guard = ctx.tenant.policies.length > 0 ? startGuardrails(ctx) : undefined;
  if (!guard && 'grounding' in ctx.body) delete ctx.body.grounding; // our extension never goes upstream
  const session = sessionId ? await loadSession(ctx, deps.store, sessionId) : undefined;

  const clientMessages = messagesOf(ctx.body);
  const split = applySystemPrompt(clientMessages, ctx.tenant.name, ctx.tenant.config.system_prompt);

  const clamp = clampSampling(ctx.body, ctx.tenant.samplingFor(ctx.model));
  ctx.clamped.push(...clamp.changes);
  for (const p of clamp.params) deps.metrics.clamps.inc({ param: p });

  if (guard) {
    // Every message the client sent (system ones included), never the tenant prompt or history.
    const verdict = await checkInput(guard, clientMessages);
    record(ctx, guard, 'input', verdict.findings, deps.metrics);
    ctx.guardrail = reportItems(guard);
    if (verdict.blockedBy) {
      ctx.blocked = true;
      if (verdict.blockedBy.onBlock === 'error') throw contentFilterError(verdict.blockedBy.messages.blockedInput);
      const report = reportValue(guard);
      if (!ctx.stream) return { kind: 'json', status: 200, body: blockedCompletion(ctx.model, verdict.blockedBy.messages.blockedInput, report) };
      return { kind: 'stream', events: blockedStream(ctx.model, verdict.blockedBy.messages.blockedInput, report), hooks: {} };
    }
  }

  ctx.body.messages = [...split.head, ...(session?.history ?? deps.history ?? []), ...split.rest];
  // The save needs the session's id and figures, not its history: a stream holds this for its life.
  const saveTo = session ? { id: session.id, historyTokens: session.historyTokens, available: session.available } : undefined;
  const sink = saveTo ? (turn: StoredMessage[]) => saveTurn(ctx, deps.store, saveTo, turn) : deps.persistTurn;
  // What a successful turn appends to the session: the client's new non-system messages, as masked.
  const newMessages = split.rest as StoredMessage[];

  const { result, target } = await callUpstream(ctx, (provider, kind) => deps.metrics.upstreamErrors.inc({ provider, kind }));
  ctx.target = target;

  if (result.kind === 'json') {
    const body = result.body as unknown as ChatCompletion;
    countTokens(ctx, deps, body.usage);
    let stored: JsonObject | undefined = ((body.choices ?? []).find((c) => c.index === 0) ?? body.choices?.[0])?.message as unknown as JsonObject | undefined;
    if (guard?.output) {
      const verdict = await checkOutput(guard, result.body);
      record(ctx, guard, 'output', verdict.findings, deps.metrics);
      ctx.guardrail = reportItems(guard);
      if (verdict.blockedBy) {
        ctx.blocked = true;
        if (verdict.blockedBy.onBlock === 'error') throw contentFilterError(verdict.blockedBy.messages.blockedOutput);
      }
      stored = verdict.stored;
    }
    if (guard) (result.body as JsonObject).sluice_guardrail = reportValue(guard);
    if (sink && !ctx.blocked) await sink([...newMessages, storedAnswer(stored)]);
    return { kind: 'json', status: 200, body: result.body };
  }

  const assembler = sink ? new AnswerAssembler() : undefined;
  const transforms: ChunkTransform[] = [];
  if (guard?.output) transforms.push(guardedOutput(ctx, guard, deps, assembler));
  else {
    if (guard) transforms.push(finishReport(guard));
    if (assembler) transforms.push(assemble(assembler));
  }
  let events: AsyncIterable<ChunkBatch> = result.events;
  for (const t of transforms) events = t(events);
  let firstToken = false;
  return {
    kind: 'stream',
    events,
    hooks: {
      onChunk: (chunk) => {
        if (chunk.usage) countTokens(ctx, deps, chunk.usage);
      },
      onFirstContent: () => {
        if (firstToken) return;
        firstToken = true;
        deps.metrics.ttft.observe(Number(process.hrtime.bigint() - ctx.startedAt) / 1e9);
      },
      onError: (err) => ctx.log.warn({ err }, 'stream ended with an error'),
      ...(sink && assembler
        ? {
            beforeDone: async () => {
              if (!ctx.blocked) await sink([...newMessages, assembler.message()]);
            },
          }
        : {}),
    },
  };
}

function guardedOutput(ctx: ChatContext, guard: GuardrailRun, deps: PipelineDeps, assembler: AnswerAssembler | undefined): ChunkTransform {
  return guardStream(guard, {
    assembler,
    onFindings: (findings) => record(ctx, guard, 'output', findings, deps.metrics),
    onBlocked: () => {
      ctx.blocked = true;
    },
    report: () => reportValue(guard),
  });
}

/** Without output checks the finish chunk still carries the whole guardrail value. */
function finishReport(guard: GuardrailRun): ChunkTransform {
  return async function* (source) {
    for await (const batch of source) {
      for (const chunk of batch) {
        if (chunk.choices?.some((c) => c.finish_reason)) {
          (chunk as ChatCompletionChunk & { sluice_guardrail?: string }).sluice_guardrail = reportValue(guard);
          delete (chunk as { [RAW_JSON]?: string })[RAW_JSON];
        }
      }
      yield batch;
    }
  };
}

function countTokens(ctx: ChatContext, deps: PipelineDeps, usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined): void {
  if (!usage) return;
  if (typeof usage.prompt_tokens === 'number') deps.metrics.countTokens(ctx.tenant.name, ctx.model, 'input', usage.prompt_tokens);
  if (typeof usage.completion_tokens === 'number') deps.metrics.countTokens(ctx.tenant.name, ctx.model, 'output', usage.completion_tokens);
}

function assemble(assembler: AnswerAssembler): ChunkTransform {
  return async function* (source) {
    for await (const batch of source) {
      for (const chunk of batch) assembler.add(chunk);
      yield batch;
    }
  };
}
