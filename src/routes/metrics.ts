/** Prometheus text format; behind a bearer token when `server.metrics_token` is set. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { bearerToken } from '../auth.js';
import { sha256 } from '../config/runtime.js';
import { invalidApiKey } from '../errors.js';

export function registerMetricsRoute(app: FastifyInstance): void {
  app.get('/metrics', async (req, reply) => {
    const token = req.runtime.config.server.metrics_token;
    if (token) {
      const sent = bearerToken(req.headers.authorization);
      if (!sent || !timingSafeEqual(sha256(sent), sha256(token))) throw invalidApiKey('A valid metrics token is required.');
    }
    reply.type(app.metrics.registry.contentType);
    return app.metrics.registry.metrics();
  });
}
