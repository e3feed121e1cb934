import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, startGateway, type Gateway } from '../helpers/gateway.js';
import { startRedis } from '../helpers/redis-server.js';
import { createStore } from '../../src/store/index.js';
import { countMessageTokens, messageTokenBound } from '../../src/store/count-tokens.js';
import type { StoredMessage } from '../../src/store/types.js';

type Msg = { role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string };
const sid = () => `s-${Math.random().toString(36).slice(2, 10)}`;

function config(upstreamUrl: string, history: Record<string, unknown> = {}, extraTenant: Record<string, unknown> = {}) {
  return baseConfig(upstreamUrl, {
    tenants: {
      acme: { api_keys: ['key-acme'], models: ['fake'], history: { ttl_seconds: 60, ...history }, ...extraTenant },
      other: { api_keys: ['key-other'], models: ['fake'] },
    },
  });
}

describe.each(['memory', 'redis'] as const)('sessions on the %s store', (kind) => {
  let up: FakeUpstream;
  let gw: Gateway;
  let client: OpenAI;
  const redisUrl = kind === 'redis' ? inject('redisUrl') : undefined;

  const withSession = (id: string) => ({ headers: { 'X-Session-Id': id } });
  const upstreamMessages = (i = -1) => (up.requests.at(i)?.body.messages ?? []) as Msg[];

  beforeAll(async () => {
    up = await startFakeUpstream();
    gw = await startGateway({ config: config(up.url), ...(redisUrl ? { redisUrl } : {}) });
    client = gw.client('key-acme');
  });
  afterAll(async () => {
    await gw.close();
    await up.close();
  });
  afterEach(() => up.reset());

  it('remembers a conversation: the client sends only the new turn', async () => {
    const id = sid();
    up.enqueue({ kind: 'reply', text: 'Nice to meet you, Ada.' }, { kind: 'reply', text: 'Your name is Ada.' });
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'My name is Ada.' }] }, withSession(id));
    const second = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'What is my name?' }] }, withSession(id));
    expect(second.choices[0]?.message.content).toBe('Your name is Ada.');
    expect(upstreamMessages().map((m) => [m.role, m.content])).toEqual([
      ['user', 'My name is Ada.'],
      ['assistant', 'Nice to meet you, Ada.'],
      ['user', 'What is my name?'],
    ]);
    const session = await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
    expect(session).toMatchObject({ id, object: 'session', message_count: 4 });
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000 + 50);
    expect(session.expires_at).toBeLessThan(Date.now() / 1000 + 70);
  });

  it('stores a streamed answer assembled from its deltas', async () => {
    const id = sid();
    up.enqueue({ kind: 'stream', chunks: ['Str', 'eamed ', 'answer'] });
    const stream = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'go' }], stream: true }, withSession(id));
    for await (const _ of stream) void _;
    const session = await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
    expect(session.messages).toEqual([
      { role: 'user', content: 'go' },
      { role: 'assistant', content: 'Streamed answer' },
    ]);
  });

  it('stores tool-call turns and replays them in order', async () => {
    const id = sid();
    up.enqueue({ kind: 'reply', toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"q":"x"}' }], finishReason: 'tool_calls' });
    const first = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'look it up' }] }, withSession(id));
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(call?.id).toBe('call_1');
    up.enqueue({ kind: 'stream', chunks: ['found it'] });
    const stream = await client.chat.completions.create(
      { model: 'fake', messages: [{ role: 'tool', tool_call_id: 'call_1', content: 'result: 42' }], stream: true },
      withSession(id),
    );
    for await (const _ of stream) void _;
    expect(upstreamMessages().map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect((upstreamMessages()[1]?.tool_calls as { id: string }[])[0]?.id).toBe('call_1');
    const session = await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
    expect(session.messages.map((m: Msg) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });

  it('puts the tenant prompt and client system messages before the history', async () => {
    const gw2 = await startGateway({
      config: config(up.url, {}, { system_prompt: { text: 'You serve {{tenant}}.', mode: 'prepend' } }),
      ...(redisUrl ? { redisUrl } : {}),
    });
    try {
      const c = gw2.client('key-acme');
      const id = sid();
      await c.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'one' }] }, withSession(id));
      await c.chat.completions.create({ model: 'fake', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'two' }] }, withSession(id));
      expect(upstreamMessages().map((m) => [m.role, m.content])).toEqual([
        ['system', 'You serve acme.'],
        ['system', 'Be brief.'],
        ['user', 'one'],
        ['assistant', 'echo: one'],
        ['user', 'two'],
      ]);
      const session = await gw2.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
      expect(session.messages.some((m: Msg) => m.role === 'system')).toBe(false);
    } finally {
      await gw2.close();
    }
  });

  it('accepts metadata.session_id and removes it before forwarding', async () => {
    const id = sid();
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'a' }], metadata: { session_id: id } });
    expect(up.requests.at(-1)?.body.metadata).toBeUndefined();
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'b' }], metadata: { session_id: id, trace: 't1' } });
    expect(up.requests.at(-1)?.body.metadata).toEqual({ trace: 't1' });
    expect(upstreamMessages()).toHaveLength(3);
  });

  it('rejects a bad session id with param session_id', async () => {
    const err = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'a' }] }, withSession('bad id!')).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.param).toBe('session_id');
    const err2 = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'a' }], metadata: { session_id: 'x'.repeat(129) } }).catch((e) => e);
    expect(err2.param).toBe('session_id');
    const res = await gw.fetch('/v1/sessions/bad%20id', { key: 'key-acme' });
    expect(res.status).toBe(400);
  });

  it('treats an empty X-Session-Id as absent', async () => {
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'a' }] }, withSession(''));
    expect(upstreamMessages()).toHaveLength(1);
  });

  it('stores nothing for a failed turn', async () => {
    const id = sid();
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'ok' }] }, withSession(id));
    up.enqueue({ kind: 'error', status: 500 });
    await expect(client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'fails' }] }, withSession(id))).rejects.toThrow();
    up.enqueue({ kind: 'stream-then-destroy', chunks: ['half'] });
    const stream = await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'breaks' }], stream: true }, withSession(id));
    await (async () => {
      for await (const _ of stream) void _;
    })().catch(() => undefined);
    const session = await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
    expect(session.message_count).toBe(2);
  });

  it('keeps tenants apart', async () => {
    const id = sid();
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'secret of acme' }] }, withSession(id));
    expect((await gw.fetch(`/v1/sessions/${id}`, { key: 'key-other' })).status).toBe(404);
    await gw.client('key-other').chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'hello' }] }, withSession(id));
    expect(JSON.stringify(upstreamMessages())).not.toContain('secret of acme');
    expect((await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json())).message_count).toBe(2);
  });

  it('deletes a session, then 404s', async () => {
    const id = sid();
    await client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'x' }] }, withSession(id));
    const del = await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme', method: 'DELETE' });
    expect(await del.json()).toEqual({ id, object: 'session.deleted', deleted: true });
    expect((await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme' })).status).toBe(404);
    const again = await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme', method: 'DELETE' });
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe('not_found');
  });

  it('keeps each user message next to its answer under 10 concurrent requests', async () => {
    const id = sid();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: `q${i}` }] }, withSession(id)),
      ),
    );
    const session = await gw.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
    expect(session.message_count).toBe(20);
    for (let i = 0; i < 20; i += 2) {
      const q = session.messages[i] as Msg;
      expect(q.role).toBe('user');
      expect(session.messages[i + 1]).toMatchObject({ role: 'assistant', content: `echo: ${q.content}` });
    }
  });

  it('trims oldest whole turns to max_messages and expires after the TTL', async () => {
    const gw2 = await startGateway({ config: config(up.url, { max_messages: 4, ttl_seconds: 1 }), ...(redisUrl ? { redisUrl } : {}) });
    try {
      const c = gw2.client('key-acme');
      const id = sid();
      for (const q of ['one', 'two', 'three']) await c.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: q }] }, withSession(id));
      const session = await gw2.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
      expect(session.messages.map((m: Msg) => m.content)).toEqual(['two', 'echo: two', 'three', 'echo: three']);
      await new Promise((r) => setTimeout(r, 1300));
      expect((await gw2.fetch(`/v1/sessions/${id}`, { key: 'key-acme' })).status).toBe(404);
    } finally {
      await gw2.close();
    }
  });

  it('trims by tokens with a real tokenizer', async () => {
    const gw2 = await startGateway({ config: config(up.url, { max_tokens: 60 }), ...(redisUrl ? { redisUrl } : {}) });
    try {
      const c = gw2.client('key-acme');
      const id = sid();
      const long = 'lorem ipsum dolor sit amet '.repeat(4).trim();
      for (let i = 0; i < 4; i++) await c.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: `${i} ${long}` }] }, withSession(id));
      const session = await gw2.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
      expect(session.message_count).toBeLessThan(8);
      expect(session.message_count % 2).toBe(0);
      expect((session.messages.at(-2) as Msg).content).toBe(`3 ${long}`);
    } finally {
      await gw2.close();
    }
  });

  // Two short turns are stored with byte bounds; the long ones (whose bounds run about six times
  // their o200k count: " hello" is one token) make bounds pass max_tokens, so everything is
  // counted. With max_tokens at the exact total nothing may be dropped; one less drops the oldest turn.
  it('trims exactly as o200k counts would, after turns were first stored with byte bounds', async () => {
    const turns = ['q0 hi', 'q1 hi', `q2${' hello'.repeat(40)}`, `q3${' hello'.repeat(40)}`];
    const play = async (c: OpenAI, id: string) => {
      for (const content of turns) await c.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content }] }, withSession(id));
    };
    const roomy = sid();
    await play(client, roomy);
    const stored = (await gw.fetch(`/v1/sessions/${roomy}`, { key: 'key-acme' }).then((r) => r.json())).messages as StoredMessage[];
    expect(stored).toHaveLength(8);
    const counts = await Promise.all(stored.map(countMessageTokens));
    const exact = counts.reduce((a, b) => a + b, 0);
    const bound = (messages: StoredMessage[]) => messages.reduce((total, m) => total + messageTokenBound(m), 0);
    expect(bound(stored.slice(0, 4))).toBeLessThan(exact);
    expect(bound(stored)).toBeGreaterThan(2 * exact);

    for (const [maxTokens, kept] of [[exact, 8], [exact - 1, 6]] as const) {
      const gw2 = await startGateway({ config: config(up.url, { max_tokens: maxTokens }), ...(redisUrl ? { redisUrl } : {}) });
      try {
        const id = sid();
        await play(gw2.client('key-acme'), id);
        const session = await gw2.fetch(`/v1/sessions/${id}`, { key: 'key-acme' }).then((r) => r.json());
        expect(session.messages).toEqual(stored.slice(8 - kept));
      } finally {
        await gw2.close();
      }
    }
  });
});

describe('sessions across instances and store outages (Redis)', () => {
  it('two gateway instances on one Redis share a session, and it survives a restart', async () => {
    const up = await startFakeUpstream();
    const redisUrl = inject('redisUrl');
    const store1 = createStore({ redisUrl, keyPrefix: 'shared-test' });
    const store2 = createStore({ redisUrl, keyPrefix: 'shared-test' });
    const a = await startGateway({ config: config(up.url), store: store1 });
    const b = await startGateway({ config: config(up.url), store: store2 });
    try {
      const id = sid();
      await a.client('key-acme').chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'from A' }] }, { headers: { 'X-Session-Id': id } });
      await a.close();
      await b.client('key-acme').chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'from B' }] }, { headers: { 'X-Session-Id': id } });
      expect((up.requests.at(-1)?.body.messages as Msg[]).map((m) => m.content)).toEqual(['from A', 'echo: from A', 'from B']);
    } finally {
      await b.close();
      await store1.close();
      await store2.close();
      await up.close();
    }
  });

  it('fails with 503 store_unavailable, or continues without history, and recovers without a restart', async () => {
    const up = await startFakeUpstream();
    const redis = await startRedis();
    const store = createStore({ redisUrl: redis.url, keyPrefix: 'outage' });
    const gw = await startGateway({
      config: baseConfig(up.url, {
        tenants: {
          strict: { api_keys: ['k-strict'], models: ['fake'] },
          lenient: { api_keys: ['k-lenient'], models: ['fake'], history: { on_store_error: 'continue' } },
        },
      }),
      store,
    });
    const ask = (key: string, content: string, id: string) =>
      gw.client(key).chat.completions.create({ model: 'fake', messages: [{ role: 'user', content }] }, { headers: { 'X-Session-Id': id } }).withResponse();
    try {
      const id = sid();
      await ask('k-strict', 'before', id);
      await redis.stop();
      const err = await ask('k-strict', 'during', id).catch((e) => e);
      expect(err.status).toBe(503);
      expect(err.code).toBe('store_unavailable');
      const lenient = await ask('k-lenient', 'during', id);
      expect(lenient.data.choices[0]?.message.content).toBe('echo: during');
      expect(lenient.response.headers.get('x-sluice-session')).toBe('unavailable');
      expect((await gw.fetch('/readyz', { key: null })).status).toBe(503);
      await redis.restart();
      let ok = false;
      for (let i = 0; i < 40 && !ok; i++) {
        ok = await ask('k-strict', 'after', sid()).then(() => true, () => false);
        if (!ok) await new Promise((r) => setTimeout(r, 250));
      }
      expect(ok).toBe(true);
    } finally {
      await gw.close();
      await store.close();
      await redis.stop();
      await up.close();
    }
  });
});
