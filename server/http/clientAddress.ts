import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Stands for every request that reached the app without a socket (app.request in tests). */
export const NO_SOCKET_CLIENT = 'local';

/**
 * The address a request came from, for counting failed sign-ins and unknown links. X-Forwarded-For is anyone's to write, so it is
 * read only when TRUST_PROXY says a reverse proxy stands in front; then its last entry is the one that proxy
 * appended, the address it saw.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? NO_SOCKET_CLIENT;
  } catch {
    return NO_SOCKET_CLIENT;
  }
}
