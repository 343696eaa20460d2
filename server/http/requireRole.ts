import type { MiddlewareHandler } from 'hono';
import type { Role } from '../services/accounts.ts';
import { ApiError } from './apiError.ts';
import type { AppEnv } from './session.ts';

/** Lets through only signed-in users of the given roles (after requireUser); others get a 403. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(roles as string[]).includes(c.get('user').role)) throw new ApiError(403, 'auth.forbidden');
    await next();
  };
}
