/**
 * POST /v1/guardrails/apply: the tenant's policies on given text without calling a model
 * (after Bedrock's ApplyGuardrail). Offsets refer to the given text; the matched text itself
 * is never returned.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Tenant } from '../config/runtime.js';
import { invalidRequest } from '../errors.js';
import { paramName } from '../openai/chat-request.js';
import { messageTextSlots } from '../openai/message-text.js';
import { checkAll, blockingPolicy } from '../guardrails/engine/run-policies.js';
import { applyMasks, Pseudonymizer } from '../guardrails/engine/mask.js';
import { createDelegates } from '../guardrails/engine/delegates.js';
import { detailKey, intervened, type Finding } from '../guardrails/engine/findings.js';
import type { JsonObject } from '../providers/types.js';

const ApplyRequest = z.strictObject({
  source: z.enum(['input', 'output']),
  content: z.union([z.string(), z.array(z.looseObject({ role: z.string() }))]),
  grounding: z.strictObject({ sources: z.array(z.string()), query: z.string().optional() }).optional(),
});

function assessment(f: Finding) {
  return {
    policy: f.policy,
    kind: f.kind,
    action: f.action,
    [detailKey(f.kind)]: f.detail,
    score: Math.round(f.score * 1000) / 1000,
    start: f.start,
    end: f.end,
    ...(f.message !== undefined ? { message: f.message } : {}),
  };
}

export function registerGuardrailRoutes(app: FastifyInstance): void {
  app.post('/guardrails/apply', async (req) => {
    const parsed = ApplyRequest.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidRequest(`Invalid guardrails request: ${issue?.message ?? 'invalid'}`, issue ? paramName(issue.path) || null : null);
    }
    const { source, content, grounding } = parsed.data;
    const tenant = req.tenant as Tenant;
    const policies = tenant.policies;
    const delegates = createDelegates(req.runtime);
    const pseudo = new Pseudonymizer(tenant.pseudonymKey);
    const opts = { direction: source, delegates, ...(grounding ? { grounding } : {}) } as const;

    const findings: Finding[] = [];
    let output: string | JsonObject[];
    if (typeof content === 'string') {
      const found = await checkAll(policies, content, opts);
      findings.push(...found);
      output = applyMasks(content, found, pseudo);
    } else {
      const messages = structuredClone(content) as JsonObject[];
      for (let i = 0; i < messages.length; i++) {
        const message = messages[i] as JsonObject;
        for (const slot of messageTextSlots(message)) {
          const found = await checkAll(policies, slot.text, { ...opts, role: String(message.role) });
          findings.push(...found.map((f) => ({ ...f, message: i })));
          slot.set(applyMasks(slot.text, found, pseudo));
        }
      }
      output = messages;
    }
    const blocker = blockingPolicy(policies, findings);
    if (blocker) output = source === 'input' ? blocker.messages.blockedInput : blocker.messages.blockedOutput;
    for (const f of findings) if (intervened(f)) app.metrics.interventions.inc({ policy: f.policy, kind: f.kind, action: f.action });
    return {
      action: findings.some(intervened) ? 'intervened' : 'none',
      output,
      assessments: findings.map(assessment),
    };
  });
}
