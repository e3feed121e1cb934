/**
 * Upstream SSE → parsed chat chunks, as they arrive. Bytes are decoded with a streaming
 * decoder (so a multi-byte character split across reads survives) and framed by
 * eventsource-parser; each `data:` is JSON-parsed here so a broken upstream surfaces as a
 * StreamFault instead of garbage reaching the client.
 */
import { StringDecoder } from 'node:string_decoder';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { StreamFault, type ChunkBatch } from '../providers/types.js';
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

/**
 * Yields the chunks of each upstream read together (never an empty batch): everything
 * downstream (output checks, the SSE writer) then works once per read instead of once per
 * chunk, which is what a stream costs most of when a read carries many small chunks.
 */
export async function* decodeChatStream(
  body: AsyncIterable<Uint8Array | string>,
  opts: DecodeOptions,
): AsyncGenerator<ChunkBatch> {
  let pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => pending.push(e) });
  // Node's StringDecoder keeps a character split across reads, like TextDecoder in stream mode,
  // at a quarter of its cost per read.
  const decoder = new StringDecoder('utf8');
  let clean = false;
  try {
    for await (const piece of body) {
      parser.feed(typeof piece === 'string' ? piece : decoder.write(piece as Buffer));
      if (pending.length === 0) continue;
      const events = pending;
      pending = [];
      const batch: ChunkBatch = [];
      for (const event of events) {
        const data = event.data;
        // eventsource-parser drops blocks without `data:`; an empty data is not a chunk either.
        if (data === '') continue;
        if (isDone(data)) {
          clean = true;
          if (batch.length > 0) yield batch;
          return;
        }
        let chunk: ChatCompletionChunk & { [RAW_JSON]?: string };
        try {
          chunk = parseChunk(data);
        } catch (err) {
          // What came before the bad event in the same read still reaches the client first.
          if (batch.length > 0) yield batch;
          throw err;
        }
        chunk[RAW_JSON] = data;
        batch.push(chunk);
      }
      if (batch.length > 0) yield batch;
    }
    parser.feed(decoder.end());
    clean = true;
    // A last event without its blank line still counts once the upstream closed cleanly.
    parser.feed('\n\n');
    const batch: ChunkBatch = [];
    for (const event of pending) {
      if (event.data === '') continue;
      if (isDone(event.data)) break;
      batch.push(parseChunk(event.data));
    }
    if (batch.length > 0) yield batch;
  } catch (err) {
    if (err instanceof StreamFault) throw err;
    throw opts.classifyError(err);
  } finally {
    opts.finally?.(clean);
  }
}

function isDone(data: string): boolean {
  // A chunk starts with "{": only other data needs the trim and compare.
  return data.charCodeAt(0) !== 123 && data.trim() === '[DONE]';
}

function parseChunk(data: string): ChatCompletionChunk & { [RAW_JSON]?: string } {
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
  return parsed as ChatCompletionChunk;
}
