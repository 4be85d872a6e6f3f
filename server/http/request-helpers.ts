// Small helpers every route uses: zod parsing that answers 400, and the bearer-token guard.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { User } from '../domain';
import { AppError } from '../errors';
import type { Services } from '../services';
import { isAdmin } from '../services/authorization';

export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new AppError('bad_request', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid request');
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export interface Caller {
  user: User;
  tokenHash: string;
}

export async function requireUser(services: Services, request: FastifyRequest, token = bearerToken(request)): Promise<Caller> {
  const session = await services.auth.authenticate(token);
  if (!session) throw new AppError('unauthorized', 'sign in first');
  return session;
}

export async function requireAdmin(services: Services, request: FastifyRequest): Promise<Caller> {
  const caller = await requireUser(services, request);
  if (!isAdmin(caller.user)) throw new AppError('forbidden', 'administrators only');
  return caller;
}
