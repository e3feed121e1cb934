/**
 * The tenant's system prompt: `prepend` keeps client system/developer messages after it,
 * `replace` drops them, `reject` refuses a request that sends one.
 */
import { invalidRequest } from '../errors.js';
import type { JsonObject } from '../providers/types.js';
import type { TenantConfig } from '../config/schema.js';

export function isSystemMessage(m: JsonObject): boolean {
  return m.role === 'system' || m.role === 'developer';
}

export function renderPrompt(text: string, tenant: string, now = new Date()): string {
  return text.replaceAll('{{tenant}}', tenant).replaceAll('{{date}}', now.toISOString().slice(0, 10));
}

/**
 * The last rendering per prompt text and tenant: it changes only when the UTC day does. Keyed by
 * the config's own strings, whose hashes V8 keeps, so a lookup does not rehash the prompt.
 */
const rendered = new Map<string, Map<string, { day: number; text: string }>>();
const DAY_MS = 86_400_000;

function currentPrompt(text: string, tenant: string): string {
  const day = Math.floor(Date.now() / DAY_MS);
  let byTenant = rendered.get(text);
  const last = byTenant?.get(tenant);
  if (last && last.day === day) return last.text;
  // Bounded by the configured prompts; reloads may leave a few stale ones.
  if (!byTenant) {
    if (rendered.size > 1000) rendered.clear();
    byTenant = new Map();
    rendered.set(text, byTenant);
  }
  const out = renderPrompt(text, tenant);
  byTenant.set(tenant, { day, text: out });
  return out;
}

export interface SplitMessages {
  /** What goes before history: the tenant prompt and the client's system messages per mode. */
  head: JsonObject[];
  /** The client's other messages, in order. */
  rest: JsonObject[];
}

export function applySystemPrompt(
  messages: JsonObject[],
  tenantName: string,
  prompt: TenantConfig['system_prompt'],
): SplitMessages {
  const client = messages.filter(isSystemMessage);
  const rest = messages.filter((m) => !isSystemMessage(m));
  const mode = prompt?.mode ?? 'prepend';
  if (mode === 'reject' && client.length > 0) {
    throw invalidRequest('System and developer messages are not accepted for this API key.', 'messages', 'system_message_not_allowed');
  }
  const head: JsonObject[] = [];
  if (prompt && prompt.text.trim() !== '') head.push({ role: 'system', content: currentPrompt(prompt.text, tenantName) });
  if (mode === 'prepend') head.push(...client);
  return { head, rest };
}
