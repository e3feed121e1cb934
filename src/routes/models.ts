/** GET /v1/models and /v1/models/{id}: only what this tenant may use. */
import type { FastifyInstance } from 'fastify';
import { modelNotFound } from '../errors.js';
import type { Runtime, Tenant } from '../config/runtime.js';

function allowedModels(rt: Runtime, tenant: Tenant): string[] {
  return [...rt.models.keys()].filter((m) => tenant.allModels || tenant.models.has(m));
}

function modelObject(rt: Runtime, id: string) {
  const cfg = rt.models.get(id);
  return {
    id,
    object: 'model' as const,
    created: Math.floor(rt.loadedAt / 1000),
    owned_by: cfg?.owned_by ?? cfg?.targets[0]?.provider ?? 'sluice',
  };
}

export function registerModelRoutes(app: FastifyInstance): void {
  app.get('/models', async (req) => {
    const tenant = req.tenant as Tenant;
    return { object: 'list', data: allowedModels(req.runtime, tenant).map((id) => modelObject(req.runtime, id)) };
  });

  app.get<{ Params: { '*': string } }>('/models/*', async (req) => {
    const tenant = req.tenant as Tenant;
    // Model ids may hold slashes (`openai/gpt-oss-120b`), hence the wildcard.
    const id = req.params['*'];
    if (!allowedModels(req.runtime, tenant).includes(id)) throw modelNotFound(id);
    return modelObject(req.runtime, id);
  });
}
