/**
 * Routing: the public model's targets in order, bounded retries per target with backoff that
 * honours retry-after, and the client's status when every target failed (SPEC §8).
 */
import { GatewayError, upstreamError, upstreamTimeout } from '../errors.js';
import { UpstreamFailure, type JsonObject, type UpstreamResult } from '../providers/types.js';
import type { ChatContext } from './context.js';
import type { CancelSignal } from '../cancel-signal.js';

export interface RoutedResult {
  result: UpstreamResult;
  target: { provider: string; model: string };
}

const sleep = (ms: number, signal: CancelSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

function backoffMs(attempt: number): number {
  const base = 250 * 2 ** attempt;
  return base / 2 + Math.random() * base;
}

function retryable(f: UpstreamFailure): boolean {
  if (f.kind === 'connect' || f.kind === 'invalid_response') return true;
  return f.kind === 'status' && f.status !== undefined && (f.status === 429 || f.status >= 500);
}

/** An upstream 4xx other than 401/403/429 is the client's problem: passed through as it came. */
function passThrough(f: UpstreamFailure): GatewayError | undefined {
  if (f.kind !== 'status' || f.status === undefined) return undefined;
  if (f.status < 400 || f.status >= 500 || f.status === 401 || f.status === 403 || f.status === 429) return undefined;
  const e = (f.body as { error?: { message?: unknown; type?: unknown; param?: unknown; code?: unknown } } | undefined)?.error;
  const message = typeof e?.message === 'string' ? e.message : `The upstream rejected the request (${f.status}).`;
  return new GatewayError(f.status, typeof e?.type === 'string' ? e.type : 'invalid_request_error', message, {
    param: typeof e?.param === 'string' ? e.param : null,
    code: typeof e?.code === 'string' ? e.code : null,
  });
}

export async function callUpstream(ctx: ChatContext, record: (provider: string, kind: string) => void): Promise<RoutedResult> {
  const model = ctx.runtime.models.get(ctx.model);
  if (!model) throw new GatewayError(404, 'invalid_request_error', `The model '${ctx.model}' does not exist.`, { code: 'model_not_found', param: 'model' });
  const failures: UpstreamFailure[] = [];

  for (const target of model.targets) {
    const provider = ctx.runtime.providers.get(target.provider);
    if (!provider) continue;
    const settings = ctx.runtime.config.providers[target.provider];
    const maxRetries = settings?.max_retries ?? 0;
    const maxRetryAfter = settings?.max_retry_after_ms ?? 5000;
    const body: JsonObject = { ...ctx.body, model: target.model };

    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      try {
        const result = await provider.chat({ body, stream: ctx.stream, signal: ctx.signal, requestId: ctx.requestId });
        ctx.upstreamMs += performance.now() - started;
        return { result, target };
      } catch (err) {
        ctx.upstreamMs += performance.now() - started;
        if (!(err instanceof UpstreamFailure)) throw err; // client abort or a bug: not a routing matter
        record(target.provider, err.kind === 'status' ? String(err.status) : err.kind);
        const direct = passThrough(err);
        if (direct) throw direct;
        failures.push(err);
        ctx.log.warn({ provider: target.provider, model: target.model, attempt, kind: err.kind, status: err.status }, 'upstream attempt failed');
        if (!retryable(err) || attempt >= maxRetries) break;
        const wait = err.retryAfterMs ?? backoffMs(attempt);
        if (err.retryAfterMs !== undefined && err.retryAfterMs > maxRetryAfter) break; // too long: next target
        await sleep(wait, ctx.signal);
      }
    }
  }
  throw finalError(ctx.model, failures);
}

function finalError(model: string, failures: UpstreamFailure[]): GatewayError {
  const last = failures[failures.length - 1];
  if (!last) return upstreamError(`No upstream target is available for model '${model}'.`);
  if (last.kind === 'timeout') return upstreamTimeout(`The upstream timed out for model '${model}': ${last.message}.`);
  if (failures.every((f) => f.kind === 'status' && f.status === 429)) {
    const waits = failures.map((f) => f.retryAfterMs).filter((v): v is number => v !== undefined);
    const seconds = waits.length > 0 ? Math.max(1, Math.ceil(Math.min(...waits) / 1000)) : 1;
    return new GatewayError(429, 'rate_limit_error', `Every upstream for model '${model}' is rate limited; retry after ${seconds}s.`, {
      code: 'rate_limit_exceeded',
      headers: { 'retry-after': String(seconds) },
    });
  }
  const what = last.kind === 'status' ? `upstream status ${last.status}` : last.message;
  return upstreamError(`Every upstream target failed for model '${model}' (last: ${what}).`, last);
}
