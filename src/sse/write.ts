/**
 * Writes SSE frames to the client socket as they come. Frames produced in the same tick (one
 * upstream read usually yields several chunks) are joined into one write: a write per frame,
 * or one writev of many small strings, was the largest cost of a stream. Backpressure is
 * honoured; a client that goes away stops the frame source, which closes the upstream.
 */
import { once } from 'node:events';
import type { FastifyReply } from 'fastify';
import { ClientGone, type FrameSink } from '../pipeline/stream.js';

type Headers = Record<string, string | number | string[]>;

/**
 * For a producer that pushes frames into `emit` (the chat stream: no async layer per chunk).
 * `emit` throws ClientGone once the client is gone, which stops the producer.
 */
export async function pushSse(reply: FastifyReply, headers: Headers, produce: (emit: FrameSink) => Promise<void>): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, headers);
  let pending = '';
  let scheduled = false;
  let blocked = false;
  const flush = () => {
    scheduled = false;
    if (pending === '' || res.destroyed) return;
    const text = pending;
    pending = '';
    if (!res.write(text)) blocked = true;
  };
  const emit: FrameSink = (frame) => {
    if (res.destroyed) throw new ClientGone('client disconnected');
    pending += frame;
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
    if (!blocked) return undefined;
    blocked = false;
    return Promise.race([once(res, 'drain'), once(res, 'close')]).then(() => undefined);
  };
  try {
    await produce(emit);
  } catch (err) {
    if (!(err instanceof ClientGone)) throw err;
  } finally {
    // The last frames go out with the end of the response: one write instead of two (a stream
    // that arrived in one upstream read is then a single write to the client).
    if (!res.destroyed) {
      const text = pending;
      pending = '';
      if (text === '') res.end();
      else res.end(text);
    }
  }
}

/** For a source that yields frames (the Responses stream). */
export function writeSse(reply: FastifyReply, frames: AsyncIterable<string>, headers: Headers): Promise<void> {
  return pushSse(reply, headers, async (emit) => {
    // Leaving the loop (ClientGone included) returns the iterator, which closes the upstream.
    for await (const frame of frames) {
      const wait = emit(frame);
      if (wait) await wait;
    }
  });
}
