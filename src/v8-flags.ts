/**
 * V8 settings for a gateway's allocation pattern, applied by server.ts before the config loads.
 *
 * Allocation-site pretenuring: when most objects from one allocation site survive a young
 * collection, V8 starts allocating that site's objects straight in the old generation. A burst of
 * long streams (each keeps its objects alive across many young collections) convinces V8 to
 * pretenure the sites every request uses; when traffic turns back to short requests those objects
 * die young but sit in the old generation, and collections stay several times as costly for as
 * long as the process lives. After 128 concurrent paced streams on a fresh process, JSON requests
 * cost 20–30% less CPU each without it (the reference hop of `npm run bench` gains as much); under
 * steady load alone it makes no measurable difference.
 */
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

export function applyV8Flags(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
