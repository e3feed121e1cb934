/**
 * The two per-tenant counters and how they show on the wire: OpenAI's `x-ratelimit-*` headers and
 * its 429 `rate_limit_exceeded` error, so SDKs back off on their own.
 *
 * Windows are fixed, not sliding: one 60 s window per tenant and counter, opened by the first
 * counted request and closed 60 s later. That costs one key and one atomic script per check, where
 * a sliding log would store every request; the price is that a burst straddling two windows can
 * reach twice the limit within a minute.
 */
import { GatewayError } from '../errors.js';
import type { RateWindow } from '../store/types.js';
import { formatResetDuration, retryAfterSeconds } from './duration.js';

export const WINDOW_MS = 60_000;

export type Counter = 'requests' | 'tokens';

export interface CounterState extends RateWindow {
  counter: Counter;
  limit: number;
}

const UNIT: Record<Counter, string> = { requests: 'requests per min (RPM)', tokens: 'tokens per min (TPM)' };

export function rateLimitHeaders(state: CounterState): Record<string, string> {
  return {
    [`x-ratelimit-limit-${state.counter}`]: String(state.limit),
    [`x-ratelimit-remaining-${state.counter}`]: String(Math.max(0, state.limit - state.count)),
    [`x-ratelimit-reset-${state.counter}`]: formatResetDuration(state.resetMs),
  };
}

/** Over the limit for now: retry once the window closes. `requested` is unknown before the body is read. */
export function rateLimitExceeded(tenant: string, state: CounterState, requested?: number): GatewayError {
  const asked = requested === undefined ? '' : `, Requested ${requested}`;
  return new GatewayError(
    429,
    'rate_limit_error',
    `Rate limit reached for tenant '${tenant}' on ${UNIT[state.counter]}: Limit ${state.limit}, Used ${state.count}${asked}. ` +
      `Please try again in ${formatResetDuration(state.resetMs)}.`,
    {
      code: 'rate_limit_exceeded',
      headers: { ...rateLimitHeaders(state), 'retry-after': String(retryAfterSeconds(state.resetMs)) },
    },
  );
}

/** A request that alone costs more than a whole window's budget: waiting cannot help, so SDKs must not retry. */
export function requestTooLarge(tenant: string, state: CounterState, requested: number): GatewayError {
  return new GatewayError(
    429,
    'rate_limit_error',
    `Request too large for tenant '${tenant}' on ${UNIT[state.counter]}: Limit ${state.limit}, Requested ${requested}. ` +
      'Send a shorter prompt or a lower max_tokens.',
    {
      code: 'rate_limit_exceeded',
      headers: { ...rateLimitHeaders(state), 'retry-after': String(retryAfterSeconds(state.resetMs)), 'x-should-retry': 'false' },
    },
  );
}
