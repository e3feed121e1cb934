import { describe, expect, it } from 'vitest';
import { ClientCancel, toAbortSignal } from '../../src/cancel-signal.js';

describe('client cancel signal', () => {
  it('calls each listener once with the reason set, and never a removed one', () => {
    const cancel = new ClientCancel();
    const seen: unknown[] = [];
    const kept = () => seen.push(cancel.reason);
    const removed = () => seen.push('removed');
    cancel.addEventListener('abort', kept);
    cancel.addEventListener('abort', removed);
    cancel.removeEventListener('abort', removed);
    const reason = new Error('client disconnected');
    cancel.abort(reason);
    cancel.abort(new Error('second'));
    expect(cancel.aborted).toBe(true);
    expect(seen).toEqual([reason]);
  });

  it('does not call a listener added after the abort, like an AbortSignal', () => {
    const cancel = new ClientCancel();
    cancel.abort('gone');
    let called = false;
    cancel.addEventListener('abort', () => {
      called = true;
    });
    expect(called).toBe(false);
  });

  it('gives a real AbortSignal that follows it, before or after the abort', () => {
    const before = new ClientCancel();
    const follower = toAbortSignal(before);
    expect(follower.aborted).toBe(false);
    before.abort('gone');
    expect(follower.aborted).toBe(true);
    expect(follower.reason).toBe('gone');
    const late = new ClientCancel();
    late.abort('left');
    expect(toAbortSignal(late).reason).toBe('left');
    const real = new AbortController().signal;
    expect(toAbortSignal(real)).toBe(real);
  });
});
