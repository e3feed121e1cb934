/**
 * A tenant's policies over one text: every policy sees the same text, their findings are
 * merged, and the first policy that blocks decides the message the client gets.
 */
import type { CompiledPolicy } from './compile.js';
import { checkText, type CheckOptions } from './check.js';
import type { Finding } from './findings.js';

export async function checkAll(policies: readonly CompiledPolicy[], text: string, opts: CheckOptions): Promise<Finding[]> {
  if (policies.length === 0 || text === '') return policies.length === 0 ? [] : await groundingOnly(policies, text, opts);
  const all: Finding[] = [];
  for (const p of policies) all.push(...(await checkText(p, text, opts)));
  return all;
}

/** An empty answer still gets its grounding verdict (skipped without sources). */
async function groundingOnly(policies: readonly CompiledPolicy[], text: string, opts: CheckOptions): Promise<Finding[]> {
  if (opts.direction !== 'output' || (opts.kinds && !opts.kinds.has('grounding'))) return [];
  const all: Finding[] = [];
  for (const p of policies) if (p.grounding) all.push(...(await checkText(p, text, { ...opts, kinds: new Set(['grounding']) })));
  return all;
}

export function blockingPolicy(policies: readonly CompiledPolicy[], findings: readonly Finding[]): CompiledPolicy | undefined {
  const blocked = findings.find((f) => f.action === 'blocked');
  return blocked ? policies.find((p) => p.name === blocked.policy) : undefined;
}
