/** Per-request guardrail state: the tenant's policies, delegates, the pseudonym map, the report. */
import type { CompiledPolicy } from '../guardrails/engine/compile.js';
import { policyApplies } from '../guardrails/engine/compile.js';
import { createDelegates, type Delegates } from '../guardrails/engine/delegates.js';
import { headerItems, intervened, type Finding } from '../guardrails/engine/findings.js';
import { Pseudonymizer } from '../guardrails/engine/mask.js';
import type { GroundingRequest } from '../guardrails/engine/check.js';
import type { Direction } from '../guardrails/types.js';
import { invalidRequest } from '../errors.js';
import type { JsonObject } from '../providers/types.js';
import type { ChatContext } from './context.js';
import type { Metrics } from '../metrics.js';

export interface GuardrailRun {
  policies: CompiledPolicy[];
  /** Only when a policy asks another engine: local checks need none. */
  delegates: Delegates | undefined;
  pseudo: Pseudonymizer;
  grounding: GroundingRequest | undefined;
  output: boolean;
  /** Everything found so far, per direction, for the header and the log. */
  findings: Record<Direction, Finding[]>;
}

export function startGuardrails(ctx: ChatContext): GuardrailRun {
  const policies = ctx.tenant.policies;
  return {
    policies,
    delegates: policies.some((p) => p.usesDelegate) ? createDelegates(ctx.runtime, ctx.signal) : undefined,
    pseudo: new Pseudonymizer(ctx.tenant.pseudonymKey),
    grounding: takeGrounding(ctx.body),
    output: policies.some((p) => policyApplies(p, 'output')),
    findings: { input: [], output: [] },
  };
}

/** The `grounding` extension field is ours: validated, then removed before forwarding. */
function takeGrounding(body: JsonObject): GroundingRequest | undefined {
  if (!('grounding' in body)) return undefined;
  const g = body.grounding as { sources?: unknown; query?: unknown } | null;
  delete body.grounding;
  if (g === null || g === undefined) return undefined;
  if (typeof g !== 'object' || !Array.isArray(g.sources) || !g.sources.every((s) => typeof s === 'string')) {
    throw invalidRequest('grounding must be {sources: string[], query?: string}.', 'grounding');
  }
  if (g.query !== undefined && typeof g.query !== 'string') throw invalidRequest('grounding.query must be a string.', 'grounding.query');
  return { sources: g.sources as string[], query: g.query as string | undefined };
}

export function record(ctx: ChatContext, run: GuardrailRun, direction: Direction, findings: readonly Finding[], metrics: Metrics): void {
  for (const f of findings) {
    if (f.action === 'detected') continue;
    run.findings[direction].push(f);
    if (intervened(f) || f.action === 'skipped') {
      metrics.interventions.inc({ policy: f.policy, kind: f.kind, action: f.action });
      // Never the matched text: policy, kind, detail and action only.
      ctx.log.info({ guardrail: { direction, policy: f.policy, kind: f.kind, detail: f.detail, action: f.action } }, 'guardrail intervention');
    }
  }
}

/** The x-sluice-guardrail items so far (SPEC §8); the header is them joined, or `none`. */
export function reportItems(run: GuardrailRun): string[] {
  if (run.findings.input.length === 0 && run.findings.output.length === 0) return [];
  return [...headerItems('input', run.findings.input), ...headerItems('output', run.findings.output)];
}

export function reportValue(run: GuardrailRun): string {
  const items = reportItems(run);
  return items.length > 0 ? items.join('; ') : 'none';
}
