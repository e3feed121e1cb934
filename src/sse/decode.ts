/**
 * Upstream SSE → parsed chat chunks, as they arrive. Bytes are decoded with a streaming
 * TextDecoder (so a multi-byte character split across reads survives) and framed by
 * eventsource-parser; each `data:` is JSON-parsed here so a broken upstream surfaces as a
 * StreamFault instead of garbage reaching the client.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { StreamFault } from '../providers/types.js';
import { RAW_JSON } from './encode.js';

export interface DecodeOptions {
  /** Maps a read error (reset, idle timeout) to a fault. */
  classifyError: (err: unknown) => StreamFault;
  /**
   * Runs when the stream ends for any reason; `clean` when it ended with `[DONE]` or its end,
   * so the upstream connection can be kept for the next request instead of being torn down.
   */
  finally?: (clean: boolean) => void;
}

export async function* decodeChatStream(
  body: AsyncIterable<Uint8Array | string>,
  opts: DecodeOptions,
): AsyncGenerator<ChatCompletionChunk> {
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => pending.push(e) });
  const decoder = new TextDecoder('utf-8');
  let clean = false;
  try {
    for await (const piece of body) {
      parser.feed(typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true }));
      while (pending.length > 0) {
        const event = pending.shift() as EventSourceMessage;
        const data = event.data;
        // eventsource-parser drops blocks without `data:`; an empty data is not a chunk either.
        if (data === '') continue;
        if (data.trim() === '[DONE]') {
          clean = true;
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(data);
        } catch (err) {
          throw new StreamFault('upstream_error', 'The upstream sent a stream event that is not valid JSON.', err);
        }
        if (parsed === null || typeof parsed !== 'object') {
          throw new StreamFault('upstream_error', 'The upstream sent a stream event that is not a JSON object.');
        }
        if ('error' in parsed && (parsed as { error: unknown }).error) {
          const upstreamMessage = (parsed as { error: { message?: unknown } }).error.message;
          throw new StreamFault('upstream_error', `The upstream reported an error mid-stream: ${typeof upstreamMessage === 'string' ? upstreamMessage : 'unknown error'}`);
        }
        (parsed as { [RAW_JSON]?: string })[RAW_JSON] = data;
        yield parsed as ChatCompletionChunk;
      }
    }
    parser.feed(decoder.decode());
    clean = true;
    // A last event without its blank line still counts once the upstream closed cleanly.
    parser.feed('\n\n');
    for (const event of pending) {
      if (event.data.trim() === '[DONE]') return;
      try {
        yield JSON.parse(event.data) as ChatCompletionChunk;
      } catch (err) {
        throw new StreamFault('upstream_error', 'The upstream sent a stream event that is not valid JSON.', err);
      }
    }
  } catch (err) {
    if (err instanceof StreamFault) throw err;
    throw opts.classifyError(err);
  } finally {
    opts.finally?.(clean);
  }
}
