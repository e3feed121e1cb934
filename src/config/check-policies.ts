/**
 * Checks zod cannot express: entity names, regex safety, engine models. Runs at config load so
 * a bad policy is refused before it can serve a request.
 */
import type { Config } from './schema.js';
import { resolvePiiEntity } from '../guardrails/pii/index.js';
import { checkPattern } from '../guardrails/safe-pattern.js';

export interface SemanticProblem {
  path: (string | number)[];
  reason: string;
}

export function checkPolicySemantics(config: Config): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  for (const [name, policy] of Object.entries(config.policies)) {
    const at = (...p: (string | number)[]) => ['policies', name, ...p];
    for (const entity of Object.keys(policy.pii?.entities ?? {})) {
      if (!resolvePiiEntity(entity)) problems.push({ path: at('pii', 'entities', entity), reason: `unknown entity '${entity}'` });
    }
    policy.pii?.regexes.forEach((r, i) => {
      const why = checkPattern(r.pattern);
      if (why) problems.push({ path: at('pii', 'regexes', i, 'pattern'), reason: why });
    });
    policy.words?.patterns.forEach((p, i) => {
      const why = checkPattern(p);
      if (why) problems.push({ path: at('words', 'patterns', i), reason: why });
    });
    for (const kind of ['content', 'denied_topics', 'words', 'pii', 'grounding'] as const) {
      const section = policy[kind];
      if (!section) continue;
      if (section.engine !== 'local') {
        if (!section.engine_model) problems.push({ path: at(kind, 'engine_model'), reason: `required when engine is '${section.engine}'` });
        else if (!config.models[section.engine_model]) {
          problems.push({ path: at(kind, 'engine_model'), reason: `unknown model '${section.engine_model}'` });
        }
      }
    }
    if (policy.grounding?.applies_to?.includes('input')) {
      problems.push({ path: at('grounding', 'applies_to'), reason: 'grounding applies to output only' });
    }
  }
  return problems;
}
