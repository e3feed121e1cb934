/**
 * Any OpenAI-compatible API over undici: one keep-alive Pool per provider, its own key and
 * headers; the client's Authorization never comes here.
 */
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { ProviderConfig } from '../../config/schema.js';
import type { MissingVar } from '../../config/expand.js';
import type { CancelSignal } from '../../cancel-signal.js';
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
  // Per request only the request id and accept change: they are appended to a flat header list
  // (undici's cheapest form; an object spread per request cost most of a microsecond).
  const common: string[] = [];
  for (const [k, v] of Object.entries(headers)) if (k !== 'accept' && k !== 'x-request-id') common.push(k, v);
  const chatHeaders = (requestId: string, stream: boolean): string[] => {
    const list = common.slice();
    list.push('x-request-id', requestId, 'accept', stream ? 'text/event-stream' : 'application/json');
    return list;
  };

  async function send(path: string, body: JsonObject, signal: CancelSignal, stream: boolean, requestId?: string): Promise<Dispatcher.ResponseData> {
    if (missingKeyVar && !cfg.api_key) {
      throw new UpstreamFailure('misconfigured', `provider '${name}' has no API key: the environment variable ${missingKeyVar} is not set`);
    }
    try {
      return await pool.request({
        method: 'POST',
        path: url(path),
        headers: requestId ? chatHeaders(requestId, stream) : headers,
        body: JSON.stringify(body),
        // The client going away aborts the exchange, stream included. undici listens through
        // addEventListener, which a CancelSignal has; its types only name AbortSignal.
        signal: signal as AbortSignal,
        // undici's own timers instead of a deadline controller per attempt: timeout_ms for the
        // response headers and (as silence) a whole non-streamed body; stream_idle_timeout_ms
        // between the chunks of a stream.
        headersTimeout: cfg.timeout_ms,
        bodyTimeout: stream ? cfg.stream_idle_timeout_ms : cfg.timeout_ms,
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw classifyTransportError(name, err);
    }
  }

  async function readJson(res: Dispatcher.ResponseData, clientSignal: CancelSignal): Promise<unknown> {
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      if (clientSignal.aborted) throw err;
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
      const res = await send('/chat/completions', call.body, call.signal, call.stream, call.requestId);
      const contentType = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 400 || !call.stream || !contentType.includes('text/event-stream')) {
        const body = await readJson(res, call.signal);
        if (res.statusCode >= 400) throw failureFromStatus(res.statusCode, body, res.headers);
        if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
          throw new UpstreamFailure('invalid_response', `provider '${name}' answered 200 with a body that is not valid JSON`, { status: 502 });
        }
        return { kind: 'json', status: res.statusCode, body: body as JsonObject, headers: pickHeaders(res.headers) };
      }
      const body = res.body;
      // The iterator sees every read error; this listener only keeps an error emitted after the
      // loop ended (our own destroy below, a late reset) from becoming an uncaught exception.
      body.on('error', () => undefined);
      // Leaving the loop must not destroy the body: after [DONE] the rest is drained so the
      // keep-alive connection goes back to the pool (a torn-down connection per stream was costly).
      const events = decodeChatStream(body.iterator({ destroyOnReturn: false }), {
        classifyError: (err) => streamFault(name, err, cfg.stream_idle_timeout_ms),
        finally: (clean) => {
          if (body.destroyed) return;
          if (clean) {
            body.resume();
          } else {
            // The consumer stopped early (client gone, guardrail block): close the upstream.
            body.destroy();
          }
        },
      });
      return { kind: 'stream', status: res.statusCode, headers: pickHeaders(res.headers), events };
    },
    async postJson(path: string, body: JsonObject, signal: CancelSignal): Promise<JsonObject> {
      const res = await send(path, body, signal, false);
      const parsed = await readJson(res, signal);
      if (res.statusCode >= 400) throw failureFromStatus(res.statusCode, parsed, res.headers);
      if (parsed === undefined || parsed === null || typeof parsed !== 'object') {
        throw new UpstreamFailure('invalid_response', `provider '${name}' answered with a body that is not valid JSON`);
      }
      return parsed as JsonObject;
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
