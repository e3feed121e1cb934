/**
 * Finds words spelled out letter by letter ("f u c k", "s.h.i.t", "b-i-t-c-h") in the folded
 * profanity text, so the joined letters can be checked against the word list.
 */
import type { Span } from '../types.js';
import type { FoldedText } from '../text-normalize.js';

export interface SpelledOutRun {
  /** the letters joined without separators */
  letters: string;
  /** the whole run in source offsets */
  span: Span;
}

// Single letters (each not followed by another letter or digit) joined by short separator runs.
// Letters and separators are disjoint, so the repetition cannot backtrack into itself. The run is
// the captured group: a consumed leading character scans faster than a look-behind.
const RUN = /(?:^|[^a-z0-9])([a-z](?:[\s.\-_*+~]{1,3}[a-z](?![a-z0-9])){2,})/g;
const SEPARATORS = /[\s.\-_*+~]/g;

export function findSpelledOutRuns(text: FoldedText): SpelledOutRun[] {
  const runs: SpelledOutRun[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text.text); m !== null; m = RUN.exec(text.text)) {
    const run = m[1] ?? '';
    const end = m.index + m[0].length;
    const start = end - run.length;
    runs.push({
      letters: run.replace(SEPARATORS, ''),
      span: { start: text.starts[start] ?? 0, end: text.ends[end - 1] ?? 0 },
    });
  }
  return runs;
}
