/**
 * Turns the benchmark's own servers (fake upstream, reference proxy) into plain JavaScript
 * once per run, so they run on bare `node`: under the tsx loader the reference would carry the
 * loader's memory and threads, and its peak RSS would no longer be a fair floor.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Inside node_modules so packages resolve from the repository's own node_modules. The name
 * avoids `sluice` and `dist/server.js`, which cleanup commands elsewhere may match with pkill -f.
 */
export const BENCH_CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'gateway-bench');
const OUT_DIR = BENCH_CACHE;

const SOURCES = ['bench/fake-upstream.ts', 'bench/reference-proxy.ts', 'bench/lib/upstream-tokens.ts'];

/**
 * Preloaded (`node --import`) into every process the benchmark starts: renames it, so a
 * `pkill -f server.js` (or fake-upstream, reference-proxy) run by other work on a shared
 * machine does not stop a measurement half-way.
 */
export const SET_TITLE = join(OUT_DIR, 'set-title.js');

/** Returns the path of the compiled `bench/<name>.ts` entry, e.g. `reference-proxy`. */
export function compiledScript(name: string): string {
  return join(OUT_DIR, `${name}.js`);
}

export function compileBenchServers(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(SET_TITLE, "process.title = process.env.BENCH_PROCESS_TITLE ?? 'gateway-bench';\n");
  for (const src of SOURCES) {
    const out = ts.transpileModule(readFileSync(join(REPO_ROOT, src), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
      fileName: src,
    });
    const dest = join(OUT_DIR, src.replace(/^bench\//, '').replace(/\.ts$/, '.js'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, out.outputText);
  }
}
