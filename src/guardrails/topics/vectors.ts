/** Sparse feature vectors keyed by term or concept. */
export type SparseVector = Map<string, number>;

/** Adds `weight` to `key`, or keeps the larger one when `combine` is `max`. */
export function addWeight(vector: SparseVector, key: string, weight: number, combine: 'sum' | 'max' = 'sum'): void {
  const current = vector.get(key);
  if (current === undefined) vector.set(key, weight);
  else vector.set(key, combine === 'sum' ? current + weight : Math.max(current, weight));
}

function norm(vector: SparseVector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

/** Scales a vector to unit length (a zero vector stays empty). */
export function normalize(vector: SparseVector): SparseVector {
  const length = norm(vector);
  const unit: SparseVector = new Map();
  if (length === 0) return unit;
  for (const [key, value] of vector) unit.set(key, value / length);
  return unit;
}
