import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Requests made without a socket (Hono's app.request in tests) all count as this one client. */
export const NO_SOCKET_CLIENT = 'local';

/**
 * The peer's socket address. Deliberately not X-Forwarded-For, which any client can write: behind a reverse
 * proxy every request shares the proxy's address, which limits more strictly, never less.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? NO_SOCKET_CLIENT;
  } catch {
    return NO_SOCKET_CLIENT;
  }
}
