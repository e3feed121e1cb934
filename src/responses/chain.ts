/**
 * Stored responses and their chains (`previous_response_id`), scoped by tenant. A stored
 * response keeps the conversation so far in chat form (without instructions, which OpenAI does
 * not carry along a chain), trimmed by the tenant's history limits in whole turns.
 */
import type { SessionStore, StoredMessage } from '../store/types.js';
import type { JsonObject } from '../providers/types.js';
import { countMessageTokensWith, loadTokenCounter, messageTokenBound } from '../store/count-tokens.js';
import { entriesToDrop, startsTurn, type EntryMeta } from '../store/trim.js';

export const RESPONSE_KIND = 'response';

export interface StoredResponse {
  response: JsonObject;
  messages: StoredMessage[];
}

/**
 * Messages with their turn and token metadata, so a chain is counted once per request. Tokens
 * start as UTF-8 byte bounds and are counted exactly only when bounds could pass the limit, as in
 * a session (see store/trim.ts).
 */
export interface CountedChain {
  messages: StoredMessage[];
  meta: EntryMeta[];
}

export function chainOf(messages: StoredMessage[]): CountedChain {
  return { messages, meta: messages.map((m) => ({ startsTurn: startsTurn(m), tokens: messageTokenBound(m), exact: false })) };
}

/** Drops oldest whole turns to the limits; the newest turn is protected, as in a session. */
export async function trimChain(chain: CountedChain, limits: { maxMessages: number; maxTokens: number }): Promise<CountedChain> {
  let total = 0;
  for (const entry of chain.meta) total += entry.tokens;
  if (total > limits.maxTokens && chain.meta.some((entry) => !entry.exact)) {
    const countText = await loadTokenCounter();
    const meta = chain.meta.map((entry, i) =>
      entry.exact ? entry : { ...entry, tokens: countMessageTokensWith(countText, chain.messages[i] as StoredMessage), exact: true },
    );
    chain = { messages: chain.messages, meta };
  }
  let lastTurn = chain.meta.length - 1;
  while (lastTurn > 0 && !chain.meta[lastTurn]?.startsTurn) lastTurn--;
  const drop = entriesToDrop(chain.meta, Math.max(0, lastTurn), limits);
  return { messages: chain.messages.slice(drop), meta: chain.meta.slice(drop) };
}

export function joinChains(a: CountedChain, b: CountedChain): CountedChain {
  return { messages: [...a.messages, ...b.messages], meta: [...a.meta, ...b.meta] };
}

export function loadChain(store: SessionStore, tenant: string, id: string): Promise<StoredResponse | null> {
  return store.getDocument<StoredResponse>(tenant, RESPONSE_KIND, id);
}

export function saveChain(store: SessionStore, tenant: string, value: StoredResponse, ttlSeconds: number): Promise<void> {
  return store.putDocument(tenant, RESPONSE_KIND, String(value.response.id), value, ttlSeconds);
}
