/** Operational surface: metrics behind a token, draining, content logging only when asked. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { baseConfig, DEMO_KEY, startGateway } from '../helpers/gateway.js';
import { buildApp } from '../../src/app.js';
import { buildRuntime } from '../../src/config/runtime.js';
import { loadConfig } from '../../src/config/load.js';
import { createStore } from '../../src/store/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

let up: FakeUpstream;
beforeAll(async () => {
  up = await startFakeUpstream();
});
afterAll(async () => {
  await up.close();
});

describe('metrics token', () => {
  it('guards /metrics when server.metrics_token is set', async () => {
    const gw = await startGateway({ config: baseConfig(up.url, { server: { metrics_token: 'm-secret' } }) });
    try {
      expect((await gw.fetch('/metrics', { key: null })).status).toBe(401);
      expect((await gw.fetch('/metrics', { key: 'wrong' })).status).toBe(401);
      const ok = await gw.fetch('/metrics', { key: 'm-secret' });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('sluice_requests_total');
    } finally {
      await gw.close();
    }
  });
});

describe('draining', () => {
  it('answers 503 shutting_down to new /v1 requests and 503 on /readyz', async () => {
    const gw = await startGateway({ config: baseConfig(up.url) });
    try {
      gw.app.draining = true;
      const res = await gw.fetch('/v1/models');
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('shutting_down');
      expect((await gw.fetch('/readyz', { key: null })).status).toBe(503);
      expect((await gw.fetch('/healthz', { key: null })).status).toBe(200);
    } finally {
      await gw.close();
    }
  });
});

async function logsOf(config: Record<string, unknown>, content: string, stream = false): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-log-'));
  const file = join(dir, 'gateway.yaml');
  writeFileSync(file, stringify(config));
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const store = createStore({ keyPrefix: 'logs' });
  const app = await buildApp({ runtime: { current: buildRuntime(loadConfig(file)) }, store, loggerInstance: pino({ level: 'info' }, sink) });
  try {
    await app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { authorization: `Bearer ${DEMO_KEY}` }, payload: { model: 'echo', messages: [{ role: 'user', content }], stream } });
  } finally {
    await app.close();
    await store.close();
  }
  return lines.join('');
}

describe('logs', () => {
  it('hold no key and no message content by default, and content when log_content is on', async () => {
    const quiet = await logsOf(baseConfig(up.url), 'a very private sentence');
    expect(quiet).toContain('"msg":"request"');
    expect(quiet).not.toContain('a very private sentence');
    expect(quiet).not.toContain(DEMO_KEY);
    const loud = await logsOf(baseConfig(up.url, { server: { log_content: true } }), 'a very private sentence');
    expect(loud).toContain('a very private sentence');
    expect(loud).not.toContain(DEMO_KEY);
  });

  it('hold a streamed request\'s messages when log_content is on, though the stream lets go of them', async () => {
    const loud = await logsOf(baseConfig(up.url, { server: { log_content: true } }), 'a streamed private sentence', true);
    const line = loud.split('\n').find((l) => l.includes('"msg":"request"'));
    expect(JSON.parse(line ?? '{}').content?.messages).toEqual([{ role: 'user', content: 'a streamed private sentence' }]);
  });
});
