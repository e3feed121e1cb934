/** Chat Completions answers → OpenAI Response objects. */
import { randomBytes } from 'node:crypto';
import type { JsonObject } from '../providers/types.js';
import type { ResponsesBody } from './request.js';

export const newId = (prefix: string) => `${prefix}_${randomBytes(16).toString('hex')}`;

export interface ResponseShell {
  id: string;
  createdAt: number;
  model: string;
  req: ResponsesBody;
}

export function usageOf(u: { prompt_tokens?: number; completion_tokens?: number } | null | undefined): JsonObject | null {
  if (!u) return null;
  const input = u.prompt_tokens ?? 0;
  const output = u.completion_tokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

export function messageItem(id: string, text: string, status: 'in_progress' | 'completed' | 'incomplete'): JsonObject {
  return { id, type: 'message', status, role: 'assistant', content: status === 'in_progress' && text === '' ? [] : [outputText(text)] };
}

export function outputText(text: string): JsonObject {
  return { type: 'output_text', text, annotations: [], logprobs: [] };
}

export function functionCallItem(id: string, callId: string, name: string, args: string, status: 'in_progress' | 'completed'): JsonObject {
  return { id, type: 'function_call', status, arguments: args, call_id: callId, name };
}

/** The Response object around a given output and status. */
export function responseObject(
  shell: ResponseShell,
  status: 'in_progress' | 'completed' | 'incomplete' | 'failed',
  output: JsonObject[],
  extra: { usage?: JsonObject | null; incompleteReason?: string; error?: { code: string; message: string } } = {},
): JsonObject {
  const r = shell.req;
  return {
    id: shell.id,
    object: 'response',
    created_at: shell.createdAt,
    status,
    background: false,
    error: extra.error ?? null,
    incomplete_details: extra.incompleteReason ? { reason: extra.incompleteReason } : null,
    instructions: r.instructions ?? null,
    max_output_tokens: r.max_output_tokens ?? null,
    model: shell.model,
    output,
    parallel_tool_calls: r.parallel_tool_calls ?? true,
    previous_response_id: r.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    store: r.store !== false,
    temperature: r.temperature ?? null,
    text: { format: r.text?.format ?? { type: 'text' } },
    tool_choice: r.tool_choice ?? 'auto',
    tools: r.tools ?? [],
    top_p: r.top_p ?? null,
    truncation: 'disabled',
    usage: extra.usage ?? null,
    user: r.user ?? null,
    metadata: r.metadata ?? {},
  };
}

/** A whole chat.completion → the Response object (first choice). */
export function fromChatCompletion(shell: ResponseShell, completion: JsonObject): JsonObject {
  const choice = (completion.choices as JsonObject[] | undefined)?.[0];
  const message = (choice?.message ?? {}) as JsonObject;
  const output: JsonObject[] = [];
  if (typeof message.content === 'string' && message.content !== '') output.push(messageItem(newId('msg'), message.content, 'completed'));
  for (const call of (message.tool_calls as JsonObject[] | undefined) ?? []) {
    const fn = (call.function ?? {}) as JsonObject;
    output.push(functionCallItem(newId('fc'), String(call.id ?? newId('call')), String(fn.name ?? ''), String(fn.arguments ?? ''), 'completed'));
  }
  const finish = choice?.finish_reason;
  const incompleteReason = finish === 'content_filter' ? 'content_filter' : finish === 'length' ? 'max_output_tokens' : undefined;
  const usage = usageOf(completion.usage as { prompt_tokens?: number; completion_tokens?: number } | undefined);
  return responseObject(shell, incompleteReason ? 'incomplete' : 'completed', output, { usage, ...(incompleteReason ? { incompleteReason } : {}) });
}
