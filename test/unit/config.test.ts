import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { expandEnv } from '../../src/config/expand.js';
import { buildRuntime, sha256 } from '../../src/config/runtime.js';
import { findTenant } from '../../src/auth.js';

function write(yaml: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-cfg-'));
  const file = join(dir, 'gateway.yaml');
  writeFileSync(file, yaml);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return file;
}

function problems(file: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    loadConfig(file, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => `${p.path}: ${p.reason}`);
    throw err;
  }
  return [];
}

const MINIMAL = `
providers:
  demo: { type: echo }
models:
  echo: { targets: [ { provider: demo, model: echo } ] }
tenants:
  demo: { api_keys: [ sk-demo ], models: [ echo ] }
`;

describe('environment expansion', () => {
  it('expands ${VAR} and ${VAR:-default} and records unset variables with their path', () => {
    const missing: { name: string; path: string }[] = [];
    const out = expandEnv({ a: '${A}', b: 'x-${B:-dflt}-y', c: ['${C}'] }, { A: 'one' }, missing);
    expect(out).toEqual({ a: 'one', b: 'x-dflt-y', c: [''] });
    expect(missing).toEqual([{ name: 'C', path: 'c.0' }]);
  });

  it('never injects YAML structure from a variable', () => {
    const file = write(`${MINIMAL}\nserver: { host: "\${H}" }\n`);
    const cfg = loadConfig(file, { H: '0.0.0.0\nport: 1' }).config;
    expect(cfg.server.host).toBe('0.0.0.0\nport: 1');
    expect(cfg.server.port).toBe(8080);
  });

  it('accepts numeric strings for numeric fields, and PORT/HOST/REDIS_URL override the file', () => {
    const file = write(`${MINIMAL}\nserver: { port: "\${P:-9000}", body_limit: "2048" }\n`);
    expect(loadConfig(file, {}).config.server.port).toBe(9000);
    expect(loadConfig(file, {}).config.server.body_limit).toBe(2048);
    const over = loadConfig(file, { PORT: '7000', HOST: '0.0.0.0', REDIS_URL: 'redis://r:6379' }).config;
    expect(over.server.port).toBe(7000);
    expect(over.server.host).toBe('0.0.0.0');
    expect(over.store.redis_url).toBe('redis://r:6379');
  });
});

describe('validation names the file, the YAML path and the reason', () => {
  it('reports a wrong type deep in a tenant with its dotted path and line', () => {
    const file = write(`${MINIMAL}
  other:
    api_keys: [ k ]
    sampling:
      temperature: { max: hot }
`);
    try {
      loadConfig(file, {});
      expect.unreachable();
    } catch (err) {
      const e = err as ConfigError;
      expect(e.problems[0]?.path).toBe('tenants.other.sampling.temperature.max');
      expect(e.problems[0]?.file).toContain('gateway.yaml');
      expect(e.problems[0]?.line).toBe(12);
      expect(e.message).toContain('gateway.yaml: tenants.other.sampling.temperature.max (line 12)');
    }
  });

  it('reports every problem, not just the first', () => {
    const file = write(`
providers:
  p: { base_url: "not a url" }
models:
  m: { targets: [ { provider: missing, model: x } ] }
tenants:
  t: { api_keys: [ k ], models: [ nope ], guardrails: [ ghost ], surprise: 1 }
`);
    const list = problems(file);
    expect(list.some((p) => p.startsWith('providers.p.base_url'))).toBe(true);
    expect(list.some((p) => p.startsWith('tenants.t') && p.includes('surprise'))).toBe(true);
  });

  it('reports cross references: unknown provider, model and policy', () => {
    const file = write(`
providers:
  p: { type: echo }
models:
  m: { targets: [ { provider: missing, model: x } ] }
tenants:
  t: { api_keys: [ k ], models: [ nope ], guardrails: [ ghost ] }
`);
    const list = problems(file);
    expect(list).toContain("models.m.targets.0.provider: unknown provider 'missing'");
    expect(list).toContain("tenants.t.models.0: unknown model 'nope'");
    expect(list).toContain("tenants.t.guardrails.0: unknown policy 'ghost'");
  });

  it('reports YAML syntax errors with a line', () => {
    const file = write('tenants: [ unclosed\n');
    try {
      loadConfig(file, {});
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems[0]?.reason).toMatch(/^YAML/);
    }
  });

  it('rejects tenant names outside [A-Za-z0-9_-]', () => {
    const file = write(`${MINIMAL}\n  "bad name": { api_keys: [ k ] }\n`);
    expect(problems(file).join('\n')).toContain('tenant names');
  });

  it('reads policy files beside the config and reports problems in their own file', () => {
    const withPolicy = MINIMAL.replace('models: [ echo ] }', 'models: [ echo ], guardrails: [ strict ] }');
    const ok = write(withPolicy, { 'policies/strict.yaml': 'on_block: error\nwords: { words: [ forbidden ] }\n' });
    expect(loadConfig(ok, {}).config.policies.strict?.on_block).toBe('error');
    const bad = write(withPolicy, { 'policies/strict.yaml': 'on_block: explode\n' });
    try {
      loadConfig(bad, {});
      expect.unreachable();
    } catch (err) {
      const p = (err as ConfigError).problems[0];
      expect(p?.file).toContain('strict.yaml');
      expect(p?.path).toBe('on_block');
    }
  });

  it('accepts the SPEC example config as shipped', () => {
    const file = join(process.cwd(), 'config', 'gateway.yaml');
    const loaded = loadConfig(file, {});
    expect(loaded.config.tenants.demo?.api_keys).toContain('sk-sluice-demo');
    expect(loaded.missingVars.map((v) => v.name)).toContain('OPENAI_API_KEY');
  });
});

describe('tenant keys', () => {
  it('matches plain and sha256: keys, and never an empty key from an unset variable', () => {
    const digest = sha256('secret-two').toString('hex');
    const file = write(`
providers: { demo: { type: echo } }
models: { echo: { targets: [ { provider: demo, model: echo } ] } }
tenants:
  a: { api_keys: [ "secret-one", "\${UNSET_KEY}" ], models: [ echo ] }
  b: { api_keys: [ "sha256:${digest}" ], models: [ echo ] }
`);
    const rt = buildRuntime(loadConfig(file, {}));
    expect(findTenant(rt, 'secret-one')?.name).toBe('a');
    expect(findTenant(rt, 'secret-two')?.name).toBe('b');
    expect(findTenant(rt, `sha256:${digest}`)).toBeUndefined();
    expect(findTenant(rt, '')).toBeUndefined();
    expect(findTenant(rt, 'secret-three')).toBeUndefined();
  });

  it('merges sampling_by_model key by key', () => {
    const file = write(`
providers: { demo: { type: echo } }
models: { echo: { targets: [ { provider: demo, model: echo } ] } }
tenants:
  a:
    api_keys: [ k ]
    models: [ echo ]
    sampling: { temperature: { min: 0, max: 0.3, default: 0.1 }, top_p: { max: 0.9 } }
    sampling_by_model: { echo: { temperature: { max: 1.0 } } }
`);
    const rt = buildRuntime(loadConfig(file, {}));
    const s = rt.tenants[0]?.samplingFor('echo');
    expect(s?.temperature).toEqual({ min: 0, max: 1, default: 0.1 });
    expect(s?.top_p).toEqual({ max: 0.9 });
  });
});

describe('sluice check', () => {
  it('exits 0 on a valid config and 1 listing every problem otherwise', () => {
    const run = (file: string) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'check', file], { encoding: 'utf8' }) };
      } catch (err) {
        const e = err as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    const good = run(write(MINIMAL));
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/^ok: /m);
    const bad = run(write(`${MINIMAL}\nserver: { port: "abc", log_content: maybe }\n`));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('server.port');
    expect(bad.out).toContain('server.log_content');
    expect(bad.out).toContain('2 problems found');
  });
});
