import type { MiddlewareHandler } from 'hono';
import { ApiError } from './apiError.ts';

/**
 * Refuses a request whose path or query holds a NUL character (`%00`). No id, name or search here contains
 * one, and PostgreSQL cannot even compare a string that does: the lookup would fail as a server error
 * instead of answering that nothing of that name exists. Bodies are the schemas' (shared/schemas/fields.ts).
 */
export const refuseNulCharacter: MiddlewareHandler = async (c, next) => {
  const query = Object.entries(c.req.queries()).flatMap(([key, values]) => [key, ...values]);
  if (c.req.path.includes('\u0000') || query.some((s) => s.includes('\u0000'))) throw new ApiError(400, 'request.nulCharacter');
  await next();
};
