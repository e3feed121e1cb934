import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countMessageTokens, messageTokenBound } from '../../src/store/count-tokens.js';
import { InvalidKeyPartError } from '../../src/store/keys.js';
import { MemoryStore } from '../../src/store/memory.js';
import { RedisStore } from '../../src/store/redis.js';
import type { HistoryLimits, SessionStore, StoredMessage } from '../../src/store/types.js';
import { startRedis } from '../helpers/redis-server.js';

const user = (content: string): StoredMessage => ({ role: 'user', content });
const assistant = (content: string): StoredMessage => ({ role: 'assistant', content });
const toolCall = (id: string, name: string): StoredMessage => ({
  role: 'assistant',
  content: null,
  tool_calls: [{ id, type: 'function', function: { name, arguments: '{"city":"Oslo"}' } }],
});
const toolResult = (id: string, content: string): StoredMessage => ({ role: 'tool', tool_call_id: id, content });

const roomy: HistoryLimits = { maxMessages: 1000, maxTokens: 1_000_000, ttlSeconds: 60 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newSession = () => `s-${randomUUID()}`;

function contents(messages: StoredMessage[]): unknown[] {
  return messages.map((message) => message.content);
}

interface OpenedStore {
  store: SessionStore;
  dispose(): Promise<void>;
}

/** The contract every SessionStore implementation must honour. */
function describeSessionStore(name: string, open: () => Promise<OpenedStore>): void {
  describe(name, () => {
    let opened: OpenedStore;
    let store: SessionStore;
    const tenant = 'acme';

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    });
    afterAll(async () => {
      await opened.dispose();
    });

    it('returns null for an unknown session', async () => {
      expect(await store.load(tenant, newSession())).toBeNull();
    });

    it('loads appended turns oldest first with their expiry', async () => {
      const session = newSession();
      await store.appendTurn(tenant, session, [user('hi'), assistant('hello')], roomy);
      await store.appendTurn(tenant, session, [user('how are you?'), assistant('fine')], roomy);
      const snapshot = await store.load(tenant, session);
      expect(contents(snapshot?.messages ?? [])).toEqual(['hi', 'hello', 'how are you?', 'fine']);
      const now = Date.now() / 1000;
      expect(snapshot?.expiresAt).toBeGreaterThanOrEqual(Math.floor(now + 58));
      expect(snapshot?.expiresAt).toBeLessThanOrEqual(Math.ceil(now + 60));
    });

    it('keeps every field of a message verbatim', async () => {
      const session = newSession();
      const call = toolCall('call_1', 'weather');
      const result = toolResult('call_1', '{"temp":3}');
      const parts: StoredMessage = { role: 'user', content: [{ type: 'text', text: 'look' }], name: 'ann' };
      await store.appendTurn(tenant, session, [parts, call, result], roomy);
      expect((await store.load(tenant, session))?.messages).toEqual([parts, call, result]);
    });

    it('drops the oldest whole turns when the message limit is exceeded', async () => {
      const session = newSession();
      const limits = { ...roomy, maxMessages: 5 };
      for (let i = 1; i <= 4; i++) await store.appendTurn(tenant, session, [user(`q${i}`), assistant(`a${i}`)], limits);
      expect(contents((await store.load(tenant, session))?.messages ?? [])).toEqual(['q3', 'a3', 'q4', 'a4']);
    });

    it('drops a tool-call turn as a whole, never leaving an orphan tool result', async () => {
      const session = newSession();
      const limits = { ...roomy, maxMessages: 5 };
      await store.appendTurn(tenant, session, [user('weather?'), toolCall('c1', 'weather'), toolResult('c1', '3C'), assistant('3C')], roomy);
      await store.appendTurn(tenant, session, [user('q2'), assistant('a2')], roomy);
      await store.appendTurn(tenant, session, [user('q3'), assistant('a3')], limits);
      const messages = (await store.load(tenant, session))?.messages ?? [];
      expect(contents(messages)).toEqual(['q2', 'a2', 'q3', 'a3']);
    });

    it('never splits a turn that the append continues (tool results for a stored call)', async () => {
      const session = newSession();
      await store.appendTurn(tenant, session, [user('weather?'), toolCall('c1', 'weather')], roomy);
      await store.appendTurn(tenant, session, [toolResult('c1', '3C'), assistant('3C')], { ...roomy, maxMessages: 2 });
      const roles = (await store.load(tenant, session))?.messages.map((message) => message.role);
      expect(roles).toEqual(['user', 'assistant', 'tool', 'assistant']);
    });

    it('keeps the appended turn even when it alone exceeds both limits', async () => {
      const session = newSession();
      await store.appendTurn(tenant, session, [user('old'), assistant('old answer')], roomy);
      await store.appendTurn(tenant, session, [user('q'), toolCall('c', 'f'), toolResult('c', 'r'), assistant('a')], {
        ...roomy,
        maxMessages: 1,
        maxTokens: 1,
      });
      expect(contents((await store.load(tenant, session))?.messages ?? [])).toEqual(['q', null, 'r', 'a']);
    });

    it('drops the oldest whole turns when the token limit is exceeded', async () => {
      const session = newSession();
      const turns = [1, 2, 3].map((i) => [user(`question ${i} `.repeat(20)), assistant(`answer ${i} `.repeat(30))]);
      const turnTokens = await Promise.all(
        turns.map(async (turn) => (await Promise.all(turn.map(countMessageTokens))).reduce((a, b) => a + b, 0)),
      );
      // Room for exactly the last two turns.
      const limits = { ...roomy, maxTokens: (turnTokens[1] ?? 0) + (turnTokens[2] ?? 0) };
      for (const turn of turns) await store.appendTurn(tenant, session, turn, limits);
      const messages = (await store.load(tenant, session))?.messages ?? [];
      expect(contents(messages)).toEqual([...contents(turns[1] ?? []), ...contents(turns[2] ?? [])]);
    });

    /** What the chat pipeline does: load, then append with the loaded history's token figure. */
    const appendAfterLoad = async (session: string, turn: StoredMessage[], limits: HistoryLimits) => {
      const snapshot = await store.load(tenant, session);
      await store.appendTurn(tenant, session, turn, limits, snapshot?.tokens ?? 0);
    };
    const exactTokens = async (turn: StoredMessage[]) => (await Promise.all(turn.map(countMessageTokens))).reduce((a, b) => a + b, 0);
    // " hello" is one token of six bytes: byte bounds run about six times the exact count.
    const wordy = (i: number): StoredMessage[] => [user(`q${i}${' hello'.repeat(40)}`), assistant(`a${i}${' hello'.repeat(60)}`)];

    it('keeps turns whose byte bounds pass the token limit while their exact count does not', async () => {
      const session = newSession();
      const turns = [1, 2, 3].map(wordy);
      const counts = await Promise.all(turns.map(exactTokens));
      const limits = { ...roomy, maxTokens: counts.reduce((a, b) => a + b, 0) };
      for (const turn of turns) await appendAfterLoad(session, turn, limits);
      const snapshot = await store.load(tenant, session);
      expect(contents(snapshot?.messages ?? [])).toEqual(contents(turns.flat()));
      // Once bounds could pass the limit every stored figure is exact again.
      expect(snapshot?.tokens).toBe(limits.maxTokens);
    });

    it('trims by exact counts after turns were first stored with bounds', async () => {
      const session = newSession();
      const turns = [1, 2, 3, 4].map(wordy);
      const counts = await Promise.all(turns.map(exactTokens));
      // Room for the last two turns and one token less than the last three: turn 2 must go too.
      const limits = { ...roomy, maxTokens: (counts[1] ?? 0) + (counts[2] ?? 0) + (counts[3] ?? 0) - 1 };
      await appendAfterLoad(session, turns[0] ?? [], { ...limits, maxTokens: 1_000_000 });
      await appendAfterLoad(session, turns[1] ?? [], { ...limits, maxTokens: 1_000_000 });
      for (const turn of turns.slice(2)) await appendAfterLoad(session, turn, limits);
      const messages = (await store.load(tenant, session))?.messages ?? [];
      expect(contents(messages)).toEqual(contents([...(turns[2] ?? []), ...(turns[3] ?? [])]));
    });

    it('counts exactly when the history grew between its load and the append', async () => {
      const session = newSession();
      const turns = [1, 2, 3].map(wordy);
      const bound = turns[0]?.reduce((total, message) => total + messageTokenBound(message), 0) ?? 0;
      await appendAfterLoad(session, turns[0] ?? [], roomy);
      const stale = (await store.load(tenant, session))?.tokens ?? 0;
      expect(stale).toBe(bound);
      await appendAfterLoad(session, turns[1] ?? [], roomy);
      // By the stale figure bounds fit (2 turns); by what is stored they do not (3), by exact counts
      // all three turns fit easily.
      const limits = { ...roomy, maxTokens: Math.floor(2.5 * bound) };
      expect(await exactTokens(turns.flat())).toBeLessThan(limits.maxTokens);
      await store.appendTurn(tenant, session, turns[2] ?? [], limits, stale);
      expect(contents((await store.load(tenant, session))?.messages ?? [])).toEqual(contents(turns.flat()));
    });

    it('treats infinite limits as unbounded', async () => {
      const session = newSession();
      const limits = { ...roomy, maxMessages: Infinity, maxTokens: Infinity };
      for (let i = 0; i < 3; i++) await store.appendTurn(tenant, session, [user(`q${i}`), assistant(`a${i}`)], limits);
      expect((await store.load(tenant, session))?.messages).toHaveLength(6);
    });

    it('forgets a session once its TTL has passed', async () => {
      const session = newSession();
      await store.appendTurn(tenant, session, [user('q'), assistant('a')], { ...roomy, ttlSeconds: 1 });
      await sleep(1300);
      expect(await store.load(tenant, session)).toBeNull();
    });

    it('refreshes the TTL on every append', async () => {
      const session = newSession();
      const limits = { ...roomy, ttlSeconds: 1 };
      await store.appendTurn(tenant, session, [user('q1'), assistant('a1')], limits);
      await sleep(700);
      await store.appendTurn(tenant, session, [user('q2'), assistant('a2')], limits);
      await sleep(700);
      expect((await store.load(tenant, session))?.messages).toHaveLength(4);
    });

    it('refreshes the TTL on touch', async () => {
      const session = newSession();
      await store.appendTurn(tenant, session, [user('q'), assistant('a')], { ...roomy, ttlSeconds: 1 });
      await sleep(700);
      await store.touch(tenant, session, 5);
      await sleep(700);
      const snapshot = await store.load(tenant, session);
      expect(snapshot?.messages).toHaveLength(2);
      expect(snapshot?.expiresAt).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 3);
    });

    it('does not create a session on touch', async () => {
      const session = newSession();
      await store.touch(tenant, session, 60);
      expect(await store.load(tenant, session)).toBeNull();
    });

    it('isolates tenants that use the same session id', async () => {
      const session = newSession();
      await store.appendTurn('tenant-a', session, [user('from a'), assistant('to a')], roomy);
      await store.appendTurn('tenant-b', session, [user('from b'), assistant('to b')], roomy);
      expect(contents((await store.load('tenant-a', session))?.messages ?? [])).toEqual(['from a', 'to a']);
      expect(await store.delete('tenant-a', session)).toBe(true);
      expect(contents((await store.load('tenant-b', session))?.messages ?? [])).toEqual(['from b', 'to b']);
    });

    it('keeps session ids containing a colon apart from their prefixes', async () => {
      const base = newSession();
      await store.appendTurn(tenant, `${base}:x`, [user('colon'), assistant('a')], roomy);
      expect(await store.load(tenant, base)).toBeNull();
      expect(await store.load(tenant, `${base}:x`)).not.toBeNull();
    });

    it('rejects a tenant name that could alias another tenant', async () => {
      await expect(store.load('acme:other', 'x')).rejects.toBeInstanceOf(InvalidKeyPartError);
    });

    it('deletes a session and reports whether it existed', async () => {
      const session = newSession();
      await store.appendTurn(tenant, session, [user('q'), assistant('a')], roomy);
      expect(await store.delete(tenant, session)).toBe(true);
      expect(await store.load(tenant, session)).toBeNull();
      expect(await store.delete(tenant, session)).toBe(false);
    });

    it('stores, scopes and deletes documents', async () => {
      const id = `resp_${randomUUID()}`;
      const value = { id, output: [{ type: 'message', text: 'hi' }], usage: { total: 3 } };
      await store.putDocument(tenant, 'response', id, value, 60);
      expect(await store.getDocument(tenant, 'response', id)).toEqual(value);
      expect(await store.getDocument('other-tenant', 'response', id)).toBeNull();
      expect(await store.getDocument(tenant, 'conversation', id)).toBeNull();
      expect(await store.deleteDocument(tenant, 'response', id)).toBe(true);
      expect(await store.getDocument(tenant, 'response', id)).toBeNull();
      expect(await store.deleteDocument(tenant, 'response', id)).toBe(false);
    });

    it('expires documents after their TTL', async () => {
      const id = `resp_${randomUUID()}`;
      await store.putDocument(tenant, 'response', id, { ok: true }, 1);
      await sleep(1300);
      expect(await store.getDocument(tenant, 'response', id)).toBeNull();
    });

    it('does not let callers mutate stored messages or documents', async () => {
      const session = newSession();
      const question = user('original');
      await store.appendTurn(tenant, session, [question, assistant('a')], roomy);
      question.content = 'mutated after append';
      const loaded = await store.load(tenant, session);
      const first = loaded?.messages[0];
      if (first) first.content = 'mutated after load';
      expect((await store.load(tenant, session))?.messages[0]?.content).toBe('original');

      const id = `doc_${randomUUID()}`;
      const document = { list: [1, 2] };
      await store.putDocument(tenant, 'response', id, document, 60);
      document.list.push(3);
      const fetched = await store.getDocument<{ list: number[] }>(tenant, 'response', id);
      fetched?.list.push(4);
      expect(await store.getDocument(tenant, 'response', id)).toEqual({ list: [1, 2] });
    });

    it('applies concurrent appends on one session as whole turns', async () => {
      const session = newSession();
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.appendTurn(tenant, session, [user(`q${i}`), assistant(`a${i}`)], roomy)),
      );
      const messages = (await store.load(tenant, session))?.messages ?? [];
      expect(messages).toHaveLength(20);
      for (let i = 0; i < messages.length; i += 2) {
        const question = String(messages[i]?.content);
        expect(question).toMatch(/^q\d$/);
        expect(messages[i + 1]?.content).toBe(question.replace('q', 'a'));
      }
      expect(new Set(messages.map((message) => message.content)).size).toBe(20);
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

describeSessionStore('memory store', async () => {
  const store = new MemoryStore({ keyPrefix: 'test' });
  return { store, dispose: () => store.close() };
});

describeSessionStore('redis store', async () => {
  const store = new RedisStore({ url: inject('redisUrl'), keyPrefix: `test-${randomUUID()}` });
  return { store, dispose: () => store.close() };
});

describeSessionStore('redis cluster store', async () => {
  const server = await startRedis({ cluster: true });
  const store = new RedisStore({ clusterNodes: [`127.0.0.1:${server.port}`], keyPrefix: 'test' });
  return {
    store,
    async dispose() {
      await store.close();
      await server.stop();
    },
  };
});
