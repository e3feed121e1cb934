/**
 * Writes SSE frames to the client socket as they come. Frames produced in the same tick (one
 * upstream read usually yields several chunks) are corked into one write: a syscall per frame
 * was the largest cost of a stream. Backpressure is honoured; a client that goes away stops the
 * frame source, which closes the upstream.
 */
import { once } from 'node:events';
import type { FastifyReply } from 'fastify';

export async function writeSse(reply: FastifyReply, frames: AsyncIterable<string>, headers: Record<string, string | number | string[]>): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, headers);
  let corked = false;
  const uncork = () => {
    corked = false;
    res.uncork();
  };
  const iterator = frames[Symbol.asyncIterator]();
  try {
    for (;;) {
      const { value, done } = await iterator.next();
      if (done) break;
      if (res.destroyed) break;
      if (!corked) {
        corked = true;
        res.cork();
        setImmediate(uncork);
      }
      if (!res.write(value)) {
        if (corked) uncork();
        await Promise.race([once(res, 'drain'), once(res, 'close')]);
        if (res.destroyed) break;
      }
    }
  } finally {
    if (corked) uncork();
    await iterator.return?.();
    if (!res.destroyed) res.end();
  }
}
