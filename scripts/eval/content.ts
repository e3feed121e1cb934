/**
 * Evaluates the local content filter on the project's own fixtures and on the shared evaluation
 * data (read at run time, never copied). Reports precision/recall/F1 per category at each filter
 * strength, false positives on benign text, scan throughput and the adversarial-input time.
 *
 * Self-harm rows of the shared moderation set are scored as violence: the filter has no
 * self-harm category and reports self-harm as violence, so the violence gold label there is
 * "violence or self-harm". Both source labels are also shown alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileContentDetector } from '../../src/guardrails/content.js';
import type { Confidence, ContentCategory, ContentDetector } from '../../src/guardrails/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = process.env.SLUICE_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'guardrails');
const STRENGTHS = ['low', 'medium', 'high'] as const;
type Strength = (typeof STRENGTHS)[number];
const BLOCKS: Record<Strength, ReadonlySet<Confidence>> = {
  low: new Set(['high']),
  medium: new Set(['medium', 'high']),
  high: new Set(['low', 'medium', 'high']),
};
const LEXICAL: ContentCategory[] = ['hate', 'insults', 'sexual', 'violence', 'misconduct'];

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** One scored case: the text and, per category, true/false (absent = not scored). */
interface Case {
  text: string;
  gold: Partial<Record<string, boolean>>;
  group?: string;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function flagged(detector: ContentDetector, text: string, category: ContentCategory, strength: Strength): boolean {
  return detector(text, [category]).some((m) => m.category === category && BLOCKS[strength].has(m.confidence));
}

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

const pct = (x: number): string => x.toFixed(2);

/** Scores `cases` for each gold key; `predict` maps a gold key to the detector category used. */
function score(
  detector: ContentDetector,
  cases: readonly Case[],
  keys: readonly string[],
  predict: (key: string) => ContentCategory,
): Map<Strength, Map<string, Counts>> {
  const out = new Map<Strength, Map<string, Counts>>();
  for (const strength of STRENGTHS) {
    const perKey = new Map<string, Counts>();
    for (const key of keys) perKey.set(key, { tp: 0, fp: 0, fn: 0, tn: 0 });
    out.set(strength, perKey);
  }
  for (const c of cases) {
    const found = new Map<ContentCategory, Confidence[]>();
    for (const m of detector(c.text, [...new Set(keys.map(predict))])) {
      const list = found.get(m.category) ?? [];
      list.push(m.confidence);
      found.set(m.category, list);
    }
    for (const key of keys) {
      const gold = c.gold[key];
      if (gold === undefined) continue;
      for (const strength of STRENGTHS) {
        const hit = (found.get(predict(key)) ?? []).some((conf) => BLOCKS[strength].has(conf));
        const counts = out.get(strength)?.get(key) as Counts;
        if (hit && gold) counts.tp++;
        else if (hit) counts.fp++;
        else if (gold) counts.fn++;
        else counts.tn++;
      }
    }
  }
  return out;
}

function table(title: string, results: Map<Strength, Map<string, Counts>>, keys: readonly string[], overallKeys: readonly string[]): string {
  const lines = [title, '  category           strength  P     R     F1    (tp/fp/fn)'];
  for (const key of [...keys, 'overall']) {
    for (const strength of STRENGTHS) {
      const perKey = results.get(strength) as Map<string, Counts>;
      let c: Counts;
      if (key === 'overall') {
        c = { tp: 0, fp: 0, fn: 0, tn: 0 };
        for (const k of overallKeys) {
          const x = perKey.get(k) as Counts;
          c.tp += x.tp;
          c.fp += x.fp;
          c.fn += x.fn;
        }
      } else c = perKey.get(key) as Counts;
      const { p, r, f1 } = prf(c);
      lines.push(`  ${key.padEnd(18)} ${strength.padEnd(8)}  ${pct(p)}  ${pct(r)}  ${pct(f1)}  (${c.tp}/${c.fp}/${c.fn})`);
    }
  }
  return lines.join('\n');
}

function benignRate(detector: ContentDetector, texts: readonly string[], categories: ContentCategory[]): string {
  const parts = STRENGTHS.map((strength) => {
    const flaggedCount = texts.filter((t) => categories.some((c) => flagged(detector, t, c, strength))).length;
    return `${strength} ${flaggedCount}/${texts.length} (${pct((100 * flaggedCount) / Math.max(1, texts.length))}%)`;
  });
  return parts.join(', ');
}

// ---- own fixtures -------------------------------------------------------------------------

interface OwnContentRow {
  text: string;
  labels: Partial<Record<ContentCategory, boolean>>;
}
interface AttackRow {
  text: string;
  attack: boolean;
  kind: string;
}

function ownReport(detector: ContentDetector): string {
  const content = readJsonl<OwnContentRow>(join(FIXTURES, 'content.jsonl'));
  const cases: Case[] = content.map((r) => ({ text: r.text, gold: fillNegatives(r.labels) }));
  const results = score(detector, cases, LEXICAL, (k) => k as ContentCategory);
  const benign = content.filter((r) => !Object.values(r.labels).some(Boolean)).map((r) => r.text);
  const attacks = readJsonl<AttackRow>(join(FIXTURES, 'prompt-attacks.jsonl'));
  return [
    table('Own fixtures: content.jsonl (unlisted categories count as negatives)', results, LEXICAL, LEXICAL),
    `  benign rows flagged in any category: ${benignRate(detector, benign, LEXICAL)}`,
    attackReport('Own fixtures: prompt-attacks.jsonl', detector, attacks),
  ].join('\n');
}

function fillNegatives(labels: Partial<Record<ContentCategory, boolean>>): Partial<Record<string, boolean>> {
  const gold: Partial<Record<string, boolean>> = {};
  for (const c of LEXICAL) gold[c] = labels[c] === true;
  return gold;
}

function attackReport(title: string, detector: ContentDetector, rows: readonly AttackRow[]): string {
  const results = score(detector, rows.map((r) => ({ text: r.text, gold: { prompt_attack: r.attack } })), ['prompt_attack'], () => 'prompt_attack');
  const lines = [table(title, results, ['prompt_attack'], ['prompt_attack'])];
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  for (const kind of kinds) {
    const ofKind = rows.filter((r) => r.kind === kind);
    const parts = STRENGTHS.map((s) => `${s} ${ofKind.filter((r) => flagged(detector, r.text, 'prompt_attack', s)).length}`);
    lines.push(`  flagged ${kind} (${ofKind[0]?.attack ? 'attack' : 'benign'}, n=${ofKind.length}): ${parts.join(', ')}`);
  }
  return lines.join('\n');
}

// ---- shared evaluation data --------------------------------------------------------------

interface SharedContentRow {
  text: string;
  labels: Record<'hate' | 'insults' | 'sexual' | 'violence' | 'self_harm', 0 | 1 | null>;
}

function sharedReport(detector: ContentDetector): string {
  const contentPath = join(SHARED, 'content.jsonl');
  const attackPath = join(SHARED, 'prompt_attacks.jsonl');
  if (!existsSync(contentPath) || !existsSync(attackPath)) return `Shared evaluation data not found at ${SHARED}: skipped.`;
  const rows = readJsonl<SharedContentRow>(contentPath);
  const cases: Case[] = rows.map((r) => {
    const gold: Partial<Record<string, boolean>> = {};
    for (const k of ['hate', 'insults', 'sexual'] as const) if (r.labels[k] !== null) gold[k] = r.labels[k] === 1;
    const v = r.labels.violence;
    const sh = r.labels.self_harm;
    if (v !== null || sh !== null) gold.violence = v === 1 || sh === 1;
    if (v !== null) gold['violence (V only)'] = v === 1;
    if (sh !== null) gold['self_harm (SH only)'] = sh === 1;
    return { text: r.text, gold };
  });
  const keys = ['hate', 'insults', 'sexual', 'violence', 'violence (V only)', 'self_harm (SH only)'];
  const predict = (k: string): ContentCategory => (k.startsWith('violence') || k.startsWith('self_harm') ? 'violence' : (k as ContentCategory));
  const results = score(detector, cases, keys, predict);
  const benign = rows
    .filter((r) => Object.values(r.labels).every((v) => v === 0))
    .map((r) => r.text);
  const attacks = readJsonl<AttackRow>(attackPath);
  const ordinary = attacks.filter((r) => r.kind === 'ordinary_question').map((r) => r.text);
  return [
    table(
      'Shared: content.jsonl (violence gold = violence or self_harm; overall = micro over hate, insults, sexual, violence)',
      results,
      keys,
      ['hate', 'insults', 'sexual', 'violence'],
    ),
    `  rows with every label 0 flagged in hate/insults/sexual/violence: ${benignRate(detector, benign, ['hate', 'insults', 'sexual', 'violence'])}`,
    attackReport('Shared: prompt_attacks.jsonl', detector, attacks),
    `  ordinary_question flagged in any content category: ${benignRate(detector, ordinary, [...LEXICAL, 'prompt_attack'])}`,
  ].join('\n');
}

// ---- speed ---------------------------------------------------------------------------------

/** Best of a few runs, wall clock and CPU time (the CPU figure is steadier on a busy machine). */
function timeIt(run: () => void, repeats: number): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const before = process.cpuUsage();
    const t = performance.now();
    run();
    wall = Math.min(wall, performance.now() - t);
    const used = process.cpuUsage(before);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

function throughput(detector: ContentDetector, label: string, sample: string): string {
  const all: ContentCategory[] = [...LEXICAL, 'prompt_attack'];
  let corpus = '';
  while (corpus.length < 1_000_000) corpus += sample + '\n';
  detector(corpus, all);
  const mb = Buffer.byteLength(corpus) / 1e6;
  const { wall, cpu } = timeIt(() => detector(corpus, all), 5);
  return `  ${label}: ${pct((mb * 1000) / wall)} MB/s wall, ${pct((mb * 1000) / cpu)} MB/s CPU (${pct(mb)} MB, all categories)`;
}

function speedReport(detector: ContentDetector): string {
  const all: ContentCategory[] = [...LEXICAL, 'prompt_attack'];
  const lines = ['Speed (best of 5)'];
  const sharedContent = join(SHARED, 'content.jsonl');
  if (existsSync(sharedContent)) {
    lines.push(throughput(detector, 'shared moderation texts', readJsonl<SharedContentRow>(sharedContent).map((r) => r.text).join('\n')));
  }
  lines.push(throughput(detector, 'own fixtures (dense with hits)', readJsonl<OwnContentRow>(join(FIXTURES, 'content.jsonl')).map((r) => r.text).join('\n')));
  const size = 262_144;
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const adversarial: [string, string][] = [
    ['repeated threat word', fill('kill ')],
    ['repeated insult sentence', fill('you are a stupid idiot ')],
    ['repeated hate phrase', fill('all muslims are filthy animals ')],
    ['one 256 KB token', fill('a')],
    ['spaced single letters', fill('k ')],
    ['masked words', fill('f*ck ')],
    ['gap bait', fill('ignore the the the the ')],
    ['base64-like run', fill('QUFBQUFB')],
  ];
  for (const [name, input] of adversarial) {
    const { wall, cpu } = timeIt(() => detector(input, all), 5);
    lines.push(`  256 KB adversarial (${name}): ${wall.toFixed(1)} ms wall, ${cpu.toFixed(1)} ms CPU`);
  }
  return lines.join('\n');
}

export async function evaluate(): Promise<string> {
  const detector = compileContentDetector();
  return [ownReport(detector), '', sharedReport(detector), '', speedReport(detector)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await evaluate());
