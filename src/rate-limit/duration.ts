/** Time formats of OpenAI's rate-limit headers. */

/**
 * Go's duration form, as OpenAI sends `x-ratelimit-reset-*`: `120ms` below a second, else
 * `59s`, `1.5s`, `6m0s`, `1h2m3s` (millisecond precision, trailing zeros dropped).
 */
export function formatResetDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = `${Number(((total % 60_000) / 1000).toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}

/** `retry-after` is whole seconds, rounded up so a client never comes back too early, and at least 1. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
