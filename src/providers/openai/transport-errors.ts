/** Maps undici's transport errors, by their stable `code`, to routing decisions. */
import { UpstreamFailure } from '../types.js';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export function classifyTransportError(provider: string, err: unknown): UpstreamFailure {
  const code = (err as { code?: string } | undefined)?.code ?? '';
  const message = (err as Error | undefined)?.message ?? String(err);
  if (TIMEOUT_CODES.has(code)) {
    return new UpstreamFailure('timeout', `provider '${provider}' timed out (${code})`, { cause: err });
  }
  return new UpstreamFailure('connect', `provider '${provider}' unreachable: ${code || message}`, { cause: err });
}

/** `retry-after-ms` (OpenAI) or `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(ms: unknown, seconds: unknown): number | undefined {
  if (typeof ms === 'string' && /^\d+(\.\d+)?$/.test(ms)) return Math.round(Number(ms));
  if (typeof seconds !== 'string' || seconds.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(seconds.trim())) return Math.round(Number(seconds) * 1000);
  const at = Date.parse(seconds);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
