/**
 * Any OpenAI-compatible API over undici: one keep-alive Pool per provider, its own key and
 * headers; the client's Authorization never comes here.
 */
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { ProviderConfig } from '../../config/schema.js';
import type { MissingVar } from '../../config/expand.js';
import { decodeChatStream } from '../../sse/decode.js';
import { StreamFault, UpstreamFailure, type JsonObject, type Provider, type UpstreamCall, type UpstreamResult } from '../types.js';
import { classifyTransportError, parseRetryAfter } from './transport-errors.js';

export function createOpenAIProvider(name: string, cfg: ProviderConfig, missingVars: MissingVar[]): Provider {
  const base = new URL(cfg.base_url as string);
  const basePath = base.pathname.replace(/\/+$/, '');
  const query = new URLSearchParams(cfg.query).toString();
  const pool = new Pool(base.origin, {
    connections: cfg.connections,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    connectTimeout: Math.min(cfg.timeout_ms, 10_000),
    headersTimeout: cfg.timeout_ms,
    bodyTimeout: cfg.stream_idle_timeout_ms,
  });

  // An api_key that expanded from an unset variable is named in the 502, not sent as "Bearer ".
  const missingKeyVar = missingVars.find((v) => v.path === `providers.${name}.api_key`)?.name;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [k, v] of Object.entries(cfg.headers)) headers[k.toLowerCase()] = v;
  if (cfg.api_key) {
    const h = cfg.api_key_header.toLowerCase();
    headers[h] = h === 'authorization' ? `Bearer ${cfg.api_key}` : cfg.api_key;
  }

  const url = (path: string) => `${basePath}${path}${query ? `?${query}` : ''}`;

  async function send(path: string, body: JsonObject, signal: AbortSignal, stream: boolean, requestId?: string) {
    if (missingKeyVar && !cfg.api_key) {
      throw new UpstreamFailure('misconfigured', `provider '${name}' has no API key: the environment variable ${missingKeyVar} is not set`);
    }
    // The whole non-streamed exchange is bounded by timeout_ms; a stream only its headers
    // (then stream_idle_timeout_ms between chunks, enforced by undici's bodyTimeout).
    // One controller per attempt, aborted by the client going away or by the deadline
    // (AbortSignal.any costs more and holds its sources longer on the hot path).
    const deadline = new AbortController();
    const onClientAbort = () => deadline.abort(signal.reason);
    if (signal.aborted) onClientAbort();
    else signal.addEventListener('abort', onClientAbort, { once: true });
    const timer = setTimeout(() => deadline.abort(new UpstreamFailure('timeout', `provider '${name}' did not answer within ${cfg.timeout_ms} ms`)), cfg.timeout_ms);
    const clearDeadline = () => clearTimeout(timer);
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onClientAbort);
    };
    let res: Dispatcher.ResponseData;
    try {
      res = await pool.request({
        method: 'POST',
        path: url(path),
        headers: requestId ? { ...headers, 'x-request-id': requestId, accept: stream ? 'text/event-stream' : 'application/json' } : headers,
        body: JSON.stringify(body),
        signal: deadline.signal,
      });
    } catch (err) {
      done();
      if (signal.aborted) throw err;
      if (deadline.signal.aborted) throw deadline.signal.reason as UpstreamFailure;
      throw classifyTransportError(name, err);
    }
    return { res, done, clearDeadline, deadline };
  }

  async function readJson(name: string, res: Dispatcher.ResponseData, deadline: AbortController, clientSignal: AbortSignal): Promise<unknown> {
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      if (clientSignal.aborted) throw err;
      if (deadline.signal.aborted) throw deadline.signal.reason as UpstreamFailure;
      throw classifyTransportError(name, err);
    }
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  function failureFromStatus(status: number, body: unknown, headers: Dispatcher.ResponseData['headers']): UpstreamFailure {
    const retryAfterMs = parseRetryAfter(headers['retry-after-ms'], headers['retry-after']);
    return new UpstreamFailure('status', `provider '${name}' answered ${status}`, {
      status,
      body,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }

  return {
    name,
    type: 'openai',
    async chat(call: UpstreamCall): Promise<UpstreamResult> {
      const { res, done, clearDeadline, deadline } = await send('/chat/completions', call.body, call.signal, call.stream, call.requestId);
      const contentType = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 400 || !call.stream || !contentType.includes('text/event-stream')) {
        try {
          const body = await readJson(name, res, deadline, call.signal);
          if (res.statusCode >= 400) throw failureFromStatus(res.statusCode, body, res.headers);
          if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
            throw new UpstreamFailure('invalid_response', `provider '${name}' answered 200 with a body that is not valid JSON`, { status: 502 });
          }
          return { kind: 'json', status: res.statusCode, body: body as JsonObject, headers: pickHeaders(res.headers) };
        } finally {
          done();
        }
      }
      // The stream keeps the client's abort (it must still close the upstream); only the deadline ends.
      clearDeadline();
      const body = res.body;
      const events = decodeChatStream(body, {
        classifyError: (err) => streamFault(name, err, cfg.stream_idle_timeout_ms),
        // The consumer stopping early (client gone, guardrail block) closes the upstream.
        finally: () => {
          done();
          if (!body.destroyed) body.destroy();
        },
      });
      return { kind: 'stream', status: res.statusCode, headers: pickHeaders(res.headers), events };
    },
    async postJson(path: string, body: JsonObject, signal: AbortSignal): Promise<JsonObject> {
      const { res, done, deadline } = await send(path, body, signal, false);
      try {
        const parsed = await readJson(name, res, deadline, signal);
        if (res.statusCode >= 400) throw failureFromStatus(res.statusCode, parsed, res.headers);
        if (parsed === undefined || parsed === null || typeof parsed !== 'object') {
          throw new UpstreamFailure('invalid_response', `provider '${name}' answered with a body that is not valid JSON`);
        }
        return parsed as JsonObject;
      } finally {
        done();
      }
    },
    async close() {
      await pool.close().catch(() => pool.destroy());
    },
  };
}

/** Upstream headers worth telling the client about (rate-limit hints pass through as-is). */
function pickHeaders(h: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['openai-processing-ms', 'x-request-id', 'openai-version']) {
    const v = h[k];
    if (typeof v === 'string') out[`upstream-${k}`] = v;
  }
  return out;
}

function streamFault(provider: string, err: unknown, idleMs: number): StreamFault {
  if (err instanceof undiciErrors.BodyTimeoutError || (err as { code?: string })?.code === 'UND_ERR_BODY_TIMEOUT') {
    return new StreamFault('upstream_timeout', `provider '${provider}' sent nothing for ${idleMs} ms mid-stream`, err);
  }
  return new StreamFault('upstream_error', `provider '${provider}' broke the stream: ${(err as Error)?.message ?? 'connection reset'}`, err);
}
