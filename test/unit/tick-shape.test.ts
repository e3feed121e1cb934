import { describe, expect, it } from 'vitest';
import { keepTickObjectShape, keptTickObject } from '../../src/tick-shape.js';

describe('tick object shape keeper', () => {
  it("holds one of nextTick's own tick objects, once", () => {
    keepTickObjectShape();
    const kept = keptTickObject() as { callback?: unknown } | undefined;
    // Node must still hand tick objects to init hooks for the keeper to work.
    expect(kept).toBeTypeOf('object');
    expect(kept?.callback).toBeTypeOf('function');
    keepTickObjectShape();
    expect(keptTickObject()).toBe(kept);
  });
});
