import { ErrorResponse, type Permission } from '@fazhi/common';
import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { AppError } from './errors.ts';

/**
 * Who may call a route. Every route declares one: a permission, or one of the sign-in stages.
 * - public: anyone, no session (health, sign-in, the public portal)
 * - second-factor: a session waiting for its TOTP code
 * - enrolment: a session that must enrol a second factor first, or a full session
 * - signed-in: any fully signed-in user
 */
export type Access = Permission | 'public' | 'second-factor' | 'enrolment' | 'signed-in';

export function guard(access: Access, allowExpiredPassword: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === 'public') return next();
    const session = c.get('session');
    const record = c.get('record');
    if (!session || !record) throw new AppError('UNAUTHENTICATED');
    if (access === 'second-factor') {
      if (session.stage !== 'totp') throw new AppError('FORBIDDEN');
      return next();
    }
    if (access === 'enrolment') {
      if (session.stage !== 'enrol' && session.stage !== 'full') throw new AppError('SECOND_FACTOR_REQUIRED');
      return next();
    }
    if (session.stage !== 'full') throw new AppError('SECOND_FACTOR_REQUIRED');
    // A one-time password from an administrator's reset opens nothing but the password change.
    if (!allowExpiredPassword && record.officer.mustChangePassword)
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (!allowExpiredPassword && c.get('passwordExpired')) throw new AppError('PASSWORD_EXPIRED');
    if (access !== 'signed-in' && !record.actor.permissions.has(access)) throw new AppError('FORBIDDEN');
    return next();
  };
}

const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorResponse } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorResponse } } },
  403: { description: 'Not allowed', content: { 'application/json': { schema: ErrorResponse } } },
  404: {
    description: 'Not found or outside your scope',
    content: { 'application/json': { schema: ErrorResponse } },
  },
  503: {
    description: 'The database is unreachable: retry after the seconds in Retry-After',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: { 'application/json': { schema: ErrorResponse } },
  },
} as const;

/** Only an operation that reads a body can be sent one of a type it does not take, or too big. */
const bodyResponses = {
  413: {
    description:
      'The body is larger than the limit, named in fields: evidence FAZHI_EVIDENCE_UPLOAD_MB (100 MB by default), other files 25 MB, 8 MB otherwise',
    content: { 'application/json': { schema: ErrorResponse } },
  },
  415: {
    description: 'A content type the operation does not take',
    content: { 'application/json': { schema: ErrorResponse } },
  },
} as const;

type RouteSpec = Omit<RouteConfig, 'middleware' | 'responses'> & {
  /** The success response body (JSON), or a binary content type for downloads. */
  response?: z.ZodType;
  download?: string;
  allowExpiredPassword?: boolean;
};

/** Declares a route with its access rule, its error responses and its success schema. */
export function defineRoute<const S extends RouteSpec>(access: Access, spec: S) {
  const { response, download, allowExpiredPassword, ...rest } = spec;
  const ok = download
    ? { description: 'File', content: { [download]: { schema: z.string().openapi({ format: 'binary' }) } } }
    : { description: 'OK', content: { 'application/json': { schema: response ?? z.object({}) } } };
  return createRoute({
    ...rest,
    middleware: [guard(access, allowExpiredPassword ?? false)] as const,
    'x-access': access,
    responses: { 200: ok, ...errorResponses, ...(rest.request?.body ? bodyResponses : {}) },
  } as unknown as S & { middleware: [MiddlewareHandler<AppEnv>]; responses: { 200: typeof ok } });
}
