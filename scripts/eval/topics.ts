/**
 * Denied-topics evaluation: precision, recall and F1 per topic task for the own fixture set and for
 * the shared development split (each task applied as its own one-topic policy), false positives
 * by case kind, and detector throughput on a 256 KB text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileTopicsDetector } from '../../src/guardrails/topics.js';
import type { TopicDefinition } from '../../src/guardrails/types.js';

interface TopicTask {
  id: string;
  topic: TopicDefinition;
  cases: { text: string; label: boolean; kind?: string; intent?: string }[];
}

const OWN_FIXTURE = fileURLToPath(new URL('../../test/fixtures/guardrails/topics.jsonl', import.meta.url));
const SHARED_CANDIDATES = ['/work/shared/eval/topics.jsonl', fileURLToPath(new URL('../../../shared/eval/topics.jsonl', import.meta.url))];

function readTasks(path: string): TopicTask[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as TopicTask);
}

const pct = (value: number): string => value.toFixed(3);

function evaluateTasks(title: string, tasks: TopicTask[]): string {
  const lines = [`## ${title}`, 'topic                      P      R      F1     (tp/fp/fn)'];
  const falsePositivesByKind = new Map<string, [number, number]>();
  let f1Sum = 0;
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
    f1Sum += f1;
    lines.push(`${task.topic.name.padEnd(26)} ${pct(precision)}  ${pct(recall)}  ${pct(f1)}  (${tp}/${fp}/${fn})`);
  }
  lines.push(`mean F1 over ${tasks.length} tasks: ${pct(f1Sum / Math.max(1, tasks.length))}`);
  const kinds = [...falsePositivesByKind].map(([kind, [hits, total]]) => `${kind} ${hits}/${total}`);
  lines.push(`false positives on benign text by kind: ${kinds.join(', ')}`);
  return lines.join('\n');
}

function throughput(): string {
  const detect = compileTopicsDetector([
    { name: 'investment_advice', definition: 'Recommendations about buying, selling or holding stocks, bonds, crypto or other assets.', examples: ['should i buy tesla stock', 'which coin will go up next week'] },
    { name: 'medical_advice', definition: 'Asking for a diagnosis of symptoms or for treatment of an illness or injury.', examples: ['what medicine should i take for a migraine', 'how do i treat a sprained ankle'] },
  ]);
  const prose = 'The quarterly report covers revenue, hiring and the new office. Should we buy more stock in the supplier? ';
  const natural = prose.repeat(Math.ceil(262_144 / prose.length)).slice(0, 262_144);
  let seed = 7;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  let adversarial = '';
  while (adversarial.length < 262_144) adversarial += `${Array.from({ length: 3 + Math.floor(random() * 8) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('')} `;
  const time = (text: string): number => {
    detect(text.slice(0, 1000));
    const start = performance.now();
    detect(text);
    return performance.now() - start;
  };
  const naturalMs = time(natural);
  const adversarialMs = time(adversarial.slice(0, 262_144));
  const rate = (ms: number): string => `${(0.25 / (ms / 1000)).toFixed(1)} MB/s`;
  return `## throughput (2 topics, 256 KB)\nprose: ${naturalMs.toFixed(1)} ms (${rate(naturalMs)}); random words: ${adversarialMs.toFixed(1)} ms (${rate(adversarialMs)})`;
}

export async function evaluate(): Promise<string> {
  const parts = ['# denied topics (local engine)'];
  parts.push(evaluateTasks('own fixture set (test/fixtures/guardrails/topics.jsonl)', readTasks(OWN_FIXTURE)));
  const shared = SHARED_CANDIDATES.find((path) => existsSync(path));
  parts.push(shared ? evaluateTasks(`shared development split (${shared})`, readTasks(shared)) : '## shared development split\nmissing: /work/shared/eval/topics.jsonl not found, skipped');
  parts.push(throughput());
  return parts.join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await evaluate());
