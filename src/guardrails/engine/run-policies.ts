/**
 * A tenant's policies over one text: every policy sees the same text, their findings are
 * merged, and the first policy that blocks decides the message the client gets.
 */
import type { CompiledPolicy } from './compile.js';
import { checkText, checkTextLocal, type CheckOptions } from './check.js';
import type { Finding } from './findings.js';

const GROUNDING_ONLY = new Set(['grounding'] as const);

/** Whether every check of these policies runs locally, so `checkAllLocal` may be used. */
export function allLocal(policies: readonly CompiledPolicy[]): boolean {
  for (const p of policies) if (p.usesDelegate) return false;
  return true;
}

export async function checkAll(policies: readonly CompiledPolicy[], text: string, opts: CheckOptions): Promise<Finding[]> {
  if (allLocal(policies)) return checkAllLocal(policies, text, opts);
  if (text === '') return await groundingOnly(policies, opts);
  const all: Finding[] = [];
  for (const p of policies) all.push(...(await checkText(p, text, opts)));
  return all;
}

/**
 * `checkAll` that answers at once (no promise) when every policy runs locally, for callers that
 * check many texts per request; a delegate engine still makes it a promise.
 */
export function checkAllAtOnce(policies: readonly CompiledPolicy[], text: string, opts: CheckOptions): Finding[] | Promise<Finding[]> {
  return allLocal(policies) ? checkAllLocal(policies, text, opts) : checkAll(policies, text, opts);
}

/** `checkAll` for policies that use no delegate engine (see allLocal): no promise involved. */
export function checkAllLocal(policies: readonly CompiledPolicy[], text: string, opts: CheckOptions): Finding[] {
  if (policies.length === 1) return text === '' ? groundingOnlyLocal(policies, opts) : checkTextLocal(policies[0]!, text, opts);
  if (text === '') return groundingOnlyLocal(policies, opts);
  const all: Finding[] = [];
  for (const p of policies) for (const f of checkTextLocal(p, text, opts)) all.push(f);
  return all;
}

/** An empty answer still gets its grounding verdict (skipped without sources). */
async function groundingOnly(policies: readonly CompiledPolicy[], opts: CheckOptions): Promise<Finding[]> {
  const all: Finding[] = [];
  for (const p of groundingPolicies(policies, opts)) all.push(...(await checkText(p, '', { ...opts, kinds: GROUNDING_ONLY })));
  return all;
}

function groundingOnlyLocal(policies: readonly CompiledPolicy[], opts: CheckOptions): Finding[] {
  const all: Finding[] = [];
  for (const p of groundingPolicies(policies, opts)) all.push(...checkTextLocal(p, '', { ...opts, kinds: GROUNDING_ONLY }));
  return all;
}

/** The policies that judge an empty text: those with grounding, when output grounding is asked for. */
function groundingPolicies(policies: readonly CompiledPolicy[], opts: CheckOptions): CompiledPolicy[] {
  if (opts.direction !== 'output' || (opts.kinds && !opts.kinds.has('grounding'))) return [];
  return policies.filter((p) => p.grounding);
}

export function blockingPolicy(policies: readonly CompiledPolicy[], findings: readonly Finding[]): CompiledPolicy | undefined {
  const blocked = findings.find((f) => f.action === 'blocked');
  return blocked ? policies.find((p) => p.name === blocked.policy) : undefined;
}
