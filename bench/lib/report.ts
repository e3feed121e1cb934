/**
 * Figures → markdown: throughput, latency and memory tables, the PASS/FAIL list against the
 * targets (ratios to the reference measured in the same run), and bench/RESULTS.md.
 */
import { V8_FLAGS } from '../../src/v8-flags.js';
import { startFlags } from './targets.js';
import type { EngineReport } from '../guardrail-engine.js';
import { formatEngineReport } from '../guardrail-engine.js';
import { MANY_STREAMS_SECONDS, type ManyStreams, type MeasuredLoad, type Probe } from './measure.js';
import type { StreamTiming } from './probe-client.js';
import type { TargetId } from './targets.js';
import { median, percentile, sum } from './stats.js';
import { PACED_TOKENS, PACE_MS } from './upstream-tokens.js';

export interface TargetResult {
  id: TargetId;
  label: string;
  json: MeasuredLoad[];
  stream: MeasuredLoad[];
  /** JSON at one connection per round (wrk only: its percentiles are in µs). */
  oneConnection: MeasuredLoad[];
  latency: Probe;
  paced: StreamTiming[];
  many?: ManyStreams;
  idleRssMb: number;
  peakRssMb: number;
}

export interface RunInfo {
  command: string;
  date: string;
  nproc: number;
  cpuModel: string;
  node: string;
  generator: string;
  pinning: boolean;
  rounds: number;
  seconds: number;
  manyStreams: number;
  oneConnectionSeconds: number;
  loadAverage: { start: string; end: string };
  durationS: number;
}

export interface RunResults {
  info: RunInfo;
  upstream: { json: MeasuredLoad; latency: Probe; oneConnection: MeasuredLoad[] };
  /** The reference first. */
  targets: TargetResult[];
  engine?: EngineReport | undefined;
}

export interface Verdict {
  what: string;
  value: string;
  target: string;
  pass: boolean;
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const signed = (x: number, digits: number) => (x >= 0 ? '+' : '') + x.toFixed(digits);

const rps = (runs: readonly MeasuredLoad[]) => median(runs.map((r) => r.rps));
/** Median over rounds of target/reference req/s measured in the same round. */
const ratio = (runs: readonly MeasuredLoad[], ref: readonly MeasuredLoad[]) => median(runs.map((r, i) => r.rps / (ref[i]?.rps ?? NaN)));
const cpuUsPerRequest = (runs: readonly MeasuredLoad[]) => (sum(runs.map((r) => r.cpuMs)) * 1000) / sum(runs.map((r) => r.requests));
const p50Us = (ms: readonly number[]) => median(ms) * 1000;
/** Median over rounds of the target's one-connection p50 minus the reference's in the same round, µs. */
const addedP50Us = (runs: readonly MeasuredLoad[], ref: readonly MeasuredLoad[]) => median(runs.map((r, i) => (r.p50Ms - (ref[i]?.p50Ms ?? NaN)) * 1000));
const firstToken = (t: TargetResult) => median(t.paced.map((p) => p.firstTokenMs));
const firstByte = (t: TargetResult) => median(t.paced.map((p) => p.firstByteMs));

function throughputTable(r: RunResults): string {
  const ref = r.targets[0] as TargetResult;
  const rows = r.targets.map((t) => {
    const cell = (runs: MeasuredLoad[], refRuns: MeasuredLoad[]) =>
      `${f0(rps(runs))} | ${t === ref ? '1' : f2(ratio(runs, refRuns))}× | ${f1(median(runs.map((x) => x.p50Ms)))} / ${f1(median(runs.map((x) => x.p99Ms)))} | ${f0(cpuUsPerRequest(runs))}`;
    const share = median(t.json.map((x) => x.gatewayShare));
    const driver = median(t.json.map((x) => x.driverBusy));
    const failures = sum([...t.json, ...t.stream].map((x) => x.failures));
    return `| ${t.label} | ${cell(t.json, ref.json)} | ${cell(t.stream, ref.stream)} | ${f2(share)} / ${f2(driver)} | ${failures} |`;
  });
  return [
    `Closed loop, 32 connections, median of ${r.info.rounds} rounds × ${r.info.seconds} s (targets alternate each round).`,
    `Upstream alone (load generator → fake upstream): ${f0(r.upstream.json.rps)} JSON req/s.`,
    '',
    '| target | JSON req/s | ×ref | p50 / p99 ms | CPU µs/req | stream req/s | ×ref | p50 / p99 ms | CPU µs/req | gateway core share / driver core busy (JSON) | failed requests |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function oneConnectionTable(r: RunResults): string {
  const ref = r.targets[0] as TargetResult;
  if (ref.oneConnection.length === 0) return '';
  const up = r.upstream.oneConnection;
  const rows = r.targets.map((t) => {
    const c1 = t.oneConnection;
    return `| ${t.label} | ${f0(rps(c1))} | ${f0(p50Us(c1.map((x) => x.p50Ms)))} | ${f0(median(c1.map((x) => x.p99Ms)) * 1000)} | ${signed(addedP50Us(c1, up), 0)} | ${t === ref ? '0' : signed(addedP50Us(c1, ref.oneConnection), 0)} |`;
  });
  return [
    `One connection, JSON requests back to back with the load generator (percentiles in µs), ${r.info.rounds} rounds × ${r.info.oneConnectionSeconds} s, targets alternating; medians over rounds, differences taken within each round.`,
    `Upstream alone: p50 ${f0(p50Us(up.map((x) => x.p50Ms)))} µs.`,
    '',
    '| target | req/s | p50 µs | p99 µs | added over upstream µs | added over reference µs |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}

function latencyTable(r: RunResults): string {
  const ref = r.targets[0] as TargetResult;
  const up = r.upstream.latency;
  const rows = r.targets.map((t) => {
    const j = p50Us(t.latency.jsonMs);
    const s = p50Us(t.latency.streamMs);
    return (
      `| ${t.label} | ${f0(j)} | ${f0(percentile(t.latency.jsonMs, 99) * 1000)} | ${signed(j - p50Us(up.jsonMs), 0)} | ${t === ref ? '0' : signed(j - p50Us(ref.latency.jsonMs), 0)} ` +
      `| ${f0(s)} | ${t === ref ? '0' : signed(s - p50Us(ref.latency.streamMs), 0)} | ${f2(firstByte(t))} | ${f2(firstToken(t))} | ${t === ref ? '0' : signed(firstToken(t) - firstToken(ref), 2)} |`
    );
  });
  return [
    `A Node client (undici) timing sequential requests with process.hrtime (µs), the targets taking turns in blocks of 100 JSON and 34 stream requests; paced stream: ${r.targets[0]?.paced.length ?? 0} streams of 50 tokens ${PACE_MS} ms apart, medians.`,
    `Upstream alone: JSON p50 ${f0(p50Us(up.jsonMs))} µs, stream p50 ${f0(p50Us(up.streamMs))} µs.`,
    '',
    '| target | JSON p50 µs | JSON p99 µs | added over upstream µs | added over reference µs | stream p50 µs | over reference µs | paced first byte ms | paced first token ms | first token over reference ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function memoryTable(r: RunResults): string {
  const ref = r.targets[0] as TargetResult;
  const rows = r.targets.map((t) => {
    const m = t.many;
    const x = m && ref.many ? m.peakRssMb / ref.many.peakRssMb : NaN;
    return `| ${t.label} | ${f0(t.idleRssMb)} | ${f0(t.peakRssMb)} | ${m ? f0(m.peakRssMb) : 'n/a'} | ${t === ref ? '1' : f2(x)}× | ${m ? f0(m.load.rps) : 'n/a'} | ${m ? f0(m.load.cpuMs * 1000 / m.load.requests) : 'n/a'} |`;
  });
  // A paced stream lasts about its tokens × PACE_MS; far fewer completions mean the run was starved.
  const expected = (r.info.manyStreams * MANY_STREAMS_SECONDS) / ((PACED_TOKENS.length * PACE_MS) / 1000);
  const starved = r.targets.filter((t) => t.many && t.many.load.requests < expected * 0.25).map((t) => t.label);
  const warning = starved.length > 0 ? `\n\nWarning: the ${r.info.manyStreams}-stream run of ${starved.join(', ')} completed under a quarter of the expected ${f0(expected)} streams (machine busy?); those peaks understate.` : '';
  return [
    `Peak RSS from /proc/<pid>/status VmHWM, MB. The ${r.info.manyStreams}-stream run (${MANY_STREAMS_SECONDS} s of paced streams) comes first, on fresh processes, so its peak is start-up plus those streams; the whole-run peak adds the heap left by the 32-connection runs.${warning}`,
    '',
    `| target | RSS after start-up | peak RSS, whole run | peak RSS, ${r.info.manyStreams} streams | ×ref | ${r.info.manyStreams}-stream req/s | CPU µs/stream |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** The targets, against the bare reference hop or (`reference-v8`) the same hop with Sluice's V8 flags. */
export function verdicts(r: RunResults, against: 'reference' | 'reference-v8' = 'reference'): Verdict[] {
  const byId = (id: TargetId) => r.targets.find((t) => t.id === id);
  const ref = byId(against);
  if (!ref) return [];
  const refName = against === 'reference' ? 'reference' : 'reference with the same V8 flags';
  const out: Verdict[] = [];
  const throughput = (id: TargetId, kind: 'json' | 'stream', min: number) => {
    const t = byId(id);
    if (!t) return;
    const x = ratio(t[kind], ref[kind]);
    out.push({ what: `${t.label}: ${kind === 'json' ? 'JSON' : 'stream'} req/s vs ${refName}`, value: `${f2(x)}×`, target: `≥ ${min}×`, pass: x >= min });
  };
  const added = (id: TargetId, maxMs: number) => {
    const t = byId(id);
    if (!t) return;
    const [d, how] =
      ref.oneConnection.length > 0
        ? [addedP50Us(t.oneConnection, ref.oneConnection), 'load generator']
        : [(median(t.latency.jsonMs) - median(ref.latency.jsonMs)) * 1000, 'hrtime client'];
    out.push({ what: `${t.label}: added p50 at 1 connection over ${refName} (${how})`, value: `${signed(d, 0)} µs`, target: `≤ +${maxMs * 1000} µs`, pass: d <= maxMs * 1000 });
  };
  throughput('off', 'json', 0.85);
  throughput('off', 'stream', 0.7);
  added('off', 0.1);
  throughput('full', 'json', 0.5);
  throughput('full', 'stream', 0.5);
  added('full', 0.3);
  const full = byId('full');
  if (full) {
    const d = firstToken(full) - firstToken(ref);
    out.push({ what: `${full.label}: paced first token over ${refName}`, value: `${signed(d, 2)} ms`, target: `≤ +${PACE_MS + 1} ms (one token gap + 1 ms)`, pass: d <= PACE_MS + 1 });
  }
  throughput('session', 'json', 0.35);
  throughput('session', 'stream', 0.35);
  for (const t of r.targets) {
    if (t.id.startsWith('reference') || !t.many || !ref.many) continue;
    const x = t.many.peakRssMb / ref.many.peakRssMb;
    out.push({ what: `${t.label}: peak RSS at ${r.info.manyStreams} streams vs ${refName}`, value: `${f2(x)}×`, target: '≤ 1.3×', pass: x <= 1.3 });
  }
  return out;
}

function verdictTable(vs: readonly Verdict[]): string {
  return ['| target | measured | goal | |', '|---|---:|---|---|', ...vs.map((v) => `| ${v.what} | ${v.value} | ${v.target} | ${v.pass ? 'PASS' : 'FAIL'} |`)].join('\n');
}

/**
 * Sluice sets V8 flags for itself at start-up (src/v8-flags.ts) and npm start sizes its young
 * generation; the reference runs with Node's defaults. The same targets against the reference
 * started with those flags show what the settings are worth and what the gateway costs apart
 * from them.
 */
function likeForLike(r: RunResults): string[] {
  const vs = verdicts(r, 'reference-v8');
  if (vs.length === 0) return [];
  return [
    `Sluice sets V8 flags at start-up (${V8_FLAGS.join(' ')}, src/v8-flags.ts) and runs with the node flags of npm start (${startFlags().join(' ') || 'none'}); the reference hop runs with Node's defaults. The same targets against the reference hop started with those flags, in the same run:`,
    '',
    verdictTable(vs),
    '',
  ];
}

/** What sentence hold-back costs: (d) against (b). */
function holdbackNote(r: RunResults): string {
  const b = r.targets.find((t) => t.id === 'full');
  const d = r.targets.find((t) => t.id === 'full-output');
  if (!b || !d) return '';
  const firstSentence = PACED_TOKENS.findIndex((t) => t.endsWith('.')) + 1;
  return (
    `Sentence hold-back, (d) against (b): paced first token ${signed(firstToken(d) - firstToken(b), 1)} ms ` +
    `(the first sentence is ${firstSentence} tokens, ${firstSentence * PACE_MS} ms of upstream time), stream req/s ×${f2(rps(d.stream) / rps(b.stream))}, ` +
    `stream CPU ${signed(cpuUsPerRequest(d.stream) - cpuUsPerRequest(b.stream), 0)} µs per request.`
  );
}

export function renderReport(r: RunResults): string {
  const i = r.info;
  const sections = [
    '# Sluice gateway benchmark',
    '',
    `Command: \`${i.command}\` · ${i.date} · ${f0(i.durationS)} s`,
    '',
    `Machine: ${i.nproc} CPUs (${i.cpuModel}), Node ${i.node}; load generator ${i.generator}; ` +
      (i.pinning ? 'gateway pinned to core 0 with taskset, fake upstream + load generator + Redis on core 1' : 'no core pinning (taskset missing or one core)') +
      `; load average at start ${i.loadAverage.start}, at end ${i.loadAverage.end} (other work on the machine lowers and scatters req/s; CPU µs per request is steadier).`,
    '',
    '## Targets',
    '',
    verdictTable(verdicts(r)),
    '',
    ...likeForLike(r),
    '## Throughput',
    '',
    throughputTable(r),
    '',
    '## Latency',
    '',
    oneConnectionTable(r),
    latencyTable(r),
    '',
    holdbackNote(r),
    '',
    '## Memory',
    '',
    memoryTable(r),
  ];
  if (r.engine) sections.push('', '## Guardrail engine alone (bench/guardrail-engine.ts, main-thread CPU time)', '', formatEngineReport(r.engine));
  sections.push(
    '',
    '## Method',
    '',
    '- Fake upstream (bench/fake-upstream.ts): fixed JSON; 20-token stream written one event at a time, as a provider sends tokens; paced stream of 50 tokens 5 ms apart.',
    `- Reference (bench/reference-proxy.ts): Fastify 5 + undici 7 Pool; JSON parsed and re-serialised, stream bytes piped unparsed; started once with Node's defaults (every ratio is to it except in the like-for-like table) and once with Sluice's V8 flags (${[...V8_FLAGS, ...startFlags()].join(' ')}).`,
    '- Sluice: src/ built with tsconfig.build.json into node_modules/.cache/gateway-bench/build (a private copy, so a concurrent',
    `  rebuild of dist/ cannot change what is measured), started with the node flags of npm start (${startFlags().join(' ') || 'none'}), access log at info to /dev/null, configs in bench/sluice-config/: (a) off.yaml, (b) full.yaml,`,
    '  (c) session.yaml (X-Session-Id cycling over 64 ids per run, history.max_messages 6, private redis-server), (d) full-output.yaml.',
    '- Body: 461 bytes (system + user message of ordinary prose); the system message is the same on every request, the user turn names three places that change per request (8,192 variants per run, more than the input verdict cache of the gateway keeps), so every user text is scanned. CPU µs/req from /proc/<pid>/stat over each run.',
    '- Added p50 at one connection: the load generator with one connection, each target in turn for a few seconds per round (wrk reports percentiles in µs; with autocannon, whose percentiles are whole ms, the hrtime client\'s figures are used instead).',
    '  The hrtime client (undici in the bench process) interleaves the targets in short blocks and leaves the gateway core idle for longer between requests; in this VM its figures move by tens of µs from run to run.',
    '- CPU profiles: `npx tsx bench/profile.ts` (variants full,off by default) writes bench/PROFILE.md.',
  );
  return `${sections.join('\n')}\n`;
}
