/**
 * Input guardrails: every message the client sent in this request (any role, tool results
 * included; not the tenant prompt, not stored history) is checked by every policy. A block stops
 * the request before the upstream; masks rewrite the messages, so the upstream and the session
 * see the masked text. Findings for a text already checked (the system message, a resent
 * history) come from the tenant's verdict cache.
 */
import type { JsonObject } from '../providers/types.js';
import { messageTextSlots } from '../openai/message-text.js';
import { checkAll, blockingPolicy } from '../guardrails/engine/run-policies.js';
import { applyMasks } from '../guardrails/engine/mask.js';
import { inputVerdictCache } from '../guardrails/engine/verdict-cache.js';
import type { CompiledPolicy } from '../guardrails/engine/compile.js';
import type { Finding } from '../guardrails/engine/findings.js';
import type { GuardrailRun } from './guardrail-context.js';

export interface InputVerdict {
  findings: Finding[];
  blockedBy: CompiledPolicy | undefined;
}

export async function checkInput(run: GuardrailRun, messages: readonly JsonObject[]): Promise<InputVerdict> {
  const findings: Finding[] = [];
  const rewrites: (() => void)[] = [];
  const cache = inputVerdictCache(run.policies);
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as JsonObject;
    const role = String(message.role);
    // The newest turn is new by definition: it is remembered once it comes back as history
    // (or is a system message), so one-off texts never churn the cache.
    const remember = cache !== null && (i < messages.length - 1 || role === 'system' || role === 'developer');
    for (const slot of messageTextSlots(message)) {
      const check = () => checkAll(run.policies, slot.text, { direction: 'input', delegates: run.delegates, role });
      const found = remember ? await cache.get(slot.text, role, check) : await check();
      for (const f of found) findings.push({ ...f, message: i });
      if (found.some((f) => f.action === 'anonymized' || f.action === 'pseudonymized' || f.action === 'masked')) {
        const masked = applyMasks(slot.text, found, run.pseudo);
        rewrites.push(() => slot.set(masked));
      }
    }
  }
  const blockedBy = blockingPolicy(run.policies, findings);
  // A blocked request is not rewritten: nothing of it goes anywhere.
  if (!blockedBy) for (const rewrite of rewrites) rewrite();
  return { findings, blockedBy };
}
