/**
 * The gateway the benchmark runs: `tsc -p tsconfig.build.json` into a private output directory,
 * rebuilt when src/ is newer. A private copy, so a rebuild of dist/ by someone else during a run
 * cannot change (or break) what is being measured.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_CACHE, REPO_ROOT } from './compile-scripts.js';

export const BUILD_DIR = join(BENCH_CACHE, 'build');
export const SERVER_ENTRY = join(BUILD_DIR, 'server.js');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds when the copy is missing or older than src/. A type error elsewhere still leaves JS to run. */
export function ensureBuilt(log: (line: string) => void): void {
  if (existsSync(SERVER_ENTRY) && newestMtime(join(REPO_ROOT, 'src')) <= statSync(SERVER_ENTRY).mtimeMs) return;
  log('building sluice (tsc -p tsconfig.build.json)...');
  const r = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'tsconfig.build.json'), '--outDir', BUILD_DIR],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  if (r.status === 0) return;
  if (!existsSync(SERVER_ENTRY)) throw new Error(`the build failed and produced no server.js:\n${r.stdout}${r.stderr}`);
  log(`warning: tsc reported errors; benchmarking the JavaScript it emitted anyway:\n${r.stdout.split('\n').slice(0, 10).join('\n')}`);
}
