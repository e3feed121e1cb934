/** GET and DELETE /v1/sessions/{id}: one tenant's own sessions only. */
import type { FastifyInstance } from 'fastify';
import type { Tenant } from '../config/runtime.js';
import { notFound, storeUnavailable } from '../errors.js';
import { checkSessionId } from '../pipeline/session.js';

export function registerSessionRoutes(app: FastifyInstance): void {
  app.get<{ Params: { id: string } }>('/sessions/:id', async (req) => {
    const tenant = req.tenant as Tenant;
    const id = checkSessionId(req.params.id);
    const snap = await app.store.load(tenant.name, id).catch((err) => {
      throw storeUnavailable(err);
    });
    if (!snap) throw notFound(`No session found with id '${id}'.`, 'session_id');
    return { id, object: 'session', messages: snap.messages, message_count: snap.messages.length, expires_at: snap.expiresAt };
  });

  app.delete<{ Params: { id: string } }>('/sessions/:id', async (req) => {
    const tenant = req.tenant as Tenant;
    const id = checkSessionId(req.params.id);
    const existed = await app.store.delete(tenant.name, id).catch((err) => {
      throw storeUnavailable(err);
    });
    if (!existed) throw notFound(`No session found with id '${id}'.`, 'session_id');
    return { id, object: 'session.deleted', deleted: true };
  });
}
