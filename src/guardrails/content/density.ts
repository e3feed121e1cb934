/**
 * Escalation by density: several weak hits of one category close together are stronger evidence
 * than any one of them ("naked", "moaning" and "thrust" in one paragraph), so they add a hit one
 * confidence level above the strongest among them.
 */
import type { Confidence } from '../types.js';
import type { RuleHit } from './rule-matcher.js';

const WEIGHT: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };
const RAISE: Record<Confidence, Confidence> = { low: 'medium', medium: 'high', high: 'high' };

export interface DensityOptions {
  /** window size in tokens */
  window: number;
  /** distinct hit positions needed in the window */
  minHits: number;
  /** summed weight (low 1, medium 2, high 3) needed in the window */
  minWeight: number;
}

/** `hits` of one category sorted by `first`; returns the added hits (may be empty). */
export function escalateByDensity(hits: readonly RuleHit[], options: DensityOptions): RuleHit[] {
  const added: RuleHit[] = [];
  let left = 0;
  let weight = 0;
  let positions = 0;
  let lastFirst = -1;
  for (let right = 0; right < hits.length; right++) {
    const hit = hits[right] as RuleHit;
    if (hit.first !== lastFirst) {
      positions++;
      lastFirst = hit.first;
    }
    weight += WEIGHT[hit.confidence];
    while (hit.first - (hits[left] as RuleHit).first > options.window) {
      const leaving = hits[left] as RuleHit;
      weight -= WEIGHT[leaving.confidence];
      left++;
      if (left < hits.length && (hits[left] as RuleHit).first !== leaving.first) positions--;
    }
    if (positions >= options.minHits && weight >= options.minWeight) {
      let best: Confidence = 'low';
      for (let k = left; k <= right; k++) {
        const c = (hits[k] as RuleHit).confidence;
        if (WEIGHT[c] > WEIGHT[best]) best = c;
      }
      const first = (hits[left] as RuleHit).first;
      let last = 0;
      for (let k = left; k <= right; k++) last = Math.max(last, (hits[k] as RuleHit).last);
      added.push({ category: hit.category, confidence: RAISE[best], first, last, ruleId: -1 });
      // start a fresh window after this one so a long text yields a few hits, not one per token
      left = right + 1;
      weight = 0;
      positions = 0;
      lastFirst = -1;
    }
  }
  return added;
}
