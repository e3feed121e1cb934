/**
 * One measurement of one target: a load run with the gateway's CPU time around it, the
 * one-connection probes, and peak RSS under many concurrent paced streams.
 */
import { chatBody } from './chat-body.js';
import { DRIVER_CORE } from './children.js';
import { runLoad, type LoadGeneratorName, type LoadResult } from './load-generator.js';
import { ProbeClient, type StreamTiming } from './probe-client.js';
import { busyShare, coreSample, cpuMs, peakRssMb } from './proc-stats.js';
import type { Target } from './targets.js';

export interface MeasuredLoad extends LoadResult {
  /** Gateway CPU ms spent during the run. */
  cpuMs: number;
  /** Gateway CPU time / wall time: near 1 when the gateway was the bottleneck. */
  gatewayShare: number;
  /** How busy the core of the upstream and load generator was (near 1: the driver may limit). */
  driverBusy: number;
}

export type BodyKind = 'json' | 'stream' | 'paced';

export function bodyFor(kind: BodyKind): string {
  return kind === 'json' ? chatBody('fast', false) : kind === 'stream' ? chatBody('fast', true) : chatBody('paced', true);
}

export async function measureLoad(
  generator: LoadGeneratorName,
  target: Pick<Target, 'port' | 'pid' | 'sessions'>,
  kind: BodyKind,
  connections: number,
  seconds: number,
  sessionPrefix: string,
): Promise<MeasuredLoad> {
  const cpu0 = cpuMs(target.pid);
  const core0 = coreSample(DRIVER_CORE);
  const r = await runLoad(generator, {
    port: target.port,
    body: bodyFor(kind),
    connections,
    seconds,
    sessions: target.sessions ? { mode: 'cycle', count: 64, prefix: sessionPrefix } : undefined,
  });
  const cpu = cpuMs(target.pid) - cpu0;
  return { ...r, cpuMs: cpu, gatewayShare: cpu / (r.seconds * 1000), driverBusy: busyShare(core0, coreSample(DRIVER_CORE)) };
}

export interface Probe {
  jsonMs: number[];
  streamMs: number[];
}

export interface ProbeTarget {
  id: string;
  port: number;
  sessions: boolean;
}

/**
 * Sequential one-connection latencies (whole JSON answers, whole fast streams), the targets
 * taking turns in blocks of `perBlock` requests so background noise falls on all of them alike.
 */
export async function measureLatency(targets: readonly ProbeTarget[], blocks: number, perBlock: number): Promise<Map<string, Probe>> {
  const clients = targets.map((t) => ({ t, client: new ProbeClient(t.port), session: t.sessions ? 'probe-latency' : undefined }));
  const out = new Map<string, Probe>(targets.map((t) => [t.id, { jsonMs: [], streamMs: [] }]));
  const json = bodyFor('json');
  const stream = bodyFor('stream');
  try {
    for (const { client, session } of clients) {
      for (let i = 0; i < 50; i++) await client.timed(json, session);
      for (let i = 0; i < 20; i++) await client.timed(stream, session);
    }
    for (let b = 0; b < blocks; b++) {
      for (const { t, client, session } of clients) {
        const probe = out.get(t.id) as Probe;
        for (let i = 0; i < perBlock; i++) probe.jsonMs.push((await client.timed(json, session)).ms);
        for (let i = 0; i < Math.ceil(perBlock / 3); i++) probe.streamMs.push((await client.timed(stream, session)).ms);
      }
    }
    return out;
  } finally {
    await Promise.all(clients.map(({ client }) => client.close()));
  }
}

/** Time to first byte and first content token of paced streams, one at a time. */
export async function measurePaced(target: Pick<Target, 'port' | 'sessions'>, count: number): Promise<StreamTiming[]> {
  const client = new ProbeClient(target.port);
  const session = target.sessions ? 'probe-paced' : undefined;
  try {
    const out: StreamTiming[] = [];
    for (let i = 0; i < count; i++) out.push(await client.stream(bodyFor('paced'), session));
    return out;
  } finally {
    await client.close();
  }
}

/** Length of the many-streams run. */
export const MANY_STREAMS_SECONDS = 3;

export interface ManyStreams {
  load: MeasuredLoad;
  /** VmHWM: the peak since the process started. */
  peakRssMb: number;
}

/** `connections` paced streams at once on a fresh process; its peak RSS since start. */
export async function measureManyStreams(generator: LoadGeneratorName, target: Target, connections: number): Promise<ManyStreams> {
  const load = await measureLoad(generator, target, 'paced', connections, MANY_STREAMS_SECONDS, `many-${target.id}-`);
  return { load, peakRssMb: peakRssMb(target.pid) };
}
