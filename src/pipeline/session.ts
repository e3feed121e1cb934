/**
 * Server-side history. With a session id the client sends only the new turn; history is loaded
 * in one round trip and the turn (new non-system messages + the answer) is appended atomically
 * in one more, only after a successful completion.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { invalidRequest, storeUnavailable } from '../errors.js';
import type { JsonObject } from '../providers/types.js';
import type { SessionStore, StoredMessage } from '../store/types.js';
import type { ChatContext } from './context.js';

export const SESSION_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

export function checkSessionId(id: string): string {
  if (!SESSION_ID_RE.test(id)) {
    throw invalidRequest('Invalid session id: use 1-128 characters of [A-Za-z0-9._:-].', 'session_id', 'invalid_session_id');
  }
  return id;
}

/**
 * The session id from `X-Session-Id` (an empty header counts as absent) or `metadata.session_id`,
 * which is removed before forwarding (and `metadata` with it when it is left empty).
 */
export function takeSessionId(header: string | string[] | undefined, body: JsonObject): string | undefined {
  const meta = body.metadata;
  let fromBody: unknown;
  if (meta && typeof meta === 'object' && !Array.isArray(meta) && 'session_id' in meta) {
    fromBody = (meta as JsonObject).session_id;
    delete (meta as JsonObject).session_id;
    if (Object.keys(meta).length === 0) delete body.metadata;
  }
  const h = Array.isArray(header) ? header[0] : header;
  if (h !== undefined && h !== '') return checkSessionId(h);
  if (fromBody === undefined || fromBody === null) return undefined;
  if (typeof fromBody !== 'string') throw invalidRequest('metadata.session_id must be a string.', 'session_id', 'invalid_session_id');
  return checkSessionId(fromBody);
}

export interface SessionState {
  id: string;
  history: StoredMessage[];
  /** The history's stored token figures, summed (see SessionStore.appendTurn). */
  historyTokens: number;
  /** false when the store failed and the tenant continues without history. */
  available: boolean;
}

export async function loadSession(ctx: ChatContext, store: SessionStore, id: string): Promise<SessionState> {
  try {
    const snap = await store.load(ctx.tenant.name, id);
    return { id, history: snap?.messages ?? [], historyTokens: snap?.tokens ?? 0, available: true };
  } catch (err) {
    if (ctx.tenant.config.history.on_store_error === 'fail') throw storeUnavailable(err);
    ctx.log.warn({ err, session: id }, 'session store unavailable: serving without history');
    ctx.headers['x-sluice-session'] = 'unavailable';
    return { id, history: [], historyTokens: 0, available: false };
  }
}

/** Saves the turn. With `on_store_error: fail` a failed save is the request's failure. */
export async function saveTurn(ctx: ChatContext, store: SessionStore, session: Omit<SessionState, 'history'>, turn: StoredMessage[]): Promise<void> {
  if (!session.available) return;
  const h = ctx.tenant.config.history;
  try {
    const limits = { maxMessages: h.max_messages, maxTokens: h.max_tokens, ttlSeconds: h.ttl_seconds };
    await store.appendTurn(ctx.tenant.name, session.id, turn, limits, session.historyTokens);
  } catch (err) {
    if (h.on_store_error === 'fail') throw storeUnavailable(err);
    ctx.log.warn({ err, session: session.id }, 'session store unavailable: turn not saved');
  }
}

/** The assistant message to store from a non-streamed answer (first choice). */
export function storedAnswer(message: JsonObject | undefined): StoredMessage {
  const out: StoredMessage = { role: 'assistant', content: (message?.content as string | null | undefined) ?? null };
  const calls = message?.tool_calls;
  if (Array.isArray(calls) && calls.length > 0) out.tool_calls = calls;
  return out;
}

interface ToolCallAcc {
  id?: string;
  type: string;
  function: { name: string; arguments: string };
}

/** Rebuilds the first choice's assistant message from stream deltas (content and tool calls). */
export class AnswerAssembler {
  private content = '';
  private sawContent = false;
  private readonly calls: ToolCallAcc[] = [];

  add(chunk: ChatCompletionChunk): void {
    for (const choice of chunk.choices ?? []) {
      if (choice.index !== 0) continue;
      const d = choice.delta;
      if (!d) continue;
      if (typeof d.content === 'string') {
        this.content += d.content;
        this.sawContent = true;
      }
      for (const tc of d.tool_calls ?? []) {
        const slot = (this.calls[tc.index] ??= { type: 'function', function: { name: '', arguments: '' } });
        if (tc.id) slot.id = tc.id;
        if (tc.type) slot.type = tc.type;
        if (tc.function?.name) slot.function.name += tc.function.name;
        if (tc.function?.arguments) slot.function.arguments += tc.function.arguments;
      }
    }
  }

  message(): StoredMessage {
    const calls = this.calls.filter(Boolean);
    const out: StoredMessage = { role: 'assistant', content: this.sawContent || calls.length === 0 ? this.content : null };
    if (calls.length > 0) out.tool_calls = calls;
    return out;
  }
}
