/**
 * Overlapping candidates: a span that contains another with a similar score wins (an address
 * containing a name-like street, an email containing a domain); otherwise the higher score,
 * then the longer span. Works cluster by cluster so it stays near-linear on huge inputs.
 */
import type { Candidate } from './recognizer.js';

const CONTAINER_MARGIN = 0.4;

function byStartThenLongest(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || b.score - a.score;
}

function byRank(a: Candidate, b: Candidate): number {
  return b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

function resolveCluster(cluster: Candidate[], out: Candidate[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0] as Candidate);
    return;
  }
  const dropped = new Set<Candidate>();
  for (const a of cluster) {
    for (const b of cluster) {
      if (a === b || dropped.has(b)) continue;
      const contains = a.start <= b.start && a.end >= b.end && a.end - a.start > b.end - b.start;
      if (contains && a.score + CONTAINER_MARGIN >= b.score) dropped.add(b);
    }
  }
  const kept: Candidate[] = [];
  for (const c of cluster.filter((x) => !dropped.has(x)).sort(byRank)) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  out.push(...kept);
}

/** Cluster size above which containment is skipped (plain greedy), to bound the quadratic step. */
const MAX_PAIRWISE = 64;

/** Greedy by rank for big clusters: a character-occupancy map makes each check linear in the span. */
function greedyLarge(cluster: Candidate[], out: Candidate[]): void {
  let lo = Number.MAX_SAFE_INTEGER;
  let hi = 0;
  for (const c of cluster) {
    if (c.start < lo) lo = c.start;
    if (c.end > hi) hi = c.end;
  }
  const taken = new Uint8Array(hi - lo);
  for (const c of cluster.sort(byRank)) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (taken[k - lo]) free = false;
    if (!free) continue;
    taken.fill(1, c.start - lo, c.end - lo);
    out.push(c);
  }
}

export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates.slice();
  const sorted = candidates.slice().sort(byStartThenLongest);
  const out: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length === 0) return;
    if (cluster.length > MAX_PAIRWISE) greedyLarge(cluster, out);
    else resolveCluster(cluster, out);
    cluster = [];
  };
  for (const c of sorted) {
    if (c.start >= clusterEnd) {
      flush();
      clusterEnd = c.end;
    } else clusterEnd = Math.max(clusterEnd, c.end);
    cluster.push(c);
  }
  flush();
  return out.sort(byStartThenLongest);
}
