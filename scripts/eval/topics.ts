/**
 * Denied-topics evaluation: precision, recall and F1 per topic task for the own fixture set and for
 * the shared development split (each task applied as its own one-topic policy), false positives
 * by case kind, and detector cost on short chat messages and on a 256 KB text.
 *
 * The own fixture holds two kinds of line: explicit tasks (`topic` + `cases`: word-sense traps),
 * and intent pools (`domain`, `intent`, `texts`, optionally `topic` and `set`). Every pool with a
 * topic becomes a task whose positives are its texts and whose negatives are the other intents of
 * its domain (near misses), a fixed sample of the other domains, and the out-of-scope pool, the
 * shape of the shared split. Pools of `set: "validation"` were written after the detector was
 * tuned and are reported apart: they estimate how it does on topics it has never seen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileTopicsDetector } from '../../src/guardrails/topics.js';
import type { TopicDefinition } from '../../src/guardrails/types.js';

interface TopicCase {
  text: string;
  label: boolean;
  kind?: string;
  intent?: string;
}
interface TopicTask {
  id: string;
  topic: TopicDefinition;
  cases: TopicCase[];
  set?: string;
}
interface IntentPool {
  id: string;
  domain: string;
  intent: string;
  topic?: TopicDefinition;
  texts: string[];
  set?: string;
}

const OWN_FIXTURE = fileURLToPath(new URL('../../test/fixtures/guardrails/topics.jsonl', import.meta.url));
const SHARED_CANDIDATES = ['/work/shared/eval/topics.jsonl', fileURLToPath(new URL('../../../shared/eval/topics.jsonl', import.meta.url))];
const OUT_OF_SCOPE_DOMAIN = 'oos';
// Every n-th text of the other domains joins a task's negatives (the shared split samples them too).
const OTHER_DOMAIN_STRIDE = 4;

function readLines(path: string): unknown[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
}

function isPool(row: unknown): row is IntentPool {
  return typeof row === 'object' && row !== null && 'texts' in row && 'domain' in row;
}

/** Explicit tasks as they are, plus one task per pool that names a topic. */
export function readTasks(path: string): TopicTask[] {
  const rows = readLines(path);
  const tasks = rows.filter((row): row is TopicTask => !isPool(row));
  const pools = rows.filter(isPool);
  for (const pool of pools) {
    if (!pool.topic) continue;
    const cases: TopicCase[] = pool.texts.map((text) => ({ text, label: true, intent: pool.intent }));
    for (const other of pools) {
      if (other === pool) continue;
      const kind = other.domain === pool.domain ? 'same_domain' : other.domain === OUT_OF_SCOPE_DOMAIN ? 'out_of_scope' : 'other_domain';
      other.texts.forEach((text, index) => {
        if (kind === 'other_domain' && index % OTHER_DOMAIN_STRIDE !== 0) return;
        cases.push({ text, label: false, kind, intent: other.intent });
      });
    }
    tasks.push({ id: pool.id, topic: pool.topic, cases, set: pool.set ?? 'tuning' });
  }
  return tasks;
}

const pct = (value: number): string => value.toFixed(3);

interface TaskScore {
  name: string;
  f1: number;
}

function evaluateTasks(title: string, tasks: TopicTask[]): string {
  const lines = [`## ${title}`, 'topic                      P      R      F1     (tp/fp/fn)'];
  const falsePositivesByKind = new Map<string, [number, number]>();
  const scores: TaskScore[] = [];
  for (const task of tasks) {
    const detect = compileTopicsDetector([task.topic]);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const testCase of task.cases) {
      const flagged = detect(testCase.text).length > 0;
      if (flagged && testCase.label) tp++;
      else if (flagged) fp++;
      else if (testCase.label) fn++;
      if (!testCase.label) {
        // Shared cases name their source intent: same-domain intents are the near misses.
        const kind = testCase.kind ?? (testCase.intent === 'oos' ? 'out_of_scope' : 'other_intent');
        const [hits, total] = falsePositivesByKind.get(kind) ?? [0, 0];
        falsePositivesByKind.set(kind, [hits + (flagged ? 1 : 0), total + 1]);
      }
    }
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    scores.push({ name: task.topic.name, f1 });
    lines.push(`${task.topic.name.padEnd(26)} ${pct(precision)}  ${pct(recall)}  ${pct(f1)}  (${tp}/${fp}/${fn})`);
  }
  const mean = (part: TaskScore[]): number => part.reduce((sum, score) => sum + score.f1, 0) / Math.max(1, part.length);
  lines.push(`mean F1 over ${tasks.length} tasks: ${pct(mean(scores))}`);
  // The two halves in file order: a change that helps one half only is fitted to its topics.
  const half = Math.ceil(scores.length / 2);
  lines.push(`mean F1 by half: first ${pct(mean(scores.slice(0, half)))}, second ${pct(mean(scores.slice(half)))}`);
  const kinds = [...falsePositivesByKind].map(([kind, [hits, total]]) => `${kind} ${hits}/${total}`);
  lines.push(`false positives on benign text by kind: ${kinds.join(', ')}`);
  return lines.join('\n');
}

const INVESTMENT: TopicDefinition = {
  name: 'investment_advice',
  definition: 'Recommendations about buying, selling or holding stocks, bonds, crypto or other assets.',
  examples: ['should i buy tesla stock', 'which coin will go up next week'],
};
const MEDICAL: TopicDefinition = {
  name: 'medical_advice',
  definition: 'Asking for a diagnosis of symptoms or for treatment of an illness or injury.',
  examples: ['what medicine should i take for a migraine', 'how do i treat a sprained ankle'],
};

/** CPU time of `run` in ms: the machine may be shared, so wall-clock time would overstate it. */
function timeMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const SIZE = 262_144;

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

/** Sentences of 12 words drawn from common English words, many of them topic words. */
function commonWordText(seed: number): string {
  const words = `the of and to in is you that it was for on are as with they at be this have from or one had by
  word but not what all were we when your can said there use each which she do how their if will up other about out
  many then them so some her would make like into time has look two more write go see number no way could people my
  than first water been call who oil its now find long down day did get come made may part buy stock take pain sell`.split(/\s+/);
  const random = seededRandom(seed);
  const parts: string[] = [];
  for (let length = 0, count = 1; length < SIZE; count++) {
    const word = words[Math.floor(random() * words.length)]!;
    parts.push(count % 12 === 0 ? `${word}.` : word);
    length += word.length + 1;
  }
  return parts.join(' ').slice(0, SIZE);
}

/** Random letter strings: every word is new to the detector's caches. */
function randomWordText(seed: number): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  for (let length = 0; length < SIZE; ) {
    const word = Array.from({ length: 3 + Math.floor(random() * 8) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ').slice(0, SIZE);
}

function throughput(): string {
  const detect = compileTopicsDetector([INVESTMENT, MEDICAL]);
  const prose = 'The quarterly report covers revenue, hiring and the new office. Should we buy more stock in the supplier? ';
  const repeated = prose.repeat(Math.ceil(SIZE / prose.length)).slice(0, SIZE);
  // One sentence with no punctuation, full of both topics' words: a single huge window.
  const run = 'should i buy tesla stock or treat a migraine with medicine '.repeat(5000).slice(0, SIZE);
  // Warm up the compiler on other texts, then time texts the caches have not seen.
  for (const seed of [1, 2]) {
    detect(commonWordText(seed));
    detect(randomWordText(seed));
  }
  detect(repeated);
  detect(run);
  const worst = (texts: string[]): number => Math.max(...texts.map((text) => timeMs(() => detect(text))));
  const cases: [string, number][] = [
    ['repeated prose', worst([repeated])],
    ['one unpunctuated run of topic words', worst([run])],
    ['common-word sentences', worst([3, 4, 5].map(commonWordText))],
    ['random words', worst([3, 4, 5].map(randomWordText))],
  ];
  const rate = (ms: number): string => `${(0.25 / (ms / 1000)).toFixed(1)} MB/s`;
  return `## throughput (2 topics, 256 KB, CPU time, worst of the runs)\n${cases.map(([name, ms]) => `${name}: ${ms.toFixed(1)} ms (${rate(ms)})`).join('; ')}`;
}

/** Cost of one call on a ~100-character chat message against a five-topic policy. */
function shortMessageCost(ownTasks: TopicTask[]): string {
  const topics = [INVESTMENT, MEDICAL, ...ownTasks.filter((task) => task.set === 'tuning').slice(-3).map((task) => task.topic)];
  const compileMs = timeMs(() => compileTopicsDetector(topics));
  const detect = compileTopicsDetector(topics);
  const messages = [
    'hey, could you tell me whether it is a good idea to sell my tesla shares before the end of the year?',
    'i have had a headache and a mild fever since yesterday morning, what should i take for it right now',
    'please remind me to call the plumber tomorrow at nine and also add milk and eggs to my shopping list',
  ];
  for (let i = 0; i < 2000; i++) detect(messages[i % messages.length]!);
  const calls = 20_000;
  const ms = timeMs(() => {
    for (let i = 0; i < calls; i++) detect(messages[i % messages.length]!);
  });
  return `## short messages (5 topics, ~100 chars)\n${((ms * 1000) / calls).toFixed(1)} µs per call; compiling the policy: ${compileMs.toFixed(1)} ms`;
}

export async function evaluate(): Promise<string> {
  const parts = ['# denied topics (local engine)'];
  const own = readTasks(OWN_FIXTURE);
  const ownFile = 'test/fixtures/guardrails/topics.jsonl';
  parts.push(evaluateTasks(`own word-sense tasks (${ownFile})`, own.filter((task) => task.set === undefined)));
  parts.push(evaluateTasks(`own intent pools, tuning set (${ownFile})`, own.filter((task) => task.set === 'tuning')));
  parts.push(evaluateTasks(`own intent pools, validation set: not tuned on (${ownFile})`, own.filter((task) => task.set === 'validation')));
  const shared = SHARED_CANDIDATES.find((path) => existsSync(path));
  parts.push(shared ? evaluateTasks(`shared development split (${shared})`, readTasks(shared)) : '## shared development split\nmissing: /work/shared/eval/topics.jsonl not found, skipped');
  parts.push(shortMessageCost(own));
  parts.push(throughput());
  return parts.join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await evaluate());
