/**
 * A loaded config compiled for serving: tenants indexed for auth, providers with their pools,
 * guardrail policies compiled once. A reload builds a new Runtime and swaps it atomically;
 * requests in flight finish on the one they started with.
 */
import { hash } from 'node:crypto';
import type { Config, ModelConfig, SamplingConfig, TenantConfig } from './schema.js';
import type { LoadedConfig } from './load.js';
import type { MissingVar } from './expand.js';
import type { Provider } from '../providers/types.js';
import { createProvider } from '../providers/index.js';
import { compilePolicy, type CompiledPolicy } from '../guardrails/engine/compile.js';

export interface Tenant {
  name: string;
  config: TenantConfig;
  /** sha256 digests of the tenant's keys (plain keys are hashed at load). */
  keyDigests: Buffer[];
  allModels: boolean;
  models: ReadonlySet<string>;
  /** Sampling limits for one public model, `sampling_by_model` merged key by key. */
  samplingFor(model: string): SamplingConfig;
  policies: CompiledPolicy[];
  /**
   * Key of the tenant's pseudonym placeholders: stable across turns and instances (derived from
   * the tenant's name and first key digest), different between tenants.
   */
  pseudonymKey: Buffer;
}

export interface Runtime {
  config: Config;
  file: string;
  missingVars: MissingVar[];
  tenants: Tenant[];
  models: ReadonlyMap<string, ModelConfig>;
  providers: ReadonlyMap<string, Provider>;
  policies: ReadonlyMap<string, CompiledPolicy>;
  loadedAt: number;
}

export function sha256(text: string): Buffer {
  // The one-shot form: no Hash object per call (this runs on every request).
  return hash('sha256', text, 'buffer');
}

function keyDigests(keys: string[]): Buffer[] {
  // An unset ${VAR} leaves an empty key: it must never match an empty bearer token.
  return keys
    .filter((k) => k.trim() !== '')
    .map((k) => (/^sha256:[0-9a-fA-F]{64}$/.test(k) ? Buffer.from(k.slice(7), 'hex') : sha256(k)));
}

export function mergeSampling(base: SamplingConfig | undefined, override: SamplingConfig | undefined): SamplingConfig {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(override ?? {})) {
    const prev = out[k];
    out[k] = v && typeof v === 'object' && prev && typeof prev === 'object' ? { ...prev, ...v } : v;
  }
  return out as SamplingConfig;
}

export function buildRuntime(loaded: LoadedConfig, reuseProviders?: ReadonlyMap<string, Provider>): Runtime {
  const { config } = loaded;
  void reuseProviders;
  const providers = new Map<string, Provider>();
  for (const [name, cfg] of Object.entries(config.providers)) providers.set(name, createProvider(name, cfg, loaded.missingVars));

  const policies = new Map<string, CompiledPolicy>();
  for (const [name, cfg] of Object.entries(config.policies)) policies.set(name, compilePolicy(name, cfg));

  const tenants: Tenant[] = Object.entries(config.tenants).map(([name, cfg]) => {
    const byModel = new Map<string, SamplingConfig>();
    return {
      name,
      config: cfg,
      keyDigests: keyDigests(cfg.api_keys),
      allModels: cfg.models.includes('*'),
      models: new Set(cfg.models),
      samplingFor(model: string) {
        let s = byModel.get(model);
        if (!s) {
          s = mergeSampling(cfg.sampling, cfg.sampling_by_model[model]);
          byModel.set(model, s);
        }
        return s;
      },
      policies: cfg.guardrails.map((p) => policies.get(p) as CompiledPolicy),
      pseudonymKey: Buffer.concat([Buffer.from(name), ...keyDigests(cfg.api_keys).slice(0, 1)]),
    };
  });

  return {
    config,
    file: loaded.file,
    missingVars: loaded.missingVars,
    tenants,
    models: new Map(Object.entries(config.models)),
    providers,
    policies,
    loadedAt: Date.now(),
  };
}

export async function closeRuntime(rt: Runtime): Promise<void> {
  await Promise.all([...rt.providers.values()].map((p) => p.close()));
}
