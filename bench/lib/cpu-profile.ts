/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per file,
 * with the built server's positions mapped back to src/ through the build's source maps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, relative, resolve } from 'node:path';
import { BENCH_CACHE, REPO_ROOT } from './compile-scripts.js';
import { BUILD_DIR } from './build.js';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  /** src/… (or node_modules/<pkg>, node:…) with the line. */
  where: string;
  file: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: SelfTime[];
  /** Time with the function anywhere on the stack, for src/ functions: what a stage costs in all. */
  inclusive: SelfTime[];
  files: { file: string; ms: number; share: number }[];
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(path: string): SourceMap | null {
  if (!maps.has(path)) {
    const mapPath = `${path}.map`;
    maps.set(path, existsSync(mapPath) ? new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8'))) : null);
  }
  return maps.get(path) ?? null;
}

/** Where a frame lives, in the repository's terms. */
function locate(frame: ProfileNode['callFrame']): { file: string; line: number } {
  const url = frame.url;
  if (url === '') return { file: '(native)', line: 0 };
  if (url.startsWith('node:')) return { file: url, line: frame.lineNumber + 1 };
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (path.startsWith(`${BUILD_DIR}/`)) {
    const entry = sourceMapFor(path)?.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry && 'originalSource' in entry && entry.originalSource) {
      const original = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : resolve(dirname(path), entry.originalSource);
      return { file: relative(REPO_ROOT, original), line: entry.originalLine + 1 };
    }
    return { file: `src/${relative(BUILD_DIR, path).replace(/\.js$/, '.ts')}`, line: 0 };
  }
  if (path.startsWith(`${BENCH_CACHE}/`)) return { file: `bench/${relative(BENCH_CACHE, path).replace(/\.js$/, '.ts')}`, line: frame.lineNumber + 1 };
  const rel = relative(REPO_ROOT, path);
  const pkg = rel.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return { file: `node_modules/${pkg[1]}`, line: 0 };
  return { file: rel, line: frame.lineNumber + 1 };
}

/** A time window in µs of CLOCK_MONOTONIC, the clock of both process.hrtime and V8's profiler. */
export interface Window {
  fromUs: number;
  toUs: number;
}

export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

export function loadProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

/** Self time per function within `window` (so start-up and warm-up are left out). */
export function summariseProfile(profile: CpuProfile, window?: Window, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (window && (t < window.fromUs || t > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const described = new Map<number, { name: string; where: string; file: string }>();
  const describe = (id: number) => {
    let d = described.get(id);
    if (!d) {
      const frame = (byId.get(id) as ProfileNode).callFrame;
      const { file, line } = locate(frame);
      d = { name: frame.functionName || '(anonymous)', where: line > 0 ? `${file}:${line}` : file, file };
      described.set(id, d);
    }
    return d;
  };
  const add = (into: Map<string, SelfTime>, d: { name: string; where: string; file: string }, us: number) => {
    const key = `${d.name}@${d.where}`;
    const f = into.get(key) ?? { ...d, ms: 0, share: 0 };
    f.ms += us / 1000;
    into.set(key, f);
  };

  const functions = new Map<string, SelfTime>();
  const inclusive = new Map<string, SelfTime>();
  const files = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    totalUs += us;
    const d = describe(id);
    add(functions, d, us);
    files.set(d.file, (files.get(d.file) ?? 0) + us / 1000);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const up = describe(at);
      const key = `${up.name}@${up.where}`;
      if (!up.file.startsWith('src/') || seen.has(key)) continue;
      seen.add(key);
      add(inclusive, up, us);
    }
  }
  const totalMs = totalUs / 1000;
  const ranked = (m: Map<string, SelfTime>) => {
    const list = [...m.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
    for (const f of list) f.share = f.ms / totalMs;
    return list;
  };
  const fnList = ranked(functions);
  const inclusiveList = ranked(inclusive);
  const fileList = [...files.entries()]
    .map(([file, ms]) => ({ file, ms, share: ms / totalMs }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  return { totalMs, functions: fnList, inclusive: inclusiveList, files: fileList };
}

export function formatSummary(title: string, s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const lines = [`${title}: ${(s.totalMs / 1000).toFixed(1)} s of CPU sampled ((idle) and (program) excluded)`, '', 'top self time by function:'];
  for (const f of s.functions) lines.push(`  ${pct(f.share)}  ${f.name.length > 60 ? `${f.name.slice(0, 57)}...` : f.name}  ${f.where}`);
  lines.push('', 'src/ functions by inclusive time (on the stack):');
  for (const f of s.inclusive) lines.push(`  ${pct(f.share)}  ${f.name}  ${f.where}`);
  lines.push('', 'self time by file:');
  for (const f of s.files) lines.push(`  ${pct(f.share)}  ${f.file}`);
  return lines.join('\n');
}
