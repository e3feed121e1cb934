/**
 * Evaluates the local PII detector on the project's own fixture set and on the shared
 * development split (/work/shared/eval/pii.jsonl), with the shared README's scoring: a prediction
 * counts when it overlaps a gold span of the same entity; an ADDRESS prediction on a LOCATION span
 * is ignored; spans of unscored types stay so hits on them count as false positives.
 *
 *   npx tsx scripts/eval/pii.ts              report
 *   npx tsx scripts/eval/pii.ts --errors NAME   also list misses and false positives for NAME
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PII_ENTITIES, compilePiiDetector } from '../../src/guardrails/pii/index.js';
import type { PiiDetector, PiiMatch } from '../../src/guardrails/types.js';

interface GoldSpan {
  start: number;
  end: number;
  entity: string;
}
interface Row {
  id: string;
  text: string;
  spans: GoldSpan[];
}
interface Tally {
  tp: number;
  fp: number;
  found: number;
  gold: number;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const OWN_SET = resolve(HERE, '../../test/fixtures/guardrails/pii.jsonl');
const SHARED_SET = process.env.SLUICE_EVAL_DIR
  ? resolve(process.env.SLUICE_EVAL_DIR, 'pii.jsonl')
  : '/work/shared/eval/pii.jsonl';
const UNSCORED = new Set(['LOCATION', 'ORGANIZATION', 'DATE_TIME', 'TITLE', 'NRP']);
const MIN_GOLD_FOR_MEAN = 5;

function loadRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Row);
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

interface Scored {
  tallies: Map<string, Tally>;
  benignRows: number;
  benignFalsePositives: number;
  errors: string[];
}

function score(rows: Row[], detect: PiiDetector, errorEntity?: string): Scored {
  const tallies = new Map<string, Tally>();
  const tally = (e: string): Tally => {
    let t = tallies.get(e);
    if (!t) tallies.set(e, (t = { tp: 0, fp: 0, found: 0, gold: 0 }));
    return t;
  };
  let benignRows = 0;
  let benignFalsePositives = 0;
  const errors: string[] = [];
  for (const row of rows) {
    const predicted: PiiMatch[] = detect(row.text);
    const scoredGold = row.spans.filter((s) => !UNSCORED.has(s.entity));
    if (scoredGold.length === 0) {
      benignRows++;
      benignFalsePositives += predicted.length;
    }
    for (const g of scoredGold) {
      const t = tally(g.entity);
      t.gold++;
      if (predicted.some((p) => p.entity === g.entity && overlaps(p, g))) t.found++;
      else if (g.entity === errorEntity) errors.push(`MISS ${JSON.stringify(row.text.slice(g.start, g.end))} in ${JSON.stringify(row.text)}`);
    }
    for (const p of predicted) {
      const hit = row.spans.some((g) => g.entity === p.entity && overlaps(p, g));
      if (hit) {
        tally(p.entity).tp++;
        continue;
      }
      const onLocation = p.entity === 'ADDRESS' && row.spans.some((g) => g.entity === 'LOCATION' && overlaps(p, g));
      if (onLocation) continue;
      tally(p.entity).fp++;
      if (p.entity === errorEntity) errors.push(`FP   ${JSON.stringify(row.text.slice(p.start, p.end))} in ${JSON.stringify(row.text)}`);
    }
  }
  return { tallies, benignRows, benignFalsePositives, errors };
}

function f1(t: Tally): { p: number; r: number; f: number } {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.gold === 0 ? 1 : t.found / t.gold;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function table(title: string, s: Scored): string {
  const lines = [title, 'entity                          gold   found  tp    fp    precision recall  F1'];
  const f1s: number[] = [];
  const entities = [...s.tallies.keys()].sort((a, b) => (s.tallies.get(b)?.gold ?? 0) - (s.tallies.get(a)?.gold ?? 0));
  for (const e of entities) {
    const t = s.tallies.get(e) as Tally;
    const { p, r, f } = f1(t);
    const inMean = t.gold >= MIN_GOLD_FOR_MEAN;
    if (inMean) f1s.push(f);
    lines.push(
      `${(e + (inMean ? '' : ' *')).padEnd(31)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(6)} ${String(t.tp).padStart(5)} ${String(t.fp).padStart(5)}    ${p.toFixed(3)}   ${r.toFixed(3)}  ${f.toFixed(3)}`,
    );
  }
  const mean = f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0;
  lines.push(`mean F1 over entities with >= ${MIN_GOLD_FOR_MEAN} gold spans: ${mean.toFixed(3)} (${f1s.length} entities; * = not in the mean)`);
  lines.push(`benign rows: ${s.benignRows}, predictions on them: ${s.benignFalsePositives}`);
  return lines.join('\n');
}

/** CPU milliseconds per call (steadier than wall time on a shared machine). */
function timeIt(fn: () => void, repeat: number): number {
  fn();
  const before = process.cpuUsage();
  for (let i = 0; i < repeat; i++) fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / repeat;
}

const ORDINARY =
  'The quarterly review went well. Our team shipped the new onboarding flow on time, and customers in three regions ' +
  'reported fewer support tickets. Next month we plan to revisit pricing, clean up the backlog and hire two more ' +
  'engineers. Please send comments on the draft before Friday; the meeting starts at 10:30 in the large room. ';

function performanceReport(detect: PiiDetector, patternsOnly: PiiDetector): string {
  const mb = ORDINARY.repeat(Math.ceil((1 << 20) / ORDINARY.length)).slice(0, 1 << 20);
  const allMs = timeIt(() => detect(mb), 3);
  const patMs = timeIt(() => patternsOnly(mb), 3);
  const adversarial: Record<string, string> = {
    'digit/space runs': '1 2 3 4 5 6 7 8 9 0 12 345 6789 '.repeat(9000).slice(0, 256 * 1024),
    'digit run': '7'.repeat(256 * 1024),
    'capitalised words': 'Anna Maria Van Der Berg Street Road '.repeat(8000).slice(0, 256 * 1024),
    'a@a@a': 'a@'.repeat(128 * 1024),
    'dots and dashes': '1.2.3-4-5.'.repeat(26215).slice(0, 256 * 1024),
    'hex and colons': 'fe80:'.repeat(52429).slice(0, 256 * 1024),
    'address-like lines': '12 Main Street\nSuite 4\n'.repeat(12000).slice(0, 256 * 1024),
  };
  const lines = [
    'performance (all entities on)',
    `  ordinary English text, 1 MB: ${allMs.toFixed(1)} ms -> ${(1000 / allMs).toFixed(1)} MB/s (pattern entities only: ${(1000 / patMs).toFixed(1)} MB/s)`,
  ];
  for (const [name, text] of Object.entries(adversarial)) {
    lines.push(`  adversarial 256 KB, ${name}: ${timeIt(() => detect(text), 3).toFixed(1)} ms`);
  }
  return lines.join('\n');
}

export async function evaluate(): Promise<string> {
  const errorIdx = process.argv.indexOf('--errors');
  const errorEntity = errorIdx >= 0 ? process.argv[errorIdx + 1] : undefined;
  const detect = compilePiiDetector({ entities: [...PII_ENTITIES], regexes: [] });
  const patternsOnly = compilePiiDetector({
    entities: PII_ENTITIES.filter((e) => e !== 'NAME' && e !== 'ADDRESS'),
    regexes: [],
  });
  const parts: string[] = ['PII detector evaluation (all entities enabled)', ''];
  if (existsSync(OWN_SET)) {
    const own = score(loadRows(OWN_SET), detect, errorEntity);
    parts.push(table(`own fixture set (${OWN_SET})`, own), '');
    if (errorEntity) parts.push(...own.errors, '');
  } else parts.push(`own fixture set missing: ${OWN_SET}`, '');
  if (existsSync(SHARED_SET)) {
    const shared = score(loadRows(SHARED_SET), detect, errorEntity);
    parts.push(table(`shared development split (${SHARED_SET})`, shared), '');
    if (errorEntity) parts.push(...shared.errors, '');
  } else parts.push(`shared evaluation data not found at ${SHARED_SET}: skipped`, '');
  parts.push(performanceReport(detect, patternsOnly));
  return parts.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await evaluate());
