/** Operator-defined regexes, reported under their own names. */
import type { Recognizer } from './recognizer.js';

const CUSTOM_SCORE = 1;
/** Bounds the work a pathological custom pattern can cause on one text. */
const MAX_MATCHES = 10_000;

export function customRecognizer(name: string, pattern: string, flags = ''): Recognizer {
  // Always global (to iterate), never sticky; keep the operator's other flags.
  const cleanFlags = Array.from(new Set(`${flags.replace(/[gy]/g, '')}g`.split(''))).join('');
  const re = new RegExp(pattern, cleanFlags);
  return {
    entity: name,
    find(text, out) {
      re.lastIndex = 0;
      let found = 0;
      for (let m = re.exec(text); m !== null && found < MAX_MATCHES; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push({ start: m.index, end: m.index + m[0].length, entity: name, score: CUSTOM_SCORE });
        found++;
      }
    },
  };
}
