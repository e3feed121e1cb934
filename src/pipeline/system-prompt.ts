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

/** The last rendering of each tenant prompt (a config object): it changes only with the UTC day. */
const rendered = new WeakMap<object, { day: number; tenant: string; text: string }>();
const DAY_MS = 86_400_000;

function currentPrompt(prompt: NonNullable<TenantConfig['system_prompt']>, tenant: string): string {
  const day = Math.floor(Date.now() / DAY_MS);
  const last = rendered.get(prompt);
  if (last && last.day === day && last.tenant === tenant) return last.text;
  const text = renderPrompt(prompt.text, tenant);
  rendered.set(prompt, { day, tenant, text });
  return text;
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
  if (prompt && prompt.text.trim() !== '') head.push({ role: 'system', content: currentPrompt(prompt, tenantName) });
  if (mode === 'prepend') head.push(...client);
  return { head, rest };
}
