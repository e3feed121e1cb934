/**
 * NAME: person names, best effort without a statistical model. Capitalised runs are scored one by
 * one (run-scanner.ts), then two passes share evidence between them (shared-evidence.ts).
 */
import type { Recognizer } from '../recognizer.js';
import { LOWER, WORD } from '../tokens.js';
import { WordFeatures } from './features.js';
import { nameLexicon } from './lexicon.js';
import { RunScanner } from './run-scanner.js';
import { caseMode } from './runs.js';
import type { Scored } from './scored.js';
import { shareListEvidence, shareMentions } from './shared-evidence.js';

export function nameRecognizer(threshold = 0.5): Recognizer {
  const features = new WordFeatures(nameLexicon());
  return {
    entity: 'NAME',
    find(_text, out, ctx) {
      const tokens = ctx.tokens();
      if (tokens.count === 0) return;
      const scanner = new RunScanner(tokens, features, caseMode(tokens));
      const runs: Scored[] = [];
      const lowerMode = scanner.mode === 'lower';
      for (let i = 0; i < tokens.count; i++) {
        // Most tokens are lower-case words, numbers or punctuation: skip them without a call.
        if (tokens.kinds[i] !== WORD || (tokens.shapes[i] === LOWER && !lowerMode && !tokens.isPunct(i + 1, '.'))) continue;
        const run = scanner.runAt(i);
        if (!run) continue;
        i = run.last;
        const scored = scanner.score(run);
        if (scored) runs.push(scored);
      }
      shareListEvidence(tokens, runs, threshold);
      shareMentions(tokens, runs, threshold);
      for (const r of runs) {
        if (r.score >= threshold && !r.org) out.push({ start: r.start, end: r.end, score: r.score, entity: 'NAME' });
      }
    },
  };
}
