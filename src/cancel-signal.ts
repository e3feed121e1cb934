/**
 * Cancellation of one request when its client goes away. An AbortController costs about
 * 2.5 µs to create (its EventTarget machinery), on every request, to serve the rare abort;
 * this signal does the same job for what the gateway needs (undici takes any object with
 * `addEventListener`, the retry sleep listens for abort), and a real AbortSignal is made
 * only when an API demands one (AbortSignal.any for delegate engine calls).
 */

/** What the pipeline needs of a signal; a real AbortSignal satisfies it too. */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export class ClientCancel implements CancelSignal {
  aborted = false;
  reason: unknown = undefined;
  #listeners: (() => void)[] = [];

  addEventListener(_type: 'abort', listener: () => void): void {
    // Like an AbortSignal: the event fires once, so late listeners are never called.
    if (!this.aborted) this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const i = this.#listeners.indexOf(listener);
    if (i !== -1) this.#listeners.splice(i, 1);
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
  }
}

/** A real AbortSignal that follows `signal`, for APIs that accept nothing else. */
export function toAbortSignal(signal: CancelSignal): AbortSignal {
  if (signal instanceof AbortSignal) return signal;
  const controller = new AbortController();
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller.signal;
}
