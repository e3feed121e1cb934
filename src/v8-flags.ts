/**
 * V8 settings for a gateway's allocation pattern, applied by server.ts before the config loads.
 *
 * Allocation-site pretenuring off: when most objects from one allocation site survive a young
 * collection, V8 starts allocating that site's objects straight in the old generation. A burst of
 * long streams (each keeps its objects alive across many young collections) convinces V8 to
 * pretenure the sites every request uses; when traffic turns back to short requests those objects
 * die young but sit in the old generation, and collections stay several times as costly for as
 * long as the process lives. After 128 concurrent paced streams on a fresh process, JSON requests
 * cost 20–30% less CPU each without it (the reference hop of `npm run bench` gains as much); under
 * steady load alone it makes no measurable difference.
 *
 * WebAssembly stays on V8's baseline compiler: the only module on the request path is undici's
 * HTTP parser (llhttp), and optimising its one very large function takes V8 about 37 MB of
 * compiler memory for a moment, on top of whatever the process holds when the parser turns hot
 * (in a fresh process: during its first burst of traffic). Parsing upstream responses with
 * baseline code costs about 1 µs more per JSON request and 3 µs per 20-token stream.
 *
 * The old generation may grow to twice its live size before a full collection, instead of up to
 * four times (V8's limit when the heap may grow past about 2 GB, as on any server). A burst of
 * long streams promotes every stream's objects; with the default, a fresh process's first full
 * collection waits for about 100 MB of that garbage. With both settings peak memory at 128
 * concurrent streams is 10–20 MB lower (`npm run bench`); A/B runs showed no CPU difference per
 * request beyond the parser's.
 */
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS: readonly string[] = [
  '--no-allocation-site-pretenuring',
  '--no-wasm-tier-up',
  '--no-wasm-dynamic-tiering',
  '--heap-growing-percent=100',
];

export function applyV8Flags(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
