/**
 * Evaluates the contextual-grounding scorer on the project's own fixtures and on the shared
 * HaluEval-derived set (read at run time, never copied). An answer is blocked when
 * grounding < grounding threshold or relevance < relevance threshold, as the engine does.
 *
 * Run alone: npx tsx scripts/eval/grounding.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_GROUNDING_THRESHOLD,
  DEFAULT_RELEVANCE_THRESHOLD,
  scoreGrounding,
} from '../../src/guardrails/grounding.js';
import type { GroundingScores } from '../../src/guardrails/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = resolve(here, '../../test/fixtures/guardrails/grounding.jsonl');
const SHARED = resolve(here, '../../../shared/eval/grounding.jsonl');
const SWEEP_GROUNDING = [0.5, 0.6, 0.7, 0.8, 0.9];
const SWEEP_RELEVANCE = [0.3, 0.5, 0.7];

interface Row {
  id: string;
  sources: string[];
  query: string;
  answer: string;
  grounded: boolean;
  /** Own fixtures only: whether the answer addresses the query. */
  relevant?: boolean;
  kind?: string;
}

interface Scored {
  row: Row;
  scores: GroundingScores;
}

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Row);
}

function shouldPass(row: Row): boolean {
  return row.grounded && row.relevant !== false;
}

function blocked(scores: GroundingScores, groundingThreshold: number, relevanceThreshold: number): boolean {
  return scores.grounding < groundingThreshold || scores.relevance < relevanceThreshold;
}

function pct(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : 'n/a';
}

/** Accuracy and P/R/F1 of "should be blocked" detection at the given thresholds. */
function summary(scored: readonly Scored[], groundingThreshold: number, relevanceThreshold: number): string {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  let correct = 0;
  for (const { row, scores } of scored) {
    const predicted = blocked(scores, groundingThreshold, relevanceThreshold);
    const actual = !shouldPass(row);
    if (predicted === actual) correct += 1;
    if (predicted && actual) truePositive += 1;
    if (predicted && !actual) falsePositive += 1;
    if (!predicted && actual) falseNegative += 1;
  }
  const precision = truePositive / (truePositive + falsePositive);
  const recall = truePositive / (truePositive + falseNegative);
  const f1 = (2 * precision * recall) / (precision + recall);
  const passing = scored.filter(({ row }) => shouldPass(row)).length;
  return (
    `accuracy ${pct(correct / scored.length)} (${correct}/${scored.length}); blocked-detection ` +
    `P ${pct(precision)} R ${pct(recall)} F1 ${pct(f1)}; false blocks of good answers ${falsePositive}/${passing}`
  );
}

function perKind(scored: readonly Scored[]): string[] {
  const kinds = new Map<string, Scored[]>();
  for (const item of scored) {
    const kind = item.row.kind ?? 'other';
    kinds.set(kind, [...(kinds.get(kind) ?? []), item]);
  }
  return [...kinds].map(([kind, items]) => {
    const correct = items.filter(
      ({ row, scores }) =>
        blocked(scores, DEFAULT_GROUNDING_THRESHOLD, DEFAULT_RELEVANCE_THRESHOLD) === !shouldPass(row),
    ).length;
    return `  ${kind.padEnd(12)} ${correct}/${items.length}`;
  });
}

function misses(scored: readonly Scored[], limit: number): string[] {
  return scored
    .filter(({ row, scores }) => blocked(scores, DEFAULT_GROUNDING_THRESHOLD, DEFAULT_RELEVANCE_THRESHOLD) === shouldPass(row))
    .slice(0, limit)
    .map(
      ({ row, scores }) =>
        `  ${shouldPass(row) ? 'blocked' : 'passed '} ${row.id} (g ${scores.grounding.toFixed(2)}, r ${scores.relevance.toFixed(2)})`,
    );
}

function sweep(scored: readonly Scored[]): string[] {
  return SWEEP_GROUNDING.map((groundingThreshold) => {
    const cells = SWEEP_RELEVANCE.map((relevanceThreshold) => {
      const correct = scored.filter(
        ({ row, scores }) => blocked(scores, groundingThreshold, relevanceThreshold) === !shouldPass(row),
      ).length;
      return `r>=${relevanceThreshold}: ${pct(correct / scored.length)}`;
    });
    return `  g>=${groundingThreshold}  ${cells.join('  ')}`;
  });
}

/** Deterministic prose-like text of about `bytes` characters with names, numbers and words. */
function syntheticText(bytes: number, seed: number): string {
  const words = 'river bridge company museum painter novel station railway village church school team album label'.split(' ');
  const names = 'Alder Brook Carver Dunmore Elston Farrow Garnet Hollis Ingram Jessop Kendal Larkin'.split(' ');
  let state = seed;
  const next = (limit: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % limit;
  };
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const sentence = Array.from({ length: 8 + next(12) }, () => {
      const roll = next(10);
      if (roll < 2) return names[next(names.length)] ?? '';
      if (roll < 3) return String(1800 + next(220));
      return words[next(words.length)] ?? '';
    }).join(' ');
    parts.push(`The ${sentence}.`);
    length += sentence.length + 6;
  }
  return parts.join(' ');
}

function timing(): string {
  const size = 256 * 1024;
  const cases = {
    '256 KB answer, 1 KB source': { answer: syntheticText(size, 1), sources: [syntheticText(1024, 2)], query: 'Which album?' },
    '1 KB answer, 256 KB source': { answer: syntheticText(1024, 3), sources: [syntheticText(size, 4)], query: 'Which album?' },
    '256 KB answer, 256 KB source': { answer: syntheticText(size, 5), sources: [syntheticText(size, 6)], query: 'Which album?' },
  };
  return Object.entries(cases)
    .map(([name, input]) => {
      let best = Infinity;
      for (let run = 0; run < 5; run += 1) {
        const started = performance.now();
        scoreGrounding(input);
        best = Math.min(best, performance.now() - started);
      }
      return `  ${name}: ${best.toFixed(1)} ms (best of 5)`;
    })
    .join('\n');
}

function report(title: string, scored: readonly Scored[], withKinds: boolean): string {
  const lines = [
    `## ${title}`,
    `at ${DEFAULT_GROUNDING_THRESHOLD}/${DEFAULT_RELEVANCE_THRESHOLD}: ${summary(scored, DEFAULT_GROUNDING_THRESHOLD, DEFAULT_RELEVANCE_THRESHOLD)}`,
  ];
  if (withKinds) lines.push('per kind (correct decisions):', ...perKind(scored));
  lines.push('threshold sweep (accuracy):', ...sweep(scored), 'wrong decisions:', ...misses(scored, 40));
  return lines.join('\n');
}

export async function evaluate(): Promise<string> {
  const sections: string[] = [];
  const own = readRows(FIXTURE).map((row) => ({ row, scores: scoreGrounding(row) }));
  sections.push(report('own fixtures (test/fixtures/guardrails/grounding.jsonl)', own, true));
  if (existsSync(SHARED)) {
    const shared = readRows(SHARED).map((row) => ({ row, scores: scoreGrounding(row) }));
    sections.push(report('shared set (shared/eval/grounding.jsonl, HaluEval QA)', shared, false));
  } else {
    sections.push(`## shared set\nmissing: ${SHARED} (skipped)`);
  }
  sections.push(`## timing\n${timing()}`);
  return sections.join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await evaluate());
