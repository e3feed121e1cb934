/**
 * `type: echo` answers locally and shows what an upstream would have received: the message
 * count and roles, the sampling parameters and the last user message. It lets a new install
 * run the whole pipeline with no provider key, and lets operators dry-run policies.
 */
import { randomBytes } from 'node:crypto';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChunkBatch, JsonObject, Provider, UpstreamCall, UpstreamResult } from '../types.js';

const SHOWN_PARAMS = [
  'temperature', 'top_p', 'top_k', 'max_tokens', 'max_completion_tokens', 'presence_penalty',
  'frequency_penalty', 'n', 'stop', 'seed',
] as const;

export function createEchoProvider(name: string): Provider {
  return {
    name,
    type: 'echo',
    async chat(call: UpstreamCall): Promise<UpstreamResult> {
      const text = describe(call.body);
      const model = typeof call.body.model === 'string' ? call.body.model : 'echo';
      const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
      const created = Math.floor(Date.now() / 1000);
      const n = typeof call.body.n === 'number' && call.body.n > 1 ? Math.min(call.body.n, 8) : 1;
      const usage = { prompt_tokens: approxTokens(JSON.stringify(call.body.messages ?? [])), completion_tokens: approxTokens(text) };
      const fullUsage = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
      if (!call.stream) {
        return {
          kind: 'json',
          status: 200,
          headers: {},
          body: {
            id,
            object: 'chat.completion',
            created,
            model,
            choices: Array.from({ length: n }, (_, index) => ({
              index,
              message: { role: 'assistant', content: text, refusal: null },
              logprobs: null,
              finish_reason: 'stop',
            })),
            usage: fullUsage,
            system_fingerprint: 'sluice-echo',
          },
        };
      }
      const includeUsage = (call.body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
      return { kind: 'stream', status: 200, headers: {}, events: streamOf(text, { id, created, model, n, usage: includeUsage ? fullUsage : undefined }) };
    },
    async postJson(path: string): Promise<JsonObject> {
      throw new Error(`the echo provider does not serve ${path}`);
    },
    async close() {},
  };
}

function approxTokens(s: string): number {
  return Math.max(1, Math.ceil(s.length / 4));
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => (p && typeof p === 'object' && (p as { type?: unknown }).type === 'text' ? String((p as { text?: unknown }).text ?? '') : ''))
      .join('');
  }
  return '';
}

export function describe(body: JsonObject): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { role?: unknown; content?: unknown }[]) : [];
  const roles = messages.map((m) => String(m?.role ?? '?'));
  const lastUser = [...messages].reverse().find((m) => m?.role === 'user');
  const params = SHOWN_PARAMS.filter((p) => body[p] !== undefined).map((p) => `${p}=${JSON.stringify(body[p])}`);
  return [
    `Echo: ${lastUser ? contentText(lastUser.content) : ''}`,
    '',
    `(upstream would receive ${messages.length} message${messages.length === 1 ? '' : 's'} [${roles.join(', ')}]; ` +
      `${params.length > 0 ? params.join(', ') : 'no sampling parameters'})`,
  ].join('\n');
}

async function* streamOf(
  text: string,
  meta: { id: string; created: number; model: string; n: number; usage: JsonObject | undefined },
): AsyncGenerator<ChunkBatch> {
  const base = { id: meta.id, object: 'chat.completion.chunk' as const, created: meta.created, model: meta.model, system_fingerprint: 'sluice-echo' };
  const pieces = text.match(/\S+\s*|\s+/g) ?? [text];
  for (let index = 0; index < meta.n; index++) {
    yield [{ ...base, choices: [{ index, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] }];
  }
  for (const piece of pieces) {
    for (let index = 0; index < meta.n; index++) {
      yield [{ ...base, choices: [{ index, delta: { content: piece }, logprobs: null, finish_reason: null }] }];
    }
  }
  for (let index = 0; index < meta.n; index++) {
    yield [{ ...base, choices: [{ index, delta: {}, logprobs: null, finish_reason: 'stop' }] }];
  }
  if (meta.usage) yield [{ ...base, choices: [], usage: meta.usage as unknown as ChatCompletionChunk['usage'] }];
}
