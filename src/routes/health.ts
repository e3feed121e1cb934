/** Liveness and readiness, without auth. Ready means: a config is loaded and the store answers. */
import type { FastifyInstance } from 'fastify';

export function registerHealthRoutes(app: FastifyInstance): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    if (app.draining) return reply.code(503).send({ status: 'draining' });
    try {
      await app.store.ping();
      return { status: 'ready', store: app.store.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', store: app.store.kind });
    }
  });
}
