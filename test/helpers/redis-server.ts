/**
 * Spawns throwaway redis-server processes for tests: no persistence, loopback only, a free port.
 * Installs redis-server through apt when it is missing and the tests run as root (CI images).
 * With `cluster: true` the server is a one-node Redis Cluster owning every slot, enough to run
 * the store through the Cluster client (MOVED handling, hash tags, per-node scripts).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface RedisServerHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stops and starts again on the same port (with an empty dataset). */
  restart(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

let binaryPath: string | undefined;

export interface StartRedisOptions {
  port?: number;
  cluster?: boolean;
}

export async function startRedis(opts: StartRedisOptions = {}): Promise<RedisServerHandle> {
  const binary = ensureRedisServer();
  const port = opts.port ?? (await freePort());
  // Cluster mode keeps its node table in a file; give every server its own directory.
  const clusterDir = opts.cluster ? mkdtempSync(join(tmpdir(), 'sluice-redis-')) : undefined;
  const args = serverArgs(port, clusterDir);
  const launch = async () => {
    const started = await spawnRedis(binary, port, args);
    if (clusterDir) await claimAllSlots(port);
    return started;
  };
  let child: ChildProcess | undefined = await launch();

  const halt = async () => {
    const running = child;
    child = undefined;
    if (running) await terminate(running);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await halt();
      if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
    },
    async restart() {
      await halt();
      child = await launch();
    },
  };
}

function serverArgs(port: number, clusterDir: string | undefined): string[] {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  if (!clusterDir) return args;
  return [
    ...args,
    '--cluster-enabled', 'yes',
    '--dir', clusterDir,
    '--cluster-config-file', join(clusterDir, 'nodes.conf'),
    '--cluster-announce-ip', '127.0.0.1',
  ];
}

/** Assigns every slot to the single node (a no-op error after a restart) and waits for state ok. */
async function claimAllSlots(port: number): Promise<void> {
  await sendCommand(port, ['CLUSTER', 'ADDSLOTSRANGE', '0', '16383']);
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await sendCommand(port, ['CLUSTER', 'INFO'])).includes('cluster_state:ok')) return;
    await sleep(50);
  }
  throw new Error(`redis cluster node on port ${port} did not reach cluster_state:ok`);
}

function ensureRedisServer(): string {
  binaryPath ??= findOnPath('redis-server') ?? installRedisServer();
  return binaryPath;
}

function findOnPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat('/usr/sbin', '/usr/local/bin');
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function installRedisServer(): string {
  const notFound = 'redis-server not found: install it with `apt-get install redis-server`';
  if (process.getuid?.() !== 0) throw new Error(notFound);
  for (const args of [['update'], ['install', '-y', 'redis-server']]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) throw new Error(`${notFound} (apt-get ${args.join(' ')} failed)`);
  }
  const installed = findOnPath('redis-server');
  if (!installed) throw new Error(notFound);
  return installed;
}

async function spawnRedis(binary: string, port: number, args: string[]): Promise<ChildProcess> {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answersPing(port)) return child;
    await sleep(50);
  }
  await terminate(child);
  throw new Error(`redis-server on port ${port} did not start: ${output.trim().split('\n').pop() ?? ''}`);
}

async function answersPing(port: number): Promise<boolean> {
  return (await sendCommand(port, ['PING'])).startsWith('+PONG');
}

/** Sends one command and returns the raw first reply chunk ('' on any failure); enough for setup. */
function sendCommand(port: number, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (reply: string) => {
      socket.destroy();
      resolve(reply);
    };
    socket.setTimeout(500, () => done(''));
    socket.once('error', () => done(''));
    socket.once('connect', () => {
      socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`);
    });
    socket.once('data', (data) => done(data.toString()));
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
