/**
 * Stored responses and their chains (`previous_response_id`), scoped by tenant. A stored
 * response keeps the conversation so far in chat form (without instructions, which OpenAI does
 * not carry along a chain), trimmed by the tenant's history limits in whole turns.
 */
import type { SessionStore, StoredMessage } from '../store/types.js';
import type { JsonObject } from '../providers/types.js';
import { countMessageTokens } from '../store/count-tokens.js';
import { entriesToDrop, startsTurn } from '../store/trim.js';

export const RESPONSE_KIND = 'response';

export interface StoredResponse {
  response: JsonObject;
  messages: StoredMessage[];
}

export async function trimChain(messages: StoredMessage[], limits: { maxMessages: number; maxTokens: number }): Promise<StoredMessage[]> {
  const meta = await Promise.all(messages.map(async (m) => ({ startsTurn: startsTurn(m), tokens: await countMessageTokens(m) })));
  // The newest turn is protected, as in a session.
  let lastTurn = meta.length - 1;
  while (lastTurn > 0 && !meta[lastTurn]?.startsTurn) lastTurn--;
  return messages.slice(entriesToDrop(meta, Math.max(0, lastTurn), limits));
}

export function loadChain(store: SessionStore, tenant: string, id: string): Promise<StoredResponse | null> {
  return store.getDocument<StoredResponse>(tenant, RESPONSE_KIND, id);
}

export function saveChain(store: SessionStore, tenant: string, value: StoredResponse, ttlSeconds: number): Promise<void> {
  return store.putDocument(tenant, RESPONSE_KIND, String(value.response.id), value, ttlSeconds);
}
