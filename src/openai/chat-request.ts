/**
 * Run-time checks of the Chat Completions request: known fields are type-checked, every other
 * field passes through untouched (upstreams such as vLLM take `top_k`).
 */
import { z } from 'zod';
import { invalidRequest } from '../errors.js';
import type { JsonObject } from '../providers/types.js';

const nullableNumber = z.number().nullable().optional();
const nullableInt = z.number().int().nullable().optional();

const Message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string() })), z.null()]).optional(),
  name: z.string().optional(),
  tool_calls: z
    .array(z.looseObject({ id: z.string(), type: z.string(), function: z.looseObject({ name: z.string(), arguments: z.string() }).optional() }))
    .nullable()
    .optional(),
  tool_call_id: z.string().optional(),
});

export const ChatRequest = z.looseObject({
  model: z.string({ error: 'you must provide a model parameter' }).min(1, 'you must provide a model parameter'),
  messages: z.array(Message, { error: 'messages must be an array of message objects' }).min(1, 'messages must not be empty'),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  temperature: nullableNumber,
  top_p: nullableNumber,
  top_k: nullableInt,
  n: nullableInt,
  max_tokens: nullableInt,
  max_completion_tokens: nullableInt,
  presence_penalty: nullableNumber,
  frequency_penalty: nullableNumber,
  seed: nullableInt,
  stop: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  tools: z.array(z.looseObject({ type: z.string() })).optional(),
  tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
  parallel_tool_calls: z.boolean().optional(),
  response_format: z.looseObject({ type: z.string() }).optional(),
  logprobs: z.boolean().nullable().optional(),
  top_logprobs: nullableInt,
  logit_bias: z.record(z.string(), z.number()).nullable().optional(),
  user: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** `messages.0.content` → `messages[0].content`, as OpenAI names params. */
export function paramName(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

export function validateChatRequest(body: unknown): JsonObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  const res = ChatRequest.safeParse(body);
  if (!res.success) {
    const issue = res.error.issues[0];
    const param = issue ? paramName(issue.path) : null;
    throw invalidRequest(`Invalid value for '${param}': ${issue?.message ?? 'invalid'}`, param || null);
  }
  return body as JsonObject;
}
