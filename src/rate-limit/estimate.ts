/**
 * The token cost charged against `tokens_per_minute` when a request arrives, before any upstream
 * answers (OpenAI's way: the prompt's characters / 4 plus the completion budget). Charging up front
 * means a burst of concurrent requests cannot overshoot the budget and streams without usage are
 * counted too; the price is that a short answer is charged its whole `max_tokens`.
 */
import type { SamplingConfig } from '../config/schema.js';

/** Charged for the completion when neither the client nor the tenant's clamps set max_tokens. */
export const DEFAULT_COMPLETION_TOKENS = 256;
/** An image, audio or file part: its bytes say little about its tokens (an image is 85–1105). */
const NON_TEXT_PART_TOKENS = 765;
const NON_TEXT_PART_TYPES = new Set(['image_url', 'input_image', 'input_audio', 'file', 'input_file']);
/** Request fields whose text reaches the model (Chat Completions and Responses). */
const PROMPT_FIELDS = ['messages', 'input', 'instructions', 'tools', 'functions', 'prompt'] as const;
const COMPLETION_FIELDS = ['max_completion_tokens', 'max_tokens', 'max_output_tokens'] as const;
const MAX_N = 128;

export function estimateRequestTokens(body: Record<string, unknown>, sampling: SamplingConfig | undefined): number {
  let chars = 0;
  let parts = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') chars += value.length;
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value !== null && typeof value === 'object') {
      const type = (value as Record<string, unknown>).type;
      if (typeof type === 'string' && NON_TEXT_PART_TYPES.has(type)) parts++;
      else for (const item of Object.values(value)) visit(item);
    }
  };
  for (const field of PROMPT_FIELDS) visit(body[field]);
  const n = typeof body.n === 'number' && Number.isFinite(body.n) ? Math.min(MAX_N, Math.max(1, Math.floor(body.n))) : 1;
  return Math.ceil(chars / 4) + parts * NON_TEXT_PART_TOKENS + completionBudget(body, sampling) * n;
}

/** What the clamp stage will let the upstream generate, so the estimate matches the real cap. */
function completionBudget(body: Record<string, unknown>, sampling: SamplingConfig | undefined): number {
  const limit = sampling?.max_tokens;
  if (limit?.force !== undefined) return Math.max(0, Math.ceil(limit.force));
  const sent = COMPLETION_FIELDS.map((field) => body[field]).find((v): v is number => typeof v === 'number' && Number.isFinite(v));
  let budget = sent ?? limit?.default ?? DEFAULT_COMPLETION_TOKENS;
  if (limit?.max !== undefined) budget = Math.min(budget, limit.max);
  if (limit?.min !== undefined) budget = Math.max(budget, limit.min);
  return Math.max(0, Math.ceil(budget));
}
