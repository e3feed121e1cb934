/**
 * buildApp(): the whole gateway as a Fastify instance, what server.ts starts and tests build.
 * Auth runs as an onRequest hook (before the body is parsed); the chat pipeline is plain
 * typed stages called by pipeline/run.ts.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyError } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Logger, LoggerOptions } from 'pino';
import { GatewayError, errorBody, invalidApiKey, shouldNotRetry } from './errors.js';
import { bearerToken, findTenant } from './auth.js';
import { parseJsonBody } from './json-body.js';
import { createAccessLog } from './access-log.js';
import { lazyChildLogger } from './request-logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import type { Runtime, Tenant } from './config/runtime.js';
import type { SessionStore } from './store/types.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerModelRoutes } from './routes/models.js';
import { registerChatRoutes } from './routes/chat-completions.js';
import { registerMetricsRoute } from './routes/metrics.js';
import { registerSessionRoutes } from './routes/sessions.js';
import { registerGuardrailRoutes } from './routes/guardrails.js';
import { registerRateLimit } from './rate-limit/hooks.js';
import { registerResponsesRoutes } from './routes/responses.js';

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Request ids in OpenAI's shape (`req_` + 32 hex digits): a random prefix per process and a
 * counter, unique across instances without a random UUID per request.
 */
function requestIds(): () => string {
  const prefix = `req_${randomBytes(10).toString('hex')}`;
  let n = 0;
  return () => {
    n = (n + 1) % 0x1000000000000;
    return prefix + n.toString(16).padStart(12, '0');
  };
}

export interface RuntimeHolder {
  current: Runtime;
}

export interface AppOptions {
  runtime: RuntimeHolder;
  store: SessionStore;
  logger?: LoggerOptions | false;
  /** A ready pino logger (the server's, writing asynchronously); wins over `logger`. */
  loggerInstance?: Logger;
  metrics?: Metrics;
}

declare module 'fastify' {
  interface FastifyRequest {
    tenant: Tenant | null;
    runtime: Runtime;
    /** For the access log line. */
    access: FastifyInstanceAccess;
  }
  interface FastifyInstance {
    runtimeHolder: RuntimeHolder;
    store: SessionStore;
    metrics: Metrics;
    draining: boolean;
  }
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    // Keys never reach the logs: nothing logs headers or provider config, and these paths are
    // redacted should an error object carry them.
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'err.headers.authorization', 'api_key', 'authorization'],
      censor: '[redacted]',
    },
  };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const cfg = opts.runtime.current.config;
  const nextRequestId = requestIds();
  const app = Fastify({
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance as FastifyBaseLogger }
      : { logger: opts.logger === undefined ? loggerOptions(cfg.server.log_level) : opts.logger }),
    bodyLimit: cfg.server.body_limit,
    // One access line per request is written by our onResponse hook instead.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    requestIdHeader: false,
    childLoggerFactory: lazyChildLogger,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID_RE.test(sent) ? sent : nextRequestId();
    },
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.decorate('runtimeHolder', opts.runtime);
  app.decorate('store', opts.store);
  app.decorate('metrics', opts.metrics ?? createMetrics());
  app.decorate('draining', false);
  app.decorateRequest('tenant', null);
  app.decorateRequest('runtime', null as unknown as Runtime);
  app.decorateRequest('access', null as unknown as FastifyInstanceAccess);

  app.removeAllContentTypeParsers();
  const jsonParser = (_req: unknown, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    try {
      done(null, parseJsonBody(typeof body === 'string' ? body : body.toString('utf8')));
    } catch (err) {
      done(err as Error, undefined);
    }
  };
  app.addContentTypeParser('application/json', { parseAs: 'string' }, jsonParser);
  app.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'string' }, jsonParser);

  // Hooks take `done` rather than being async: a promise per hook per request is measurable.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    req.runtime = opts.runtime.current; // one config for the whole request, even across a reload
    req.access = {};
    if (app.draining && req.url.startsWith('/v1/')) {
      done(new GatewayError(503, 'api_error', 'The gateway is shutting down; retry on another instance.', { code: 'shutting_down' }));
      return;
    }
    done();
  });

  app.setErrorHandler((err: FastifyError | GatewayError, req, reply) => {
    const e = toGatewayError(err);
    if (e.status >= 500) req.log.error({ err }, 'request failed');
    for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
    if (shouldNotRetry(e.status) || e.code === 'content_filter') reply.header('x-should-retry', 'false');
    return reply.code(e.status).type('application/json').send(e.toJSON());
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .code(404)
      .header('x-should-retry', 'false')
      .send(errorBody(`Invalid URL (${req.method} ${req.url.split('?')[0]})`, 'invalid_request_error', null, 'not_found'));
  });

  const accessLog = createAccessLog(app.log as unknown as Logger, 'request_id');
  app.addHook('onResponse', (req, reply, done) => {
    const ms = reply.elapsedTime;
    const tenant = req.tenant?.name;
    const v1 = req.url.startsWith('/v1/');
    if (v1) {
      app.metrics.countRequest(tenant ?? '', req.access.model ?? '', reply.statusCode);
      app.metrics.observeRequest(req.routeOptions.url ?? 'unknown', ms / 1000, Math.max(0, ms - (req.access.upstreamMs ?? 0)) / 1000);
    }
    if (accessLog && (v1 || (req.url !== '/healthz' && req.url !== '/readyz' && req.url !== '/metrics'))) {
      const q = req.url.indexOf('?');
      accessLog({
        requestId: req.id,
        method: req.method,
        path: q === -1 ? req.url : req.url.slice(0, q),
        tenant,
        model: req.access.model,
        target: req.access.target,
        session: req.access.session,
        status: reply.statusCode,
        totalMs: ms,
        upstreamMs: req.access.upstreamMs,
        content: req.access.content,
      });
    }
    done();
  });

  registerHealthRoutes(app);
  registerMetricsRoute(app);

  await app.register(async (v1) => {
    v1.addHook('onRequest', (req, _reply, done) => {
      const key = bearerToken(req.headers.authorization);
      if (!key) {
        done(invalidApiKey('You didn\'t provide an API key. Send it as "Authorization: Bearer <key>".'));
        return;
      }
      const tenant = findTenant(req.runtime, key);
      if (!tenant) {
        done(invalidApiKey());
        return;
      }
      req.tenant = tenant;
      done();
    });
    registerRateLimit(v1); // after auth: only authenticated tenants count
    registerModelRoutes(v1);
    registerChatRoutes(v1);
    registerSessionRoutes(v1);
    registerGuardrailRoutes(v1);
    registerResponsesRoutes(v1);
  }, { prefix: '/v1' });

  return app;
}

type FastifyInstanceAccess = {
  model?: string;
  target?: string;
  upstreamMs?: number;
  session?: string;
  /** Message content, set only when `log_content` is on. */
  content?: unknown;
};

/** Every error leaves in OpenAI's shape, Fastify's own included. */
export function toGatewayError(err: FastifyError | GatewayError | Error): GatewayError {
  if (err instanceof GatewayError) return err;
  const code = (err as FastifyError).code;
  const status = (err as FastifyError).statusCode;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new GatewayError(415, 'invalid_request_error', 'Unsupported Content-Type: send the body as application/json.', { code: 'unsupported_media_type' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new GatewayError(413, 'invalid_request_error', 'The request body is too large.', { code: 'request_too_large' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new GatewayError(400, 'invalid_request_error', 'The request body is empty; expected a JSON object.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new GatewayError(400, 'invalid_request_error', 'The Content-Length header does not match the body.');
  }
  if (status && status >= 400 && status < 500) {
    return new GatewayError(status, 'invalid_request_error', err.message);
  }
  return new GatewayError(500, 'api_error', 'The gateway failed to handle the request.', { code: 'internal_error', cause: err });
}
