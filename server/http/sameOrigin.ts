import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './apiError.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a page of another site could have sent (CSRF): it must name our own
 * origin in Origin, or, when a browser leaves Origin out, say Sec-Fetch-Site: same-origin — both are headers a
 * page cannot set. A request with neither is refused too, so a tool writing to the API sends Origin itself.
 * Our origin is the request's own, PUBLIC_URL's, or, behind a trusted proxy, the one it forwards. The request's
 * own comes from its Host, which only a client outside any browser can forge, and such a client carries no one's
 * session cookie to borrow; a browser always names the site it sends to, and our cookies go only to ours.
 */
export function sameOrigin(options: { publicUrl: string | null; trustProxy: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method) && !fromOwnPages(c, options)) throw new ApiError(403, 'csrf');
    await next();
  };
}

function fromOwnPages(c: Context, options: { publicUrl: string | null; trustProxy: boolean }): boolean {
  const origin = c.req.header('origin');
  if (!origin) return c.req.header('sec-fetch-site') === 'same-origin';
  return ownOrigins(c, options).includes(origin);
}

function ownOrigins(c: Context, { publicUrl, trustProxy }: { publicUrl: string | null; trustProxy: boolean }): string[] {
  const own = [new URL(c.req.url).origin];
  if (publicUrl) own.push(new URL(publicUrl).origin);
  const proto = c.req.header('x-forwarded-proto');
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
  if (trustProxy && proto && host) own.push(`${proto}://${host}`);
  return own;
}
