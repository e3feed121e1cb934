/**
 * Per-tenant rate limits on /v1 (SPEC §3, §6), registered right after auth so only authenticated
 * tenants count and /healthz, /readyz, /metrics never do.
 *
 * onRequest, before the body is read: counts the request and refuses it when the window is full
 * or the tenant's token budget is already spent. preHandler, once the body is parsed: charges the
 * estimated tokens of a model call (see estimate.ts) and refuses it when they do not fit. Refused
 * amounts are not counted, so a rejected burst does not push the window's total further.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Tenant } from '../config/runtime.js';
import { estimateRequestTokens } from './estimate.js';
import { rateLimitExceeded, rateLimitHeaders, requestTooLarge, WINDOW_MS, type Counter, type CounterState } from './windows.js';

/** Routes that call a model and so spend tokens; other /v1 routes count only as requests. */
const TOKEN_ROUTES = new Set(['/v1/chat/completions', '/v1/responses']);
const WARN_INTERVAL_MS = 10_000;

export function registerRateLimit(v1: FastifyInstance): void {
  const warnStoreFailure = throttledWarning();

  const hit = async (req: FastifyRequest, tenant: Tenant, counter: Counter, amount: number, limit: number): Promise<CounterState | undefined> => {
    try {
      return { counter, limit, ...(await v1.store.hitWindow(tenant.name, counter, WINDOW_MS, amount, limit)) };
    } catch (err) {
      // Fail open: a store outage must not become a gateway outage, so the request goes unlimited.
      warnStoreFailure(req, tenant, counter, err);
      return undefined;
    }
  };

  const countRequest = async (req: FastifyRequest, reply: FastifyReply, tenant: Tenant, limits: RateLimits): Promise<void> => {
    const rpm = limits.requests_per_minute;
    const tpm = limits.tokens_per_minute;
    // A read of the token window (amount 0) rides along so every response tells the budget.
    const [requests, tokens] = await Promise.all([
      rpm === undefined ? undefined : hit(req, tenant, 'requests', 1, rpm),
      tpm === undefined ? undefined : hit(req, tenant, 'tokens', 0, tpm),
    ]);
    if (requests) setHeaders(reply, requests);
    if (tokens) setHeaders(reply, tokens);
    if (requests && !requests.allowed) throw rateLimitExceeded(tenant.name, requests, 1);
    if (tokens && spendsTokens(req) && tokens.count >= tokens.limit) throw rateLimitExceeded(tenant.name, tokens);
  };

  const chargeTokens = async (req: FastifyRequest, reply: FastifyReply, tenant: Tenant, tpm: number, body: Record<string, unknown>): Promise<void> => {
    const sampling = typeof body.model === 'string' ? tenant.samplingFor(body.model) : tenant.config.sampling;
    const cost = estimateRequestTokens(body, sampling);
    const tokens = await hit(req, tenant, 'tokens', cost, tpm);
    if (!tokens) return;
    setHeaders(reply, tokens);
    if (!tokens.allowed) throw cost > tpm ? requestTooLarge(tenant.name, tokens, cost) : rateLimitExceeded(tenant.name, tokens, cost);
  };

  // Callback hooks: a tenant without limits passes without a promise being made.
  v1.addHook('onRequest', (req, reply, done) => {
    const tenant = req.tenant;
    const limits = tenant?.config.rate_limit;
    if (!tenant || !limits) {
      done();
      return;
    }
    countRequest(req, reply, tenant, limits).then(() => done(), done);
  });

  v1.addHook('preHandler', (req, reply, done) => {
    const tenant = req.tenant;
    const tpm = tenant?.config.rate_limit?.tokens_per_minute;
    const body = req.body;
    // A body that is not an object is a 400 from the route: nothing to charge.
    if (!tenant || tpm === undefined || !spendsTokens(req) || !isObject(body)) {
      done();
      return;
    }
    chargeTokens(req, reply, tenant, tpm, body).then(() => done(), done);
  });
}

type RateLimits = NonNullable<Tenant['config']['rate_limit']>;

function spendsTokens(req: FastifyRequest): boolean {
  return req.method === 'POST' && TOKEN_ROUTES.has(req.routeOptions.url ?? '');
}

function setHeaders(reply: FastifyReply, state: CounterState): void {
  reply.headers(rateLimitHeaders(state));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** While the store is down every request fails to count: log the first, then one per interval. */
function throttledWarning(): (req: FastifyRequest, tenant: Tenant, counter: Counter, err: unknown) => void {
  let lastAt = 0;
  let suppressed = 0;
  return (req, tenant, counter, err) => {
    const now = Date.now();
    if (now - lastAt < WARN_INTERVAL_MS) {
      suppressed++;
      return;
    }
    req.log.warn({ err, tenant: tenant.name, counter, suppressed }, 'rate limit not enforced: the store failed to count');
    lastAt = now;
    suppressed = 0;
  };
}
