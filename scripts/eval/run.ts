/**
 * `npm run eval:guardrails`: every local detector against the project's own labelled set and,
 * when present, the public development data in ../shared/eval (read at run time, never copied).
 */
import { evaluate as pii } from './pii.js';
import { evaluate as words } from './words.js';
import { evaluate as content } from './content.js';
import { evaluate as topics } from './topics.js';
import { evaluate as grounding } from './grounding.js';

const kinds: [string, () => Promise<string>][] = [
  ['sensitive information (pii)', pii],
  ['word filters (words, managed profanity)', words],
  ['content filters and prompt attacks (content)', content],
  ['denied topics (denied_topics)', topics],
  ['contextual grounding (grounding)', grounding],
];

const only = process.argv[2];
for (const [name, run] of kinds) {
  if (only && !name.includes(only)) continue;
  const started = performance.now();
  console.log(`\n=== ${name} ===`);
  console.log(await run());
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
