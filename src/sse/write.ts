/**
 * Writes SSE frames to the client socket as they come. Frames produced in the same tick (one
 * upstream read usually yields several chunks) are joined into one write: a write per frame,
 * or one writev of many small strings, was the largest cost of a stream. Backpressure is
 * honoured; a client that goes away stops the frame source, which closes the upstream.
 */
import { once } from 'node:events';
import type { FastifyReply } from 'fastify';
import { ClientGone, type FrameSink } from '../pipeline/stream.js';

export async function writeSse(reply: FastifyReply, frames: AsyncIterable<string>, headers: Record<string, string | number | string[]>): Promise<void> {
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
  const iterator = frames[Symbol.asyncIterator]();
  try {
    for (;;) {
      const { value, done } = await iterator.next();
      if (done || res.destroyed) break;
      pending += value;
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      if (blocked) {
        blocked = false;
        await Promise.race([once(res, 'drain'), once(res, 'close')]);
        if (res.destroyed) break;
      }
    }
  } finally {
    flush();
    await iterator.return?.();
    if (!res.destroyed) res.end();
  }
}

/**
 * Like writeSse, for a producer that pushes frames (the chat stream): one async layer less per
 * chunk. `emit` throws ClientGone once the client is gone, which stops the producer.
 */
export async function pushSse(reply: FastifyReply, headers: Record<string, string | number | string[]>, produce: (emit: FrameSink) => Promise<void>): Promise<void> {
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
  } finally {
    flush();
    if (!res.destroyed) res.end();
  }
}
