/**
 * Evidence shared between runs after each is scored on its own: members of a list ("Ana, Bo and
 * Cy") and later mentions of an accepted name ("Alice Goldberg … early Goldberg").
 */
import { WORD, type Tokens } from '../tokens.js';
import { cueBefore } from './cues.js';
import type { Scored } from './scored.js';

/** Is token i a list joiner: "," "&" or "and" (optionally ", and")? */
function joinerEnd(t: Tokens, i: number): number {
  if (t.isPunct(i, ',')) return t.kind(i + 1) === WORD && t.lower(i + 1) === 'and' ? i + 1 : i;
  if (t.isPunct(i, '&') || (t.kind(i) === WORD && t.lower(i) === 'and')) return i;
  return -1;
}

/**
 * "Efimiya, Mary and Jodi": when one member of a list is a name, so are the others; two members
 * with family-name evidence make a list of surnames ("Brabec, Doyle and Gonzalez").
 */
export function shareListEvidence(t: Tokens, runs: Scored[], threshold: number): void {
  let k = 0;
  while (k < runs.length) {
    let j = k;
    while (j + 1 < runs.length) {
      const end = joinerEnd(t, (runs[j] as Scored).to + 1);
      if (end < 0 || end + 1 !== (runs[j + 1] as Scored).from) break;
      j++;
    }
    if (j > k) spreadInList(t, runs.slice(k, j + 1), threshold);
    k = j + 1;
  }
}

function spreadInList(t: Tokens, members: Scored[], threshold: number): void {
  // "The Jones, Smith and Davis Orchestra", "at Jones, Mitchell and Williams": a firm, not people.
  if (members.some((r) => r.org)) return;
  const head = (members[0] as Scored).from;
  if (cueBefore(t, head, 'determiner') || cueBefore(t, head, 'location')) return;
  const named = members.some((r) => r.score >= threshold);
  const surnames = members.filter((r) => r.surname).length;
  if (!named && surnames < 2) return;
  for (const r of members) {
    if (r.placeLike || r.words > 3 || (r.everyday && !named)) continue;
    r.score = Math.max(r.score, threshold);
  }
}

/** A single word repeating a word of an accepted multi-word name is that person again. */
export function shareMentions(t: Tokens, runs: Scored[], threshold: number): void {
  const known = new Set<string>();
  for (const r of runs) {
    if (r.score < threshold || r.words < 2 || r.org) continue;
    for (let i = r.from; i <= r.to; i++) if (t.kind(i) === WORD && t.length(i) > 2) known.add(t.lower(i));
  }
  if (known.size === 0) return;
  for (const r of runs) {
    if (r.words === 1 && !r.placeLike && !r.org && known.has(t.lower(r.from))) r.score = Math.max(r.score, 0.6);
  }
}
