/**
 * What the client gets for a blocked request or answer with `on_block: message`: a normal
 * completion whose content is the policy message and whose finish_reason is content_filter.
 */
import { randomBytes } from 'node:crypto';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChunkBatch, JsonObject } from '../providers/types.js';

export function completionId(): string {
  return `chatcmpl-${randomBytes(12).toString('hex')}`;
}

export function blockedCompletion(model: string, message: string, report: string): JsonObject {
  return {
    id: completionId(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: message, refusal: null }, logprobs: null, finish_reason: 'content_filter' }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    sluice_guardrail: report,
  };
}

export async function* blockedStream(model: string, message: string, report: string): AsyncGenerator<ChunkBatch> {
  const base = { id: completionId(), object: 'chat.completion.chunk' as const, created: Math.floor(Date.now() / 1000), model };
  yield [
    { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: { content: message }, logprobs: null, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'content_filter' }], sluice_guardrail: report } as ChatCompletionChunk,
  ];
}
