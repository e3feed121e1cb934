/**
 * The client side of a stream: chunks (after every output transform) become SSE frames.
 * A finish_reason must have been seen before `[DONE]` is sent (one is never invented); a fault
 * after the headers went out becomes an SSE error event and the stream ends without `[DONE]`.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { GatewayError, errorBody } from '../errors.js';
import { StreamFault } from '../providers/types.js';
import { SSE_DONE, sseData } from '../sse/encode.js';
import type { ChunkBatch } from '../providers/types.js';

/** Transforms work on the chunks of one upstream read at a time (see ChunkBatch). */
export type ChunkTransform = (source: AsyncIterable<ChunkBatch>) => AsyncIterable<ChunkBatch>;

export interface StreamHooks {
  /** Runs after the last chunk and before `[DONE]`; a throw becomes an SSE error event. */
  beforeDone?: () => Promise<void>;
  onFirstContent?: () => void;
  /** Sees every chunk (usage counting); must not change it. */
  onChunk?: (chunk: ChatCompletionChunk) => void;
  onError?: (err: unknown) => void;
}

// Per-chunk tests as plain loops: a closure per chunk adds up over a stream.
export function hasFinish(chunk: ChatCompletionChunk): boolean {
  const choices = chunk.choices;
  if (!Array.isArray(choices)) return false;
  for (const c of choices) if (c.finish_reason !== null && c.finish_reason !== undefined) return true;
  return false;
}

function hasContent(chunk: ChatCompletionChunk): boolean {
  const choices = chunk.choices;
  if (!Array.isArray(choices)) return false;
  for (const c of choices) if (c.delta?.content || c.delta?.tool_calls) return true;
  return false;
}

/** Receives each SSE frame; a returned promise means "wait" (backpressure). */
export type FrameSink = (frame: string) => Promise<void> | undefined;

/** The client went away: stop producing (the upstream is closed by the source's cleanup). */
export class ClientGone extends Error {}

/**
 * Writes the chunks as SSE frames into `emit`: `[DONE]` only after a finish_reason (one is never
 * invented), and a fault after the headers went out as an error event without `[DONE]`.
 */
export async function pumpSse(source: AsyncIterable<ChunkBatch>, hooks: StreamHooks, emit: FrameSink): Promise<void> {
  let finished = false;
  let sawContent = false;
  try {
    for await (const batch of source) {
      let frames = '';
      for (const chunk of batch) {
        hooks.onChunk?.(chunk);
        if (!finished && hasFinish(chunk)) finished = true;
        if (!sawContent && hooks.onFirstContent && hasContent(chunk)) {
          sawContent = true;
          hooks.onFirstContent();
        }
        frames += sseData(chunk);
      }
      const wait = emit(frames);
      if (wait) await wait;
    }
    if (!finished) throw new StreamFault('upstream_error', 'The upstream stream ended before a finish_reason.');
    if (hooks.beforeDone) await hooks.beforeDone();
    emit(SSE_DONE);
  } catch (err) {
    if (err instanceof ClientGone) return;
    hooks.onError?.(err);
    try {
      emit(sseData(streamErrorBody(err)));
    } catch {
      // the client is gone too: nobody to tell
    }
  }
}

export function streamErrorBody(err: unknown) {
  if (err instanceof StreamFault) return errorBody(err.message, 'api_error', null, err.code);
  if (err instanceof GatewayError) return err.toJSON();
  return errorBody('The stream failed inside the gateway.', 'api_error', null, 'internal_error');
}
