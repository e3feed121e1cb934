/**
 * The OpenAI Responses API request, translated to a Chat Completions body so every upstream
 * (and the whole chat pipeline: clamps, guardrails, routing) serves it.
 */
import { z } from 'zod';
import { invalidRequest } from '../errors.js';
import { paramName } from '../openai/chat-request.js';
import type { JsonObject } from '../providers/types.js';
import type { StoredMessage } from '../store/types.js';

const ContentPart = z.looseObject({ type: z.string() });
const InputItem = z.looseObject({
  type: z.string().optional(),
  role: z.string().optional(),
  content: z.union([z.string(), z.array(ContentPart)]).optional(),
});

export const ResponsesRequest = z.looseObject({
  model: z.string({ error: 'you must provide a model parameter' }).min(1),
  input: z.union([z.string(), z.array(InputItem)]).optional(),
  instructions: z.string().nullable().optional(),
  previous_response_id: z.string().nullable().optional(),
  store: z.boolean().nullable().optional(),
  stream: z.boolean().nullable().optional(),
  temperature: z.number().nullable().optional(),
  top_p: z.number().nullable().optional(),
  max_output_tokens: z.number().int().nullable().optional(),
  tools: z.array(z.looseObject({ type: z.string() })).optional(),
  tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  text: z.looseObject({ format: z.looseObject({ type: z.string() }).optional() }).nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  user: z.string().optional(),
});
export type ResponsesBody = z.infer<typeof ResponsesRequest>;

export function validateResponsesRequest(body: unknown): ResponsesBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidRequest('The request body must be a JSON object.');
  const res = ResponsesRequest.safeParse(body);
  if (!res.success) {
    const issue = res.error.issues[0];
    const param = issue ? paramName(issue.path) : null;
    throw invalidRequest(`Invalid value for '${param}': ${issue?.message ?? 'invalid'}`, param || null);
  }
  return res.data;
}

function partText(part: JsonObject): string | undefined {
  if ((part.type === 'input_text' || part.type === 'output_text' || part.type === 'text') && typeof part.text === 'string') return part.text;
  return undefined;
}

function chatContent(content: unknown): string | JsonObject[] {
  if (typeof content === 'string') return content;
  const parts = (content as JsonObject[] | undefined) ?? [];
  const out: JsonObject[] = [];
  for (const p of parts) {
    const text = partText(p);
    if (text !== undefined) out.push({ type: 'text', text });
    else if (p.type === 'input_image') {
      const url = typeof p.image_url === 'string' ? p.image_url : undefined;
      if (!url) throw invalidRequest('input_image parts need an image_url on this gateway.', 'input');
      out.push({ type: 'image_url', image_url: { url, ...(p.detail ? { detail: p.detail } : {}) } });
    } else throw invalidRequest(`Input content of type '${String(p.type)}' is not supported by this gateway.`, 'input');
  }
  // One text part is sent as a plain string, which every upstream accepts.
  if (out.length === 1 && out[0]?.type === 'text') return out[0].text as string;
  return out;
}

/** Input items → chat messages (function calls become assistant tool_calls, outputs tool messages). */
export function inputMessages(input: ResponsesBody['input']): StoredMessage[] {
  if (input === undefined) return [];
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const out: StoredMessage[] = [];
  for (const raw of input) {
    const item = raw as JsonObject;
    const type = item.type ?? 'message';
    if (type === 'message') {
      const role = String(item.role ?? 'user');
      if (!['user', 'assistant', 'system', 'developer'].includes(role)) throw invalidRequest(`Unknown input role '${role}'.`, 'input');
      out.push({ role, content: chatContent(item.content) });
    } else if (type === 'function_call') {
      const call = { id: String(item.call_id ?? item.id ?? ''), type: 'function', function: { name: String(item.name ?? ''), arguments: String(item.arguments ?? '') } };
      const last = out[out.length - 1];
      // Parallel calls of one turn join one assistant message, as Chat Completions expects.
      if (last && last.role === 'assistant' && Array.isArray(last.tool_calls) && (last.content === null || last.content === undefined)) (last.tool_calls as JsonObject[]).push(call);
      else out.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (type === 'function_call_output') {
      const output = typeof item.output === 'string' ? item.output : JSON.stringify(item.output ?? '');
      out.push({ role: 'tool', tool_call_id: String(item.call_id ?? ''), content: output });
    } else if (type === 'reasoning' || type === 'item_reference') {
      continue; // nothing a chat upstream can take
    } else {
      throw invalidRequest(`Input items of type '${String(type)}' are not supported by this gateway.`, 'input');
    }
  }
  return out;
}

function chatTools(tools: ResponsesBody['tools']): JsonObject[] | undefined {
  if (!tools) return undefined;
  return tools.map((t, i) => {
    if (t.type !== 'function') throw invalidRequest(`Tool type '${t.type}' needs a provider with native Responses support.`, `tools[${i}].type`);
    const fn: JsonObject = { name: t.name };
    if (t.description !== undefined) fn.description = t.description;
    if (t.parameters !== undefined) fn.parameters = t.parameters;
    if (t.strict !== undefined && t.strict !== null) fn.strict = t.strict;
    return { type: 'function', function: fn };
  });
}

function chatToolChoice(choice: ResponsesBody['tool_choice']): unknown {
  if (choice === undefined || typeof choice === 'string') return choice;
  if (choice.type === 'function') return { type: 'function', function: { name: choice.name } };
  return choice;
}

function responseFormat(text: ResponsesBody['text']): JsonObject | undefined {
  const f = text?.format;
  if (!f || f.type === 'text') return undefined;
  if (f.type === 'json_object') return { type: 'json_object' };
  if (f.type === 'json_schema') {
    return { type: 'json_schema', json_schema: { name: f.name ?? 'response', schema: f.schema, ...(f.strict !== undefined ? { strict: f.strict } : {}), ...(f.description ? { description: f.description } : {}) } };
  }
  throw invalidRequest(`text.format type '${f.type}' is not supported.`, 'text.format');
}

/** The chat body (without history: the pipeline inserts it). `instructions` lead as a system message. */
export function toChatBody(req: ResponsesBody): JsonObject {
  const messages: StoredMessage[] = [];
  if (req.instructions) messages.push({ role: 'system', content: req.instructions });
  messages.push(...inputMessages(req.input));
  const body: JsonObject = { model: req.model, messages, stream: req.stream === true };
  if (req.stream === true) body.stream_options = { include_usage: true };
  const copy = ['temperature', 'top_p', 'parallel_tool_calls', 'user'] as const;
  for (const k of copy) if (req[k] !== undefined && req[k] !== null) body[k] = req[k];
  if (req.max_output_tokens !== undefined && req.max_output_tokens !== null) body.max_tokens = req.max_output_tokens;
  const tools = chatTools(req.tools);
  if (tools && tools.length > 0) body.tools = tools;
  const tc = chatToolChoice(req.tool_choice);
  if (tc !== undefined && tools && tools.length > 0) body.tool_choice = tc;
  const rf = responseFormat(req.text);
  if (rf) body.response_format = rf;
  // Extension fields (e.g. `grounding`, `top_k`) pass through as they do for chat.
  const known = new Set(['model', 'input', 'instructions', 'previous_response_id', 'store', 'stream', 'temperature', 'top_p', 'max_output_tokens', 'tools', 'tool_choice', 'parallel_tool_calls', 'text', 'metadata', 'user', 'include', 'reasoning', 'truncation', 'background', 'service_tier', 'prompt_cache_key', 'safety_identifier', 'stream_options', 'top_logprobs', 'max_tool_calls', 'prompt', 'conversation']);
  for (const [k, v] of Object.entries(req)) if (!known.has(k)) body[k] = v;
  if (req.metadata && typeof req.metadata.session_id === 'string') body.metadata = { session_id: req.metadata.session_id };
  if (messages.length === 0) throw invalidRequest('input must not be empty.', 'input');
  return body;
}
