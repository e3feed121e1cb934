/**
 * Builds a real gateway (config file on disk → loadConfig → buildApp → listen on port 0) and an
 * official `openai` SDK client pointed at it.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { buildApp, type RuntimeHolder } from '../../src/app.js';
import { loadConfig } from '../../src/config/load.js';
import { buildRuntime, closeRuntime } from '../../src/config/runtime.js';
import { createStore } from '../../src/store/index.js';
import type { SessionStore } from '../../src/store/types.js';

/** Test responses are read loosely: assertions check their shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface Gateway {
  app: FastifyInstance;
  url: string;
  baseURL: string;
  store: SessionStore;
  holder: RuntimeHolder;
  configFile: string;
  client(apiKey?: string, opts?: Partial<ConstructorParameters<typeof OpenAI>[0]>): OpenAI;
  /** Raw HTTP to the gateway. */
  fetch(path: string, init?: RequestInit & { json?: unknown; key?: string | null }): Promise<LooseResponse>;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** The config as an object (written as YAML) or YAML text. */
  config: Record<string, unknown> | string;
  /** Extra files beside the config, e.g. `{ 'policies/finance.yaml': '...' }`. */
  files?: Record<string, string>;
  store?: SessionStore;
  redisUrl?: string;
  env?: NodeJS.ProcessEnv;
}

export const DEMO_KEY = 'sk-test-demo';

/** A minimal config with one tenant that may use `fake` (the fake upstream) and `echo`. */
export function baseConfig(upstreamUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    providers: {
      fake: { base_url: upstreamUrl, api_key: 'sk-upstream-secret', max_retries: 0 },
      demo: { type: 'echo' },
    },
    models: {
      fake: { targets: [{ provider: 'fake', model: 'fake-upstream-model' }] },
      echo: { targets: [{ provider: 'demo', model: 'echo' }] },
    },
    tenants: { acme: { api_keys: [DEMO_KEY], models: ['fake', 'echo'] } },
    ...extra,
  };
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-test-'));
  const configFile = join(dir, 'gateway.yaml');
  writeFileSync(configFile, typeof opts.config === 'string' ? opts.config : stringify(opts.config));
  for (const [name, text] of Object.entries(opts.files ?? {})) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const loaded = loadConfig(configFile, opts.env ?? process.env);
  const store = opts.store ?? createStore({ ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}), keyPrefix: `t${Math.random().toString(36).slice(2, 8)}` });
  const holder: RuntimeHolder = { current: buildRuntime(loaded) };
  const app = await buildApp({ runtime: holder, store, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    baseURL: `${url}/v1`,
    store,
    holder,
    configFile,
    client: (apiKey = DEMO_KEY, extra = {}) => new OpenAI({ apiKey, baseURL: `${url}/v1`, maxRetries: 0, timeout: 15_000, ...extra }),
    fetch: (path, init = {}) => {
      const { json, key, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== null) headers.set('authorization', `Bearer ${key ?? DEMO_KEY}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${url}${path}`, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}) });
    },
    close: async () => {
      await app.close();
      await closeRuntime(holder.current);
      if (!opts.store) await store.close();
    },
  };
}
