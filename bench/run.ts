/**
 * `npm run bench`: Sluice (four configurations) against a bare Fastify + undici reference proxy,
 * all in front of the same fake upstream on loopback, then the guardrail engine alone.
 * Prints the tables and PASS/FAIL per target and writes bench/RESULTS.md.
 *
 * Options: --rounds=N (3) --seconds=S (5) --streams=N (128) --loadgen=wrk|autocannon
 *          --quick (1 round of 2 s) --no-engine
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from './lib/build.js';
import { PINNING, GATEWAY_CORE, installExitHooks, isStopping, pinSelf, startChild, stopAll } from './lib/children.js';
import { REPO_ROOT, compileBenchServers } from './lib/compile-scripts.js';
import { WRK_AVAILABLE, type LoadGeneratorName } from './lib/load-generator.js';
import { bodyFor, measureLatency, measureLoad, measureManyStreams, measurePaced, type ManyStreams } from './lib/measure.js';
import { ProbeClient } from './lib/probe-client.js';
import { peakRssMb, rssMb } from './lib/proc-stats.js';
import { renderReport, verdicts, type RunResults, type TargetResult } from './lib/report.js';
import { V8_FLAGS } from '../src/v8-flags.js';
import { SLUICE_VARIANTS, startFlags, startRedis, startReference, startSluice, startUpstream, type Target } from './lib/targets.js';
import { FAST_TOKENS, PACED_TOKENS } from './lib/upstream-tokens.js';
import type { EngineReport } from './guardrail-engine.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const v = args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return v === undefined ? fallback : Number(v);
};
const quick = flag('quick');
const rounds = option('rounds', quick ? 1 : 3);
const seconds = option('seconds', quick ? 2 : 5);
const manyStreams = option('streams', 128);
const oneConnectionSeconds = quick ? 2 : 3;
const requested = args.find((a) => a.startsWith('--loadgen='))?.split('=')[1];
const generator: LoadGeneratorName = requested === 'autocannon' || !WRK_AVAILABLE ? 'autocannon' : 'wrk';

const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Each target answers as the upstream does: fails fast on a broken configuration. */
async function sanityCheck(t: Target): Promise<void> {
  const client = new ProbeClient(t.port);
  const session = t.sessions ? 'probe-sanity' : undefined;
  try {
    const json = JSON.parse((await client.timed(bodyFor('json'), session)).text) as { choices?: { message?: { content?: string } }[] };
    const expect = (what: string, got: string | undefined, want: string) => {
      if (got !== want) throw new Error(`${t.label}: unexpected ${what}: ${JSON.stringify(got)?.slice(0, 200)}`);
    };
    expect('JSON answer', json.choices?.[0]?.message?.content, FAST_TOKENS.join(''));
    expect('stream', (await client.stream(bodyFor('stream'), session)).text, FAST_TOKENS.join(''));
    expect('paced stream', (await client.stream(bodyFor('paced'), session)).text, PACED_TOKENS.join(''));
  } finally {
    await client.close();
  }
}

/** `wrk 4.1.0`; wrk prints its version and exits with 1. */
function wrkVersion(): string {
  const r = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.match(/^wrk [^\s]+/m)?.[0] ?? 'wrk';
}

function rotate<T>(list: readonly T[], by: number): T[] {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

async function runEngineBenchChild(): Promise<EngineReport | undefined> {
  const child = startChild(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'guardrail-engine.ts'), '--json'], GATEWAY_CORE, { cwd: REPO_ROOT });
  let out = '';
  child.child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.child.once('exit', resolve));
  const line = out.match(/^ENGINE_JSON (.*)$/m)?.[1];
  if (code !== 0 || !line) {
    log(`guardrail engine benchmark failed (${code}): ${child.stderr().slice(-1000)}`);
    return undefined;
  }
  return JSON.parse(line) as EngineReport;
}

/** Set once the measurements are over, so the children's exits are expected. */
let finished = false;

async function main(): Promise<void> {
  installExitHooks();
  pinSelf();
  const loadAtStart = loadAverage();
  log(`load generator ${generator}; ${PINNING ? 'gateway on core 0, driver on core 1' : 'no core pinning'}; load average ${loadAtStart}`);
  ensureBuilt(log);
  compileBenchServers();

  const upstream = await startUpstream();
  const redis = await startRedis();
  // The reference first (every ratio is to it), then the same hop with Sluice's V8 settings:
  // the flags it sets at start-up and those of npm start.
  const targets: Target[] = [await startReference(upstream.port), await startReference(upstream.port, [...V8_FLAGS, ...startFlags()], 'reference-v8')];
  for (const v of SLUICE_VARIANTS) targets.push(await startSluice(v, { upstreamPort: upstream.port, redisUrl: redis.url }));
  for (const t of [...targets, { label: 'fake upstream', process: upstream.process }, { label: 'redis-server', process: redis.process }]) {
    t.process.child.once('exit', (code, signal) => {
      if (!isStopping() && !finished) log(`${t.label} (pid ${t.process.pid}) exited unexpectedly (${code ?? signal}): ${t.process.stderr().slice(-2000)}`);
    });
  }
  for (const t of targets) await sanityCheck(t);
  const idleRss = new Map(targets.map((t) => [t.id, rssMb(t.pid)]));
  // Fresh processes first, so this peak is start-up plus the streams, not heap left by earlier load.
  log(`started ${targets.length} targets; peak RSS at ${manyStreams} concurrent paced streams`);
  const many = new Map<string, ManyStreams>();
  for (const t of targets) many.set(t.id, await measureManyStreams(generator, t, manyStreams));
  log('warming up');

  for (const t of targets) {
    await measureLoad(generator, t, 'json', 32, Math.min(2, seconds), `warm-${t.id}-`);
    await measureLoad(generator, t, 'stream', 32, 1, `warm-${t.id}-`);
  }
  const upstreamTarget = { id: 'upstream', port: upstream.port, pid: upstream.process.pid, sessions: false };
  const upstreamResult: RunResults['upstream'] = {
    json: await measureLoad(generator, upstreamTarget, 'json', 32, seconds, 'up-'),
    latency: { jsonMs: [], streamMs: [] },
    oneConnection: [],
  };

  const results = new Map<string, TargetResult>(
    targets.map((t) => [t.id, { id: t.id, label: t.label, json: [], stream: [], oneConnection: [], latency: { jsonMs: [], streamMs: [] }, paced: [], many: many.get(t.id), idleRssMb: idleRss.get(t.id) ?? 0, peakRssMb: 0 }]),
  );
  const resultOf = (t: Target) => results.get(t.id) as TargetResult;

  for (let round = 0; round < rounds; round++) {
    log(`round ${round + 1}/${rounds}: throughput at 32 connections`);
    // Results are kept in target order so round i of every target lines up with the reference's.
    for (const t of rotate(targets, round)) {
      resultOf(t).json[round] = await measureLoad(generator, t, 'json', 32, seconds, `r${round}-${t.id}-`);
      resultOf(t).stream[round] = await measureLoad(generator, t, 'stream', 32, seconds, `r${round}-${t.id}-`);
    }
    log(`round ${round + 1}/${rounds}: one-connection latency and paced streams`);
    if (generator === 'wrk') {
      // wrk reports percentiles in µs: sequential JSON requests on one kept-alive connection.
      upstreamResult.oneConnection[round] = await measureLoad(generator, upstreamTarget, 'json', 1, oneConnectionSeconds, `c1-r${round}-up-`);
      for (const t of rotate(targets, round)) resultOf(t).oneConnection[round] = await measureLoad(generator, t, 'json', 1, oneConnectionSeconds, `c1-r${round}-${t.id}-`);
    }
    const probes = await measureLatency([upstreamTarget, ...rotate(targets, round)], 6, 100);
    for (const [id, probe] of probes) {
      const into = id === upstreamTarget.id ? upstreamResult.latency : (results.get(id) as TargetResult).latency;
      into.jsonMs.push(...probe.jsonMs);
      into.streamMs.push(...probe.streamMs);
    }
    for (const t of rotate(targets, round)) resultOf(t).paced.push(...(await measurePaced(t, 4)));
  }

  for (const t of targets) resultOf(t).peakRssMb = peakRssMb(t.pid);
  finished = true;
  await stopAll();

  let engine: EngineReport | undefined;
  if (!flag('no-engine')) {
    log('guardrail engine micro-benchmark');
    engine = await runEngineBenchChild();
  }

  const report: RunResults = {
    info: {
      command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      nproc: cpus().length,
      cpuModel: readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown',
      node: process.version,
      generator: generator === 'wrk' ? `${wrkVersion()}, 1 thread` : 'autocannon (in process)',
      pinning: PINNING,
      rounds,
      seconds,
      manyStreams,
      oneConnectionSeconds,
      loadAverage: { start: loadAtStart, end: loadAverage() },
      durationS: (Date.now() - started) / 1000,
    },
    upstream: upstreamResult,
    targets: targets.map(resultOf),
    engine,
  };
  const text = renderReport(report);
  writeFileSync(join(REPO_ROOT, 'bench', 'RESULTS.md'), text);
  process.stdout.write(text);
  const failed = verdicts(report).filter((v) => !v.pass).length;
  log(`done: ${failed === 0 ? 'every target met' : `${failed} target(s) missed`}; written to bench/RESULTS.md`);
}

main().catch(async (err: unknown) => {
  if (isStopping()) return; // a signal is already stopping everything
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await stopAll();
  process.exit(1);
});
