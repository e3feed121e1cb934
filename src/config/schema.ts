/**
 * The whole configuration file as one zod schema; the code gets its types from here.
 * `${VAR}` expansion happens before validation, so numeric and boolean fields accept the
 * strings an environment variable produces.
 */
import { z } from 'zod';

const NAME_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** A number, or a string that is one (what `${PORT}` expands to). */
const num = (refine: (n: z.ZodNumber) => z.ZodNumber = (n) => n) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v),
    refine(z.number()),
  );
const int = (refine: (n: z.ZodNumber) => z.ZodNumber = (n) => n) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
    refine(z.number().int()),
  );
const bool = () =>
  z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

const name = (what: string) => z.string().regex(NAME_RE, `${what} names match [A-Za-z0-9_-]{1,64}`);

export const ServerSchema = z.strictObject({
  port: int((n) => n.min(0).max(65535)).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  body_limit: int((n) => n.min(1024)).default(1048576),
  log_content: bool().default(false),
  log_level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  metrics_token: z.string().optional(),
  /** How long a graceful stop waits for in-flight requests. */
  shutdown_grace_ms: int((n) => n.min(0)).default(10000),
  /** Re-read the config when the file changes, besides SIGHUP. */
  watch_config: bool().default(false),
});

export const StoreSchema = z.strictObject({
  redis_url: z.string().optional(),
  cluster_nodes: z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).optional(),
  key_prefix: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).default('sluice'),
});

export const ProviderSchema = z
  .strictObject({
    type: z.enum(['openai', 'echo']).default('openai'),
    base_url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
    api_key: z.string().optional(),
    api_key_header: z.string().min(1).default('authorization'),
    headers: z.record(z.string(), z.string()).default({}),
    query: z.record(z.string(), z.string()).default({}),
    timeout_ms: int((n) => n.min(1)).default(60000),
    stream_idle_timeout_ms: int((n) => n.min(1)).default(30000),
    max_retries: int((n) => n.min(0).max(10)).default(1),
    max_retry_after_ms: int((n) => n.min(0)).default(5000),
    /** Upper bound on keep-alive connections to this provider. */
    connections: int((n) => n.min(1)).default(128),
    responses: z.enum(['translate', 'native']).default('translate'),
  })
  .superRefine((p, ctx) => {
    if (p.type === 'openai' && !p.base_url) {
      ctx.addIssue({ code: 'custom', path: ['base_url'], message: 'required for providers of type openai' });
    }
  });

export const ModelSchema = z.strictObject({
  targets: z
    .array(z.strictObject({ provider: z.string().min(1), model: z.string().min(1) }))
    .min(1, 'a model needs at least one target'),
  /** Shown in GET /v1/models. */
  owned_by: z.string().optional(),
});

// ---- guardrail policies ----------------------------------------------------------------
const Direction = z.enum(['input', 'output']);
const EngineFields = {
  engine_model: z.string().optional(),
  on_engine_error: z.enum(['block', 'allow', 'local']).default('local'),
  applies_to: z.array(Direction).min(1).optional(),
};
const Strength = z.enum(['none', 'low', 'medium', 'high']);
const CategoryStrengths = z.strictObject({ input: Strength.default('none'), output: Strength.default('none') });

export const ContentPolicySchema = z.strictObject({
  hate: CategoryStrengths.optional(),
  insults: CategoryStrengths.optional(),
  sexual: CategoryStrengths.optional(),
  violence: CategoryStrengths.optional(),
  misconduct: CategoryStrengths.optional(),
  prompt_attack: CategoryStrengths.optional(),
  engine: z.enum(['local', 'moderation', 'judge']).default('local'),
  ...EngineFields,
});

const Topic = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_ -]{1,64}$/, 'topic names match [A-Za-z0-9_ -]{1,64}'),
  definition: z.string().min(1),
  examples: z.array(z.string().min(1)).default([]),
  threshold: num((n) => n.min(0).max(1)).optional(),
});
const TopicsObject = z.strictObject({
  topics: z.array(Topic).min(1),
  engine: z.enum(['local', 'embeddings', 'judge']).default('local'),
  ...EngineFields,
});
export const DeniedTopicsSchema = z.preprocess(
  (v) => (Array.isArray(v) ? { topics: v } : v),
  TopicsObject,
);

export const WordsPolicySchema = z.strictObject({
  words: z.array(z.string().min(1)).default([]),
  patterns: z.array(z.string().min(1)).default([]),
  managed: z.array(z.enum(['profanity'])).default([]),
  action: z.enum(['block', 'mask']).default('block'),
  engine: z.enum(['local']).default('local'),
  ...EngineFields,
});

const PiiAction = z.enum(['block', 'anonymize', 'pseudonymize', 'none']);
const PiiEntityAction = z.union([
  PiiAction,
  z.strictObject({ input: PiiAction.default('none'), output: PiiAction.default('none') }),
]);
export const PiiPolicySchema = z.strictObject({
  entities: z.record(z.string(), PiiEntityAction).default({}),
  regexes: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'regex names are UPPER_SNAKE_CASE'),
        pattern: z.string().min(1),
        action: PiiEntityAction.default('block'),
      }),
    )
    .default([]),
  engine: z.enum(['local', 'judge']).default('local'),
  ...EngineFields,
});

export const GroundingPolicySchema = z.strictObject({
  grounding_threshold: num((n) => n.min(0).max(0.99)).default(0.7),
  relevance_threshold: num((n) => n.min(0).max(0.99)).default(0.5),
  engine: z.enum(['local', 'judge']).default('local'),
  /** Streams are held until the answer is whole, since grounding judges the whole answer. */
  ...EngineFields,
});

export const PolicySchema = z.strictObject({
  on_block: z.enum(['message', 'error']).default('message'),
  messages: z
    .strictObject({
      blocked_input: z.string().default("Sorry, I can't help with that."),
      blocked_output: z.string().default("Sorry, I can't share that."),
    })
    .default({ blocked_input: "Sorry, I can't help with that.", blocked_output: "Sorry, I can't share that." }),
  content: ContentPolicySchema.optional(),
  denied_topics: DeniedTopicsSchema.optional(),
  words: WordsPolicySchema.optional(),
  pii: PiiPolicySchema.optional(),
  grounding: GroundingPolicySchema.optional(),
});

// ---- tenants -----------------------------------------------------------------------------
const Limit = z
  .strictObject({ min: num().optional(), max: num().optional(), default: num().optional(), force: num().optional() })
  .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, { message: 'min is above max' });

export const SAMPLING_PARAMS = [
  'temperature',
  'top_p',
  'top_k',
  'max_tokens',
  'presence_penalty',
  'frequency_penalty',
  'n',
] as const;
export type SamplingParam = (typeof SAMPLING_PARAMS)[number];

export const SamplingSchema = z.strictObject({
  temperature: Limit.optional(),
  top_p: Limit.optional(),
  top_k: Limit.optional(),
  max_tokens: Limit.optional(),
  presence_penalty: Limit.optional(),
  frequency_penalty: Limit.optional(),
  n: Limit.optional(),
  stop: z
    .strictObject({
      max_sequences: int((n) => n.min(0).max(64)).optional(),
      max_length: int((n) => n.min(1)).optional(),
      always: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  on_violation: z.enum(['clamp', 'reject']).optional(),
});

export const TenantSchema = z.strictObject({
  api_keys: z.array(z.string()).min(1, 'a tenant needs at least one key'),
  models: z.array(z.string().min(1)).default([]),
  system_prompt: z
    .strictObject({ text: z.string().default(''), mode: z.enum(['prepend', 'replace', 'reject']).default('prepend') })
    .optional(),
  sampling: SamplingSchema.optional(),
  sampling_by_model: z.record(z.string(), SamplingSchema).default({}),
  history: z
    .strictObject({
      max_messages: int((n) => n.min(1)).default(50),
      max_tokens: int((n) => n.min(1)).default(8000),
      ttl_seconds: int((n) => n.min(1)).default(86400),
      on_store_error: z.enum(['fail', 'continue']).default('fail'),
    })
    .default({ max_messages: 50, max_tokens: 8000, ttl_seconds: 86400, on_store_error: 'fail' }),
  rate_limit: z
    .strictObject({ requests_per_minute: int((n) => n.min(1)).optional(), tokens_per_minute: int((n) => n.min(1)).optional() })
    .optional(),
  guardrails: z.array(z.string()).default([]),
  log_content: bool().optional(),
});

export const ConfigSchema = z
  .strictObject({
    server: ServerSchema.default(ServerSchema.parse({})),
    store: StoreSchema.default({ key_prefix: 'sluice' }),
    providers: z.record(name('provider'), ProviderSchema).default({}),
    models: z.record(z.string().regex(/^[A-Za-z0-9_.:/@-]{1,128}$/, 'model names match [A-Za-z0-9_.:/@-]{1,128}'), ModelSchema).default({}),
    policies: z.record(name('policy'), PolicySchema).default({}),
    tenants: z.record(name('tenant'), TenantSchema).default({}),
  })
  .superRefine((c, ctx) => {
    for (const [m, model] of Object.entries(c.models)) {
      model.targets.forEach((t, i) => {
        if (!c.providers[t.provider]) {
          ctx.addIssue({ code: 'custom', path: ['models', m, 'targets', i, 'provider'], message: `unknown provider '${t.provider}'` });
        }
      });
    }
    for (const [t, tenant] of Object.entries(c.tenants)) {
      tenant.models.forEach((m, i) => {
        if (m !== '*' && !c.models[m]) {
          ctx.addIssue({ code: 'custom', path: ['tenants', t, 'models', i], message: `unknown model '${m}'` });
        }
      });
      for (const m of Object.keys(tenant.sampling_by_model)) {
        if (!c.models[m]) ctx.addIssue({ code: 'custom', path: ['tenants', t, 'sampling_by_model', m], message: `unknown model '${m}'` });
      }
      tenant.guardrails.forEach((p, i) => {
        if (!c.policies[p]) ctx.addIssue({ code: 'custom', path: ['tenants', t, 'guardrails', i], message: `unknown policy '${p}'` });
      });
      tenant.api_keys.forEach((k, i) => {
        if (k.startsWith('sha256:') && !/^sha256:[0-9a-fA-F]{64}$/.test(k)) {
          ctx.addIssue({ code: 'custom', path: ['tenants', t, 'api_keys', i], message: 'sha256: keys need 64 hex digits' });
        }
      });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;
export type ServerConfig = Config['server'];
export type ProviderConfig = Config['providers'][string];
export type ModelConfig = Config['models'][string];
export type PolicyConfig = z.infer<typeof PolicySchema>;
export type TenantConfig = Config['tenants'][string];
export type SamplingConfig = z.infer<typeof SamplingSchema>;
export type LimitConfig = z.infer<typeof Limit>;
