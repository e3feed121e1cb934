/**
 * Input guardrails: every message the client sent in this request (any role, tool results
 * included; not the tenant prompt, not stored history) is checked by every policy. A block stops
 * the request before the upstream; masks rewrite the messages, so the upstream and the session
 * see the masked text. Findings for a text already checked (the system message, a resent
 * history) come from the tenant's verdict cache.
 */
import type { JsonObject } from '../providers/types.js';
import { messageTextSlots, type TextSlot } from '../openai/message-text.js';
import { allLocal, checkAll, checkAllLocal, blockingPolicy } from '../guardrails/engine/run-policies.js';
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
  if (allLocal(run.policies)) return checkInputLocal(run, messages);
  const findings: Finding[] = [];
  const rewrites: (() => void)[] = [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as JsonObject;
    const role = String(message.role);
    for (const slot of messageTextSlots(message)) {
      const found = await checkAll(run.policies, slot.text, { direction: 'input', delegates: run.delegates, role });
      collect(run, i, slot, found, findings, rewrites);
    }
  }
  return conclude(run, findings, rewrites);
}

/** Every check local: no promise per message, and findings may come from the verdict cache. */
function checkInputLocal(run: GuardrailRun, messages: readonly JsonObject[]): InputVerdict {
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
      const check = () => checkAllLocal(run.policies, slot.text, { direction: 'input', role });
      collect(run, i, slot, remember ? cache.get(slot.text, role, check) : check(), findings, rewrites);
    }
  }
  return conclude(run, findings, rewrites);
}

function collect(run: GuardrailRun, index: number, slot: TextSlot, found: readonly Finding[], findings: Finding[], rewrites: (() => void)[]): void {
  for (const f of found) findings.push({ ...f, message: index });
  if (found.some((f) => f.action === 'anonymized' || f.action === 'pseudonymized' || f.action === 'masked')) {
    const masked = applyMasks(slot.text, found, run.pseudo);
    rewrites.push(() => slot.set(masked));
  }
}

function conclude(run: GuardrailRun, findings: Finding[], rewrites: (() => void)[]): InputVerdict {
  const blockedBy = blockingPolicy(run.policies, findings);
  // A blocked request is not rewritten: nothing of it goes anywhere.
  if (!blockedBy) for (const rewrite of rewrites) rewrite();
  return { findings, blockedBy };
}
