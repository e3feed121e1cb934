/**
 * Keeps one of process.nextTick's internal tick objects alive for the life of the process.
 *
 * nextTick builds its tick object with computed keys. V8 keeps optimised nextTick fast only while
 * every tick object has the shape (hidden class) it saw first, and it holds that shape weakly: a
 * full collection at a moment when no tick is queued frees it, the next tick builds a new one, and
 * the call site is marked as seeing many shapes for good. From then on every nextTick (streams call
 * it several times per request) defines its properties through the runtime: about 0.5 µs each,
 * 5–6 µs per gateway request in a CPU profile with the full bench policy (the config builds enough
 * to make a full collection at start-up likely). One live tick object keeps the shape alive.
 */
import { createHook } from 'node:async_hooks';

let kept: object | undefined;

/** Captures a tick object through a momentary init hook (off again before this returns). */
export function keepTickObjectShape(): void {
  if (kept) return;
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject') kept ??= resource;
    },
  });
  hook.enable();
  process.nextTick(() => undefined);
  hook.disable();
}

/** The tick object kept alive, if this Node passes them to init hooks. */
export function keptTickObject(): object | undefined {
  return kept;
}
