/**
 * The client side of a stream: chunks (after every output transform) become SSE frames.
 * A finish_reason must have been seen before `[DONE]` is sent (one is never invented); a fault
 * after the headers went out becomes an SSE error event and the stream ends without `[DONE]`.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { GatewayError, errorBody } from '../errors.js';
import { StreamFault } from '../providers/types.js';
import { SSE_DONE, sseData } from '../sse/encode.js';

export type ChunkTransform = (source: AsyncIterable<ChatCompletionChunk>) => AsyncIterable<ChatCompletionChunk>;

export interface StreamHooks {
  /** Runs after the last chunk and before `[DONE]`; a throw becomes an SSE error event. */
  beforeDone?: () => Promise<void>;
  onFirstContent?: () => void;
  /** Sees every chunk (usage counting); must not change it. */
  onChunk?: (chunk: ChatCompletionChunk) => void;
  onError?: (err: unknown) => void;
}

export function hasFinish(chunk: ChatCompletionChunk): boolean {
  return Array.isArray(chunk.choices) && chunk.choices.some((c) => c.finish_reason !== null && c.finish_reason !== undefined);
}

export async function* toSse(source: AsyncIterable<ChatCompletionChunk>, hooks: StreamHooks): AsyncGenerator<string> {
  let finished = false;
  let sawContent = false;
  try {
    for await (const chunk of source) {
      hooks.onChunk?.(chunk);
      if (!finished && hasFinish(chunk)) finished = true;
      if (!sawContent && hooks.onFirstContent && chunk.choices?.some((c) => c.delta?.content || c.delta?.tool_calls)) {
        sawContent = true;
        hooks.onFirstContent();
      }
      yield sseData(chunk);
    }
    if (!finished) throw new StreamFault('upstream_error', 'The upstream stream ended before a finish_reason.');
    if (hooks.beforeDone) await hooks.beforeDone();
    yield SSE_DONE;
  } catch (err) {
    hooks.onError?.(err);
    yield sseData(streamErrorBody(err));
  }
}

export function streamErrorBody(err: unknown) {
  if (err instanceof StreamFault) return errorBody(err.message, 'api_error', null, err.code);
  if (err instanceof GatewayError) return err.toJSON();
  return errorBody('The stream failed inside the gateway.', 'api_error', null, 'internal_error');
}
