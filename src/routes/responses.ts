/**
 * POST /v1/responses on any upstream: translated to Chat Completions and run through the same
 * pipeline (clamps, guardrails, routing), with stored responses for `previous_response_id`.
 * GET and DELETE /v1/responses/{id} for this tenant's stored responses.
 */
import type { FastifyInstance } from 'fastify';
import type { Tenant } from '../config/runtime.js';
import { notFound, storeUnavailable } from '../errors.js';
import type { JsonObject } from '../providers/types.js';
import { runChat } from '../pipeline/run.js';
import { SSE_HEADERS } from '../sse/encode.js';
import { writeSse } from '../sse/write.js';
import type { StoredMessage } from '../store/types.js';
import { toChatBody, validateResponsesRequest } from '../responses/request.js';
import { fromChatCompletion, newId, type ResponseShell } from '../responses/response.js';
import { responsesEvents } from '../responses/stream.js';
import { chainOf, joinChains, loadChain, saveChain, trimChain, RESPONSE_KIND } from '../responses/chain.js';
import { chatContext, recordAccess, setReportHeaders } from './chat-completions.js';

const RESPONSE_ID_RE = /^resp_[A-Za-z0-9_-]{1,128}$/;

export function registerResponsesRoutes(app: FastifyInstance): void {
  app.post('/responses', async (req, reply) => {
    const request = validateResponsesRequest(req.body);
    const tenant = req.tenant as Tenant;
    const limits = { maxMessages: tenant.config.history.max_messages, maxTokens: tenant.config.history.max_tokens };

    let history: StoredMessage[] = [];
    if (request.previous_response_id) {
      const prevId = request.previous_response_id;
      const prev = RESPONSE_ID_RE.test(prevId)
        ? await loadChain(app.store, tenant.name, prevId).catch((err) => {
            throw storeUnavailable(err);
          })
        : null;
      if (!prev) throw notFound(`Previous response with id '${prevId}' not found.`, 'previous_response_id');
      history = prev.messages;
    }

    // Counted once: trimmed now for the upstream, and again with the new turn when stored.
    const chain = await trimChain(chainOf(history), limits);
    const body = toChatBody(request);
    const shell: ResponseShell = { id: newId('resp'), createdAt: Math.floor(Date.now() / 1000), model: request.model, req: request };
    const keep = request.store !== false;
    let turn: StoredMessage[] | undefined;
    const persist = async (response: JsonObject) => {
      if (!keep || !turn) return;
      const { messages } = await trimChain(joinChains(chain, chainOf(turn)), limits);
      await saveChain(app.store, tenant.name, { response, messages }, tenant.config.history.ttl_seconds).catch((err) => {
        req.log.warn({ err }, 'response not stored');
      });
    };

    const ctx = chatContext(req, reply, body, request.model, request.stream === true);
    const rename = () => {
      // Clamp reports name the parameter as the client sent it.
      ctx.clamped = ctx.clamped.map((c) => c.replace(/^max_tokens=/, 'max_output_tokens='));
    };
    try {
      const outcome = await runChat(ctx, {
        metrics: app.metrics,
        store: app.store,
        sessionHeader: req.headers['x-session-id'],
        history: chain.messages,
        persistTurn: async (t) => {
          turn = t;
        },
      });
      rename();
      setReportHeaders(reply, ctx);
      if (outcome.kind === 'json') {
        const response = fromChatCompletion(shell, outcome.body);
        await persist(response);
        return reply.send(response);
      }
      reply.headers(SSE_HEADERS);
      const frames = responsesEvents(shell, outcome.events, {
        ...(outcome.hooks.beforeDone ? { beforeDone: outcome.hooks.beforeDone } : {}),
        ...(outcome.hooks.onChunk ? { onChunk: outcome.hooks.onChunk } : {}),
        onFinal: persist,
      });
      return writeSse(reply, frames, reply.getHeaders() as Record<string, string>);
    } catch (err) {
      rename();
      setReportHeaders(reply, ctx);
      throw err;
    } finally {
      recordAccess(req, ctx);
    }
  });

  app.get<{ Params: { id: string } }>('/responses/:id', async (req) => {
    const tenant = req.tenant as Tenant;
    const id = req.params.id;
    const stored = RESPONSE_ID_RE.test(id)
      ? await loadChain(app.store, tenant.name, id).catch((err) => {
          throw storeUnavailable(err);
        })
      : null;
    if (!stored) throw notFound(`Response with id '${id}' not found.`, 'response_id');
    return stored.response;
  });

  app.delete<{ Params: { id: string } }>('/responses/:id', async (req) => {
    const tenant = req.tenant as Tenant;
    const id = req.params.id;
    const existed = RESPONSE_ID_RE.test(id)
      ? await app.store.deleteDocument(tenant.name, RESPONSE_KIND, id).catch((err) => {
          throw storeUnavailable(err);
        })
      : false;
    if (!existed) throw notFound(`Response with id '${id}' not found.`, 'response_id');
    return { id, object: 'response.deleted', deleted: true };
  });
}
