/**
 * Child processes of the benchmark: started pinned to a core (when taskset and two cores are
 * there) and all remembered, so every exit path (normal end, Ctrl-C, a crash) kills them.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';

const children = new Set<ChildProcess>();

const hasTaskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
/** Gateway on core 0, everything else on core 1; no pinning on a single core. */
export const PINNING = hasTaskset && availableParallelism() >= 2;
export const GATEWAY_CORE = 0;
export const DRIVER_CORE = 1;

export interface Started {
  child: ChildProcess;
  pid: number;
  /** The command, for messages. */
  name: string;
  /** Everything the child printed to stderr (its last lines explain a failed start). */
  stderr: () => string;
}

/** Starts `cmd args` pinned to `core` (when pinning), stdout piped for the caller to watch. */
export function startChild(cmd: string, args: string[], core: number, opts: SpawnOptions = {}): Started {
  const [file, argv] = PINNING ? ['taskset', ['-c', String(core), cmd, ...args]] : [cmd, args];
  // taskset execs the command, so the pid is the command's own.
  const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  if (child.pid === undefined) throw new Error(`cannot start ${cmd}`);
  children.add(child);
  child.once('exit', () => children.delete(child));
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
  });
  return { child, pid: child.pid, name: [cmd, ...args].join(' ').slice(0, 160), stderr: () => err };
}

/** Resolves with the first stdout line matching `re` (e.g. `listening <port>`). */
export function waitForLine(s: Started, re: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${s.name}: timed out waiting for ${re}; stderr: ${s.stderr()}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(re);
      if (m) {
        clearTimeout(timer);
        s.child.stdout?.off('data', onData);
        s.child.stdout?.resume();
        resolve(m);
      }
    };
    s.child.stdout?.on('data', onData);
    s.child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${s.name}: exited (${code ?? signal}) before ready; stderr: ${s.stderr()}`));
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c)));
}

let hooksInstalled = false;
let stopping = false;

/** True once a signal asked the benchmark to stop (failures after that are expected). */
export function isStopping(): boolean {
  return stopping;
}
/** Kills every child however the benchmark ends. */
export function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (stopping) return; // tsx relays the terminal's signal a second time
      stopping = true;
      process.stderr.write(`\n${sig}: stopping the benchmark's processes\n`);
      void stopAll().finally(() => process.exit(130));
    });
  }
  process.on('uncaughtException', (err) => {
    process.stderr.write(`${err.stack ?? String(err)}\n`);
    process.exit(1);
  });
}

/** Pins this process (all its threads) to the driver core, away from the gateway. */
export function pinSelf(): void {
  if (PINNING) spawnSync('taskset', ['-a', '-cp', String(DRIVER_CORE), String(process.pid)], { stdio: 'ignore' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
