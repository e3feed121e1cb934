/**
 * obscenity's whitelist: a profanity hit lying wholly inside a whitelisted term ("assessment",
 * "Dickens", "cockpit") is dropped. Terms are matched on the source text, ignoring ASCII case and
 * with any run of spaces where the term has one, as obscenity's whitelist transformers do.
 */
import type { Span } from '../types.js';

/** Around the first few hits, searching a window is cheaper than scanning the whole text. */
const WINDOWED_HITS = 8;

export type WhitelistChecker = (start: number, end: number) => boolean;

export interface Whitelist {
  /** a checker for one text; hits must be asked in order of their start */
  forText(source: string): WhitelistChecker;
  /** whether [start, end) of a short string lies inside a whitelisted term */
  covers(text: string, start: number, end: number): boolean;
}

export function compileWhitelist(terms: string[]): Whitelist {
  const regex = new RegExp(groupByFirstChar(terms.map((term) => term.toLowerCase())), 'gi');
  // A window must hold the longest term around the hit, with slack for repeated spaces.
  const context = Math.max(...terms.map((term) => term.length)) + 8;
  const find = (text: string): Span[] => {
    const found: Span[] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length });
    }
    return found;
  };
  const covers = (text: string, start: number, end: number): boolean =>
    find(text).some((w) => w.start <= start && end <= w.end);

  return {
    covers,
    forText(source) {
      let windowed = 0;
      let intervals: Span[] | undefined;
      let cursor = 0;
      return (start, end) => {
        if (intervals === undefined && windowed < WINDOWED_HITS) {
          windowed++;
          const from = Math.max(0, start - context);
          return covers(source.slice(from, Math.min(source.length, end + context)), start - from, end - from);
        }
        intervals ??= find(source);
        // One regex scan yields intervals that do not overlap, so their starts and ends increase.
        while (cursor < intervals.length && (intervals[cursor]?.end ?? 0) <= start) cursor++;
        for (let i = cursor; i < intervals.length; i++) {
          const interval = intervals[i];
          if (!interval || interval.start > start) break;
          if (end <= interval.end) return true;
        }
        return false;
      };
    },
  };
}

/** One alternation grouped by first character, longest terms first within a group. */
function groupByFirstChar(terms: string[]): string {
  const groups = new Map<string, string[]>();
  for (const term of terms) {
    const first = term[0] ?? '';
    groups.set(first, [...(groups.get(first) ?? []), term.slice(1)]);
  }
  return [...groups]
    .map(([first, rests]) => {
      const alternatives = rests.sort((a, b) => b.length - a.length).map(literalSource);
      return `${literalSource(first)}(?:${alternatives.join('|')})`;
    })
    .join('|');
}

function literalSource(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, ' +');
}
