/**
 * Evaluates the word filter's managed profanity list and measures the detector's speed.
 *
 * - own set: test/fixtures/guardrails/words.jsonl (positives by kind, hard negatives by kind);
 * - shared set: /work/shared/eval/profanity.jsonl (label `offensive`), with obscenity's stock
 *   matcher as the baseline, and the other shared files as a benign corpus for false positives;
 * - speed: profanity + 50 custom words + 5 patterns, in MB/s, and the slowest 256 KB adversarial input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { compileWordsDetector } from '../../src/guardrails/words.js';
import { checkPattern } from '../../src/guardrails/safe-pattern.js';
import type { WordsDetector } from '../../src/guardrails/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'guardrails', 'words.jsonl');
const SHARED = process.env.SLUICE_EVAL_DIR ?? '/work/shared/eval';

interface Labelled {
  text: string;
  offensive: boolean;
  group: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const BENCH_WORDS = [
  'project falcon', 'project osprey', 'acme corp', 'internal only', 'do not distribute', 'codename heron',
  'globex', 'initech', 'umbrella corp', 'hooli', 'pied piper', 'stark industries', 'wayne enterprises',
  'cyberdyne', 'tyrell', 'soylent', 'wonka', 'oscorp', 'massive dynamic', 'vandelay industries',
  'blue harvest', 'night owl', 'red october', 'silver lining', 'golden gate', 'iron curtain', 'black box',
  'white whale', 'green light', 'orange crush', 'purple rain', 'yellow brick', 'merger plan', 'layoff list',
  'salary bands', 'board minutes', 'q4 forecast', 'roadmap 2026', 'price list', 'unreleased', 'embargoed',
  'confidential draft', 'legal hold', 'whistleblower', 'acquisition target', 'due diligence', 'term sheet',
  'cap table', 'burn rate', 'runway',
];
const BENCH_PATTERNS = [
  '\\bTKT-\\d{4,6}\\b',
  '\\bproject\\s+(?:falcon|osprey|heron)\\b',
  '\\b[A-Z]{3}-\\d{3}-[A-Z]{2}\\b',
  '\\b(?:secret|private)[-_ ]key\\b',
  '\\binvoice\\s+#?\\d{5,}\\b',
];

export async function evaluate(): Promise<string> {
  const lines: string[] = ['# Word filter evaluation (managed: [profanity])', ''];
  const detector = compileWordsDetector({ words: [], patterns: [], managed: ['profanity'] });
  const flagged = (text: string): boolean => detector(text).some((m) => m.rule === 'profanity');

  lines.push('## Own set (test/fixtures/guardrails/words.jsonl)');
  const own = readJsonl(FIXTURE).map((row) => ({
    text: String(row.text),
    offensive: row.offensive === true,
    group: String(row.category),
  }));
  lines.push(...scoreReport(own, flagged, detector, 50));

  const sharedFile = join(SHARED, 'profanity.jsonl');
  if (existsSync(sharedFile)) {
    lines.push('', `## Shared set (${sharedFile})`);
    const shared = readJsonl(sharedFile).map((row) => ({
      text: String(row.text),
      offensive: row.offensive === true,
      group: String(row.source_class),
    }));
    const baseline = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    lines.push(`baseline obscenity: ${formatCounts(count(shared, (text) => baseline.hasMatch(text)))}`);
    lines.push(...scoreReport(shared, flagged, detector, 25));
    lines.push('', ...benignCorpusReport(detector));
  } else {
    lines.push('', `## Shared set: ${sharedFile} not found, skipped`);
  }

  lines.push('', ...speedReport(own.map((row) => row.text)));
  return lines.join('\n');
}

function scoreReport(
  rows: Labelled[],
  flagged: (text: string) => boolean,
  detector: WordsDetector,
  listLimit: number,
): string[] {
  const lines = [`overall: ${formatCounts(count(rows, flagged))}`];
  for (const group of [...new Set(rows.map((row) => row.group))].sort()) {
    const subset = rows.filter((row) => row.group === group);
    const c = count(subset, flagged);
    const detail = subset.some((row) => row.offensive) ? `recall ${ratio(c.tp, c.tp + c.fn)}` : `false positives ${c.fp}/${subset.length}`;
    lines.push(`  ${group.padEnd(20)} n=${String(subset.length).padEnd(5)} ${detail}`);
  }
  const falsePositives = rows.filter((row) => !row.offensive && flagged(row.text));
  lines.push(`false positives on benign rows: ${falsePositives.length}`);
  for (const row of falsePositives.slice(0, listLimit)) {
    const words = detector(row.text).map((m) => row.text.slice(m.start, m.end));
    lines.push(`  [${words.join(', ')}] ${oneLine(row.text)}`);
  }
  const misses = rows.filter((row) => row.offensive && !flagged(row.text));
  lines.push(`missed offensive rows: ${misses.length}`);
  return lines;
}

/** The other shared files are (nearly all) non-profane prose: flag rate there is a false positive rate. */
function benignCorpusReport(detector: WordsDetector): string[] {
  const texts = new Set<string>();
  const add = (file: string, pick: (row: Record<string, unknown>) => unknown[]): void => {
    const path = join(SHARED, file);
    if (!existsSync(path)) return;
    for (const row of readJsonl(path)) for (const value of pick(row)) if (typeof value === 'string') texts.add(value);
  };
  add('grounding.jsonl', (row) => [...(row.sources as unknown[]), row.answer]);
  add('topics.jsonl', (row) => (row.cases as { text: string }[]).map((c) => c.text));
  add('pii.jsonl', (row) => [row.text]);
  add('prompt_attacks.jsonl', (row) => (row.attack ? [] : [row.text]));
  const hits = new Map<string, number>();
  let flaggedTexts = 0;
  for (const text of texts) {
    const matches = detector(text);
    if (matches.length > 0) flaggedTexts++;
    for (const m of matches) hits.set(text.slice(m.start, m.end), (hits.get(text.slice(m.start, m.end)) ?? 0) + 1);
  }
  const top = [...hits].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([word, n]) => `${word}×${n}`);
  return [
    '## Benign corpus (grounding, topics, pii, benign prompts)',
    `flagged ${flaggedTexts}/${texts.size} texts (${ratio(flaggedTexts, texts.size)}); words: ${top.join(', ') || 'none'}`,
  ];
}

function speedReport(fallbackTexts: string[]): string[] {
  const rejected = BENCH_PATTERNS.map((p) => checkPattern(p)).filter((reason) => reason !== null);
  if (rejected.length > 0) return [`## Speed: benchmark patterns rejected: ${rejected.join('; ')}`];
  const detector = compileWordsDetector({ words: BENCH_WORDS, patterns: BENCH_PATTERNS, managed: ['profanity'] });
  const corpus = benchCorpus(fallbackTexts);
  const chunks: string[] = [];
  for (let i = 0; i < corpus.text.length; i += 4096) chunks.push(corpus.text.slice(i, i + 4096));
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
  let bestWall = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    for (const chunk of chunks) detector(chunk);
    const cpu = process.cpuUsage(cpuStart);
    bestWall = Math.min(bestWall, performance.now() - wallStart);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  const megabytes = Buffer.byteLength(corpus.text, 'utf8') / 1e6;
  const rate = (ms: number): string => (megabytes / (ms / 1000)).toFixed(1);
  const lines = [
    '## Speed (profanity + 50 custom words + 5 patterns)',
    `scan rate: ${rate(bestCpu)} MB/s of CPU time (${rate(bestWall)} MB/s wall) over ${megabytes.toFixed(1)} MB of ${corpus.name} in 4 KB calls (best of 5)`,
  ];
  const timings = adversarialInputs().map(([name, input]) => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      detector(input);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return { name, ms: fastest };
  });
  const worst = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  lines.push(`256 KB adversarial inputs: worst ${worst.ms.toFixed(1)} ms (${worst.name}); all: ${timings.map((t) => `${t.name} ${t.ms.toFixed(1)}`).join(', ')}`);
  return lines;
}

function benchCorpus(fallbackTexts: string[]): { name: string; text: string } {
  const sources: string[] = [];
  for (const file of ['content.jsonl', 'grounding.jsonl', 'profanity.jsonl']) {
    const path = join(SHARED, file);
    if (!existsSync(path)) continue;
    for (const row of readJsonl(path)) {
      if (typeof row.text === 'string') sources.push(row.text);
      if (Array.isArray(row.sources)) sources.push(...row.sources.filter((s): s is string => typeof s === 'string'));
    }
  }
  const name = sources.length > 0 ? 'shared eval texts' : 'own fixture texts';
  const base = (sources.length > 0 ? sources : fallbackTexts).join('\n');
  let text = base;
  while (text.length < 4_000_000) text += `\n${base}`;
  return { name, text };
}

function adversarialInputs(): [string, string][] {
  const size = 256 * 1024;
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [
    ['one letter', fill('a')],
    ['spelled-out letters', fill('f u ')],
    ['glued profanity', fill('fuck')],
    ['profanity words', fill('ass ')],
    ['masked letters', fill('f*')],
    ['edge punctuation', fill('!(')],
    ['emoji', fill('😀')],
    ['zero-width', fill('f\u200B')],
    ['phrase prefixes', fill('project ')],
    ['phrase then spaces', `acme${' '.repeat(size)}`],
    ['ticket digits', fill('TKT-1')],
    ['digits after a prefix', `invoice #${'1'.repeat(size)}`],
    ['spaces after a prefix', `project${' '.repeat(size)}x`],
    ['pattern prefix', fill('invoice ')],
    ['whitelisted words', fill('assessment ')],
    ['mentions', fill('@ss ')],
  ];
}

function count(rows: Labelled[], flagged: (text: string) => boolean): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const row of rows) {
    const hit = flagged(row.text);
    if (hit && row.offensive) c.tp++;
    else if (hit) c.fp++;
    else if (row.offensive) c.fn++;
    else c.tn++;
  }
  return c;
}

function formatCounts(c: Counts): string {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return `precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)} (tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn})`;
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 110 ? `${flat.slice(0, 107)}...` : flat;
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await evaluate());
