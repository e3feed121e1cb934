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
  if (plainlyValid(body as Record<string, unknown>)) return body as JsonObject;
  const res = ChatRequest.safeParse(body);
  if (!res.success) {
    const issue = res.error.issues[0];
    const param = issue ? paramName(issue.path) : null;
    throw invalidRequest(`Invalid value for '${param}': ${issue?.message ?? 'invalid'}`, param || null);
  }
  return body as JsonObject;
}

/*
 * A hand-written pass for the bodies SDKs send every day, run before the schema: it accepts only
 * what ChatRequest accepts (a test checks this against the schema on generated bodies), and
 * anything it is unsure of goes to the schema, which then also words the error. The schema walk
 * costs a few microseconds per request; this costs a fraction of one.
 */
type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString: Check = (v) => typeof v === 'string';
const optString: Check = (v) => v === undefined || typeof v === 'string';
const nullableNumberValue: Check = (v) => v === null || (typeof v === 'number' && Number.isFinite(v));
const nullableIntValue: Check = (v) => v === null || Number.isSafeInteger(v);
const nullableBoolean: Check = (v) => v === null || typeof v === 'boolean';
const isBoolean: Check = (v) => typeof v === 'boolean';
const typed: Check = (v) => isObject(v) && typeof v.type === 'string';
const typedList: Check = (v) => Array.isArray(v) && v.every(typed);

const ROLES: ReadonlySet<unknown> = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

// A Map: a body key such as `__proto__` or `toString` must not find anything.
const FIELD_CHECKS = new Map<string, Check>(Object.entries({
  model: (v) => typeof v === 'string' && v.length > 0,
  messages: (v) => Array.isArray(v) && v.length > 0 && v.every(plainMessage),
  stream: nullableBoolean,
  stream_options: (v) => v === null || (isObject(v) && (v.include_usage === undefined || typeof v.include_usage === 'boolean')),
  temperature: nullableNumberValue,
  top_p: nullableNumberValue,
  top_k: nullableIntValue,
  n: nullableIntValue,
  max_tokens: nullableIntValue,
  max_completion_tokens: nullableIntValue,
  presence_penalty: nullableNumberValue,
  frequency_penalty: nullableNumberValue,
  seed: nullableIntValue,
  stop: (v) => v === null || typeof v === 'string' || (Array.isArray(v) && v.every(isString)),
  tools: typedList,
  tool_choice: (v) => typeof v === 'string' || typed(v),
  parallel_tool_calls: isBoolean,
  response_format: typed,
  logprobs: nullableBoolean,
  top_logprobs: nullableIntValue,
  logit_bias: (v) => v === null || (isObject(v) && Object.values(v).every((n) => typeof n === 'number' && Number.isFinite(n))),
  user: isString,
  metadata: (v) => v === null || isObject(v),
} satisfies Record<string, Check>));

function plainMessage(m: unknown): boolean {
  if (!isObject(m) || !ROLES.has(m.role)) return false;
  const content = m.content;
  if (!(content === undefined || content === null || typeof content === 'string' || typedList(content))) return false;
  if (!optString(m.name) || !optString(m.tool_call_id)) return false;
  const calls = m.tool_calls;
  return calls === undefined || calls === null || (Array.isArray(calls) && calls.every(plainToolCall));
}

function plainToolCall(c: unknown): boolean {
  if (!isObject(c) || typeof c.id !== 'string' || typeof c.type !== 'string') return false;
  const f = c.function;
  return f === undefined || (isObject(f) && typeof f.name === 'string' && typeof f.arguments === 'string');
}

/** True only for a body the schema surely accepts; false means "ask the schema". */
export function plainlyValid(body: Record<string, unknown>): boolean {
  if (!('model' in body) || !('messages' in body)) return false;
  for (const key of Object.keys(body)) {
    const check = FIELD_CHECKS.get(key);
    if (check !== undefined && !check(body[key])) return false;
  }
  return true;
}
