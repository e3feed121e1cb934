/**
 * Output guardrails on a whole (non-streamed) answer: every choice's content and tool-call
 * arguments. A block replaces the choice with the policy message (finish_reason
 * content_filter) or, with `on_block: error`, fails the request with a 400.
 */
import type { JsonObject } from '../providers/types.js';
import { messageTextSlots } from '../openai/message-text.js';
import { checkAllAtOnce, blockingPolicy } from '../guardrails/engine/run-policies.js';
import type { CheckOptions } from '../guardrails/engine/check.js';
import { applyMasks } from '../guardrails/engine/mask.js';
import type { CompiledPolicy } from '../guardrails/engine/compile.js';
import type { Finding } from '../guardrails/engine/findings.js';
import type { GuardrailRun } from './guardrail-context.js';

export interface OutputVerdict {
  findings: Finding[];
  blockedBy: CompiledPolicy | undefined;
  /** The first choice's message as the model said it after masking (what a session stores). */
  stored: JsonObject | undefined;
}

/** Grounding judges the answer text, not tool arguments. */
const NOT_GROUNDING = new Set(['pii', 'words', 'denied_topics', 'content'] as const);
const GROUNDING_ONLY = new Set(['grounding'] as const);

export async function checkOutput(run: GuardrailRun, body: JsonObject): Promise<OutputVerdict> {
  const check = (text: string, opts: CheckOptions) => checkAllAtOnce(run.policies, text, opts);
  const findings: Finding[] = [];
  let blockedBy: CompiledPolicy | undefined;
  let stored: JsonObject | undefined;
  const choices = Array.isArray(body.choices) ? (body.choices as JsonObject[]) : [];
  for (const choice of choices) {
    const message = choice.message as JsonObject | undefined;
    if (!message) continue;
    const contentText = typeof message.content === 'string' ? message.content : undefined;
    const choiceFindings: Finding[] = [];
    for (const slot of messageTextSlots(message)) {
      const isContent = slot.text === contentText;
      const found = await check(slot.text, {
        direction: 'output',
        delegates: run.delegates,
        grounding: run.grounding,
        ...(isContent ? {} : { kinds: NOT_GROUNDING }),
      });
      choiceFindings.push(...found);
      slot.set(applyMasks(slot.text, found, run.pseudo));
    }
    if (contentText === undefined && run.grounding !== undefined) {
      choiceFindings.push(...(await check('', { direction: 'output', grounding: run.grounding, kinds: GROUNDING_ONLY })));
    }
    findings.push(...choiceFindings);
    const blocker = blockingPolicy(run.policies, choiceFindings);
    if (blocker) {
      blockedBy ??= blocker;
      choice.message = { role: 'assistant', content: blocker.messages.blockedOutput, refusal: null };
      choice.finish_reason = 'content_filter';
      continue;
    }
    // The model saw placeholders; the client gets its own values back, the session keeps them.
    if (run.pseudo.size === 0) {
      if (choice.index === 0 || stored === undefined) stored = message;
      continue;
    }
    if (choice.index === 0 || stored === undefined) stored = structuredClone(message);
    for (const slot of messageTextSlots(message)) slot.set(run.pseudo.restore(slot.text));
  }
  return { findings, blockedBy, stored };
}
