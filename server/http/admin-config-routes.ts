// §7 configuration entries: list, merge into a scope, delete a scope (not global).
import type { FastifyInstance } from 'fastify';
import { configPatchSchema, parseConfigScope, type ConfigScope } from '../../common/config';
import { sessionConfigPatchSchema, splitSessionFields } from '../../common/session-api';
import { AppError } from '../errors';
import type { Services } from '../services';
import { parse, requireAdmin } from './request-helpers';

function scopeOf(params: unknown): ConfigScope {
  const raw = params !== null && typeof params === 'object' && 'scope' in params ? params.scope : undefined;
  const scope = typeof raw === 'string' ? parseConfigScope(raw) : null;
  if (!scope) throw new AppError('bad_request', 'scope must be global, site:<name> or pool:<name>');
  return scope;
}

export function registerAdminConfigRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/admin/config', async (request) => {
    await requireAdmin(services, request);
    return services.config.list();
  });

  app.put('/api/admin/config/:scope', async (request) => {
    await requireAdmin(services, request);
    const scope = scopeOf(request.params);
    // The session limits (§10) live on the global entry only and are not EffectiveConfig fields.
    const { session, rest } = splitSessionFields(request.body);
    if (session !== undefined && scope !== 'global') throw new AppError('bad_request', 'session limits are set on the global entry only');
    const sessionPatch = session === undefined ? undefined : parse(sessionConfigPatchSchema, session);
    const patch = parse(configPatchSchema, rest);
    if (sessionPatch !== undefined) await services.auth.policy.put(sessionPatch);
    return services.config.put(scope, patch);
  });

  app.delete('/api/admin/config/:scope', async (request, reply) => {
    await requireAdmin(services, request);
    await services.config.delete(scopeOf(request.params));
    return reply.status(204).send();
  });
}
