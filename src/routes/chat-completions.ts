/** POST /v1/chat/completions: builds the request context and hands it to the pipeline. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JsonObject } from '../providers/types.js';
import type { Tenant } from '../config/runtime.js';
import { validateChatRequest } from '../openai/chat-request.js';
import type { ChatContext } from '../pipeline/context.js';
import { ClientCancel, type CancelSignal } from '../cancel-signal.js';
import { runChat } from '../pipeline/run.js';
import { pumpSse } from '../pipeline/stream.js';
import { SSE_HEADERS } from '../sse/encode.js';
import { pushSse } from '../sse/write.js';

/** Aborts when the client goes away before the response ended, cancelling the upstream. */
export function clientAbortSignal(reply: FastifyReply): CancelSignal {
  const cancel = new ClientCancel();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) cancel.abort(new Error('client disconnected'));
  });
  return cancel;
}

/** Content reaches the logs only when the config asks (server- or tenant-wide), and as the upstream saw it (masked). */
export function logsContent(ctx: ChatContext): boolean {
  return ctx.tenant.config.log_content ?? ctx.runtime.config.server.log_content;
}

export function setReportHeaders(reply: FastifyReply, ctx: ChatContext): void {
  if (ctx.clamped.length > 0) reply.header('x-sluice-clamped', ctx.clamped.join(', '));
  reply.header('x-sluice-guardrail', ctx.guardrail.length > 0 ? ctx.guardrail.join('; ') : 'none');
  for (const [k, v] of Object.entries(ctx.headers)) reply.header(k, v);
}

export function registerChatRoutes(app: FastifyInstance): void {
  app.post('/chat/completions', async (req, reply) => {
    const body = validateChatRequest(req.body);
    const ctx = chatContext(req, reply, body, body.model as string, body.stream === true);
    try {
      const outcome = await runChat(ctx, { metrics: app.metrics, store: app.store, sessionHeader: req.headers['x-session-id'] });
      setReportHeaders(reply, ctx);
      if (logsContent(ctx)) req.access.content = { messages: ctx.body.messages, ...(outcome.kind === 'json' ? { choices: outcome.body.choices } : {}) };
      if (outcome.kind === 'json') return reply.code(outcome.status).send(outcome.body);
      // A stream can last minutes, and every concurrent one would keep what it forwarded (the
      // whole history included) alive; nothing reads it once the upstream answered.
      delete ctx.body.messages;
      reply.headers(SSE_HEADERS);
      return pushSse(reply, reply.getHeaders() as Record<string, string>, (emit) => pumpSse(outcome.events, outcome.hooks, emit));
    } catch (err) {
      // An error still tells what the guardrails and clamps did (e.g. a content_filter block).
      setReportHeaders(reply, ctx);
      throw err;
    } finally {
      recordAccess(req, ctx);
    }
  });
}

/** The pipeline context of one request; also what the Responses route builds. */
export function chatContext(req: FastifyRequest, reply: FastifyReply, body: JsonObject, model: string, stream: boolean): ChatContext {
  req.access.model = model;
  return {
    requestId: req.id,
    runtime: req.runtime,
    tenant: req.tenant as Tenant,
    model,
    body,
    stream,
    signal: clientAbortSignal(reply),
    log: req.log,
    clamped: [],
    guardrail: [],
    headers: {},
    upstreamMs: 0,
    startedAt: process.hrtime.bigint(),
  };
}

/** What the access log line tells about the pipeline. */
export function recordAccess(req: FastifyRequest, ctx: ChatContext): void {
  req.access.target = ctx.target ? `${ctx.target.provider}/${ctx.target.model}` : undefined;
  req.access.upstreamMs = ctx.upstreamMs;
  req.access.session = ctx.sessionId;
}
