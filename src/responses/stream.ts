/**
 * Chat chunks → the Responses API's typed stream events (`event: <type>` + `data: {...}`),
 * as OpenAI sends them: created, in_progress, output items with their parts and deltas,
 * then completed / incomplete; a failure is a `response.failed` event and the stream ends.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChunkBatch, JsonObject } from '../providers/types.js';
import { GatewayError } from '../errors.js';
import { StreamFault } from '../providers/types.js';
import { functionCallItem, messageItem, newId, outputText, responseObject, usageOf, type ResponseShell } from './response.js';

export interface ResponsesStreamHooks {
  beforeDone?: () => Promise<void>;
  onChunk?: (chunk: ChatCompletionChunk) => void;
  /** The final Response object (completed or incomplete), e.g. to store it. */
  onFinal?: (response: JsonObject) => Promise<void>;
}

interface CallState {
  itemId: string;
  callId: string;
  name: string;
  args: string;
  outputIndex: number;
}

/** The Responses translation works chunk by chunk; its frames are joined per tick by the writer. */
async function* chunksOf(source: AsyncIterable<ChunkBatch>): AsyncGenerator<ChatCompletionChunk> {
  for await (const batch of source) yield* batch;
}

export async function* responsesEvents(shell: ResponseShell, source: AsyncIterable<ChunkBatch>, hooks: ResponsesStreamHooks): AsyncGenerator<string> {
  let seq = 0;
  const frame = (type: string, data: JsonObject) => `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: seq++, ...data })}\n\n`;
  const output: JsonObject[] = [];
  let message: { id: string; text: string; outputIndex: number } | undefined;
  const calls = new Map<number, CallState>();
  let finish: string | null = null;
  let usage: JsonObject | null = null;

  yield frame('response.created', { response: responseObject(shell, 'in_progress', []) });
  yield frame('response.in_progress', { response: responseObject(shell, 'in_progress', []) });

  const closeMessage = function* () {
    if (!message) return;
    const m = message;
    yield frame('response.output_text.done', { item_id: m.id, output_index: m.outputIndex, content_index: 0, text: m.text, logprobs: [] });
    yield frame('response.content_part.done', { item_id: m.id, output_index: m.outputIndex, content_index: 0, part: outputText(m.text) });
    const item = messageItem(m.id, m.text, 'completed');
    output[m.outputIndex] = item;
    yield frame('response.output_item.done', { output_index: m.outputIndex, item });
    message = undefined;
  };

  try {
    for await (const chunk of chunksOf(source)) {
      hooks.onChunk?.(chunk);
      if (chunk.usage) usage = usageOf(chunk.usage);
      for (const choice of chunk.choices ?? []) {
        if (choice.index !== 0) continue;
        const d = choice.delta ?? {};
        if (typeof d.content === 'string' && d.content !== '') {
          if (!message) {
            message = { id: newId('msg'), text: '', outputIndex: output.length };
            output.push(messageItem(message.id, '', 'in_progress'));
            yield frame('response.output_item.added', { output_index: message.outputIndex, item: messageItem(message.id, '', 'in_progress') });
            yield frame('response.content_part.added', { item_id: message.id, output_index: message.outputIndex, content_index: 0, part: outputText('') });
          }
          message.text += d.content;
          yield frame('response.output_text.delta', { item_id: message.id, output_index: message.outputIndex, content_index: 0, delta: d.content, logprobs: [] });
        }
        for (const tc of d.tool_calls ?? []) {
          let call = calls.get(tc.index);
          if (!call) {
            yield* closeMessage();
            call = { itemId: newId('fc'), callId: tc.id ?? newId('call'), name: tc.function?.name ?? '', args: '', outputIndex: output.length };
            calls.set(tc.index, call);
            output.push(functionCallItem(call.itemId, call.callId, call.name, '', 'in_progress'));
            yield frame('response.output_item.added', { output_index: call.outputIndex, item: functionCallItem(call.itemId, call.callId, call.name, '', 'in_progress') });
          } else if (tc.function?.name) call.name += tc.function.name;
          if (tc.function?.arguments) {
            call.args += tc.function.arguments;
            yield frame('response.function_call_arguments.delta', { item_id: call.itemId, output_index: call.outputIndex, delta: tc.function.arguments });
          }
        }
        if (choice.finish_reason) finish = choice.finish_reason;
      }
    }
    if (finish === null) throw new StreamFault('upstream_error', 'The upstream stream ended before a finish_reason.');
    yield* closeMessage();
    for (const call of calls.values()) {
      yield frame('response.function_call_arguments.done', { item_id: call.itemId, output_index: call.outputIndex, name: call.name, arguments: call.args });
      const item = functionCallItem(call.itemId, call.callId, call.name, call.args, 'completed');
      output[call.outputIndex] = item;
      yield frame('response.output_item.done', { output_index: call.outputIndex, item });
    }
    if (hooks.beforeDone) await hooks.beforeDone();
    const reason = finish === 'content_filter' ? 'content_filter' : finish === 'length' ? 'max_output_tokens' : undefined;
    const final = responseObject(shell, reason ? 'incomplete' : 'completed', output, { usage, ...(reason ? { incompleteReason: reason } : {}) });
    if (hooks.onFinal) await hooks.onFinal(final);
    yield frame(reason ? 'response.incomplete' : 'response.completed', { response: final });
  } catch (err) {
    const code = err instanceof StreamFault ? err.code : err instanceof GatewayError ? (err.code ?? 'api_error') : 'internal_error';
    const messageText = err instanceof Error ? err.message : 'The stream failed.';
    yield frame('response.failed', { response: responseObject(shell, 'failed', output.filter(Boolean), { usage, error: { code, message: messageText } }) });
  }
}
