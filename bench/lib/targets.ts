/**
 * Starts what the benchmark measures and what it needs: the fake upstream and a private Redis on
 * the driver core, the reference proxy and the Sluice variants (the built server, one config
 * each) on the gateway core. Everything listens on 127.0.0.1 only.
 */
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import { DRIVER_CORE, GATEWAY_CORE, freePort, startChild, waitForLine, type Started } from './children.js';
import { REPO_ROOT, SET_TITLE, compiledScript } from './compile-scripts.js';
import { SERVER_ENTRY } from './build.js';

export type TargetId = 'reference' | 'reference-v8' | 'off' | 'full' | 'session' | 'full-output';

export interface Target {
  id: TargetId;
  label: string;
  port: number;
  pid: number;
  process: Started;
  /** The client sends X-Session-Id (history in Redis). */
  sessions: boolean;
}

export interface SluiceVariant {
  id: Exclude<TargetId, 'reference' | 'reference-v8'>;
  label: string;
  config: string;
  sessions: boolean;
}

export const SLUICE_VARIANTS: readonly SluiceVariant[] = [
  { id: 'off', label: '(a) policies off', config: 'off.yaml', sessions: false },
  { id: 'full', label: '(b) full policy', config: 'full.yaml', sessions: false },
  { id: 'session', label: '(c) full + Redis session', config: 'session.yaml', sessions: true },
  { id: 'full-output', label: '(d) full + output topics/content', config: 'full-output.yaml', sessions: false },
];

export const REFERENCE_LABEL = 'reference (Fastify+undici)';
/** The same hop with Sluice's V8 settings (src/v8-flags.ts and npm start's flags): a like-for-like row, not a target. */
export const REFERENCE_V8_LABEL = 'reference with Sluice\'s V8 flags';

/** node with the title preload, so the process shows (and matches) as `gateway-bench <role>`. */
function nodeArgs(role: string, flags: string[], script: string): { args: string[]; env: NodeJS.ProcessEnv } {
  return { args: [...flags, '--import', pathToFileURL(SET_TITLE).href, script], env: { ...process.env, BENCH_PROCESS_TITLE: `gateway-bench ${role}` } };
}

export async function startUpstream(): Promise<{ port: number; process: Started }> {
  const n = nodeArgs('upstream', [], compiledScript('fake-upstream'));
  const s = startChild(process.execPath, n.args, DRIVER_CORE, { env: { ...n.env, PORT: '0' } });
  const m = await waitForLine(s, /listening (\d+)/);
  return { port: Number(m[1]), process: s };
}

export async function startRedis(): Promise<{ url: string; process: Started }> {
  const port = await freePort();
  const s = startChild('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], DRIVER_CORE);
  await waitForLine(s, /Ready to accept connections/);
  return { url: `redis://127.0.0.1:${port}`, process: s };
}

export async function startReference(upstreamPort: number, nodeFlags: string[] = [], id: 'reference' | 'reference-v8' = 'reference'): Promise<Target> {
  const n = nodeArgs(id, nodeFlags, compiledScript('reference-proxy'));
  const s = startChild(process.execPath, n.args, GATEWAY_CORE, { env: { ...n.env, PORT: '0', UPSTREAM_URL: `http://127.0.0.1:${upstreamPort}` } });
  const m = await waitForLine(s, /listening (\d+)/);
  return { id, label: id === 'reference' ? REFERENCE_LABEL : REFERENCE_V8_LABEL, port: Number(m[1]), pid: s.pid, process: s, sessions: false };
}

async function waitReady(port: number, s: Started, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`sluice exited with ${s.child.exitCode}: ${s.stderr()}`);
    try {
      const res = await request(`http://127.0.0.1:${port}/readyz`);
      await res.body.dump();
      if (res.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sluice on port ${port} was not ready within ${timeoutMs} ms: ${s.stderr()}`);
}

export interface SluiceStartOptions {
  upstreamPort: number;
  redisUrl?: string | undefined;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  logLevel?: string;
}

/** The node flags of `npm start` (package.json), so the gateway runs here as it is started for real. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Starts the built server.js with the variant's config and the start flags; its log goes to /dev/null. */
export async function startSluice(v: SluiceVariant, opts: SluiceStartOptions): Promise<Target> {
  const port = await freePort();
  const devNull = openSync('/dev/null', 'w');
  const n = nodeArgs(v.id, [...startFlags(), ...(opts.nodeFlags ?? [])], SERVER_ENTRY);
  const s = startChild(process.execPath, n.args, GATEWAY_CORE, {
    cwd: REPO_ROOT,
    stdio: ['ignore', devNull, 'pipe'],
    env: {
      ...n.env,
      NODE_ENV: 'production',
      SLUICE_CONFIG: join(REPO_ROOT, 'bench', 'sluice-config', v.config),
      PORT: String(port),
      HOST: '127.0.0.1', // the environment's HOST would override the config's loopback address
      UPSTREAM_URL: `http://127.0.0.1:${opts.upstreamPort}`,
      BENCH_LOG_LEVEL: opts.logLevel ?? 'info',
      REDIS_URL: v.sessions ? (opts.redisUrl ?? '') : '',
    },
  });
  await waitReady(port, s);
  return { id: v.id, label: v.label, port, pid: s.pid, process: s, sessions: v.sessions };
}
