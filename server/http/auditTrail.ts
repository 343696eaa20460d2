import type { Context, MiddlewareHandler } from 'hono';
import type { DB } from '../../db/connect.ts';
import { insertAuditEntry } from '../../db/repositories/audit.ts';
import type { AppEnv, SessionUser } from './session.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Adds what a handler changed to its audit entry (names, counts — never a password, token or answer). */
export function auditDetails(c: Context<AppEnv>, details: Record<string, unknown>): void {
  c.set('auditDetails', { ...c.get('auditDetails'), ...details });
}

/** Marks a read worth recording (a report opened), which the trail otherwise skips. */
export function auditRead(c: Context<AppEnv>, details: Record<string, unknown> = {}): void {
  auditDetails(c, details);
  c.set('auditRead', true);
}

/** Writes one audit entry for `user`. */
export function recordAction(
  db: DB,
  at: Date,
  user: Pick<SessionUser, 'id' | 'login'>,
  action: string,
  target: Record<string, string> | null = null,
  details: Record<string, unknown> | null = null,
): Promise<void> {
  return insertAuditEntry(db, { at: at.toISOString(), userId: user.id, userLogin: user.login, action, target, details });
}

/**
 * Records every change a signed-in staff member makes through the API, once it has succeeded: the route, its
 * parameters, the user and the time. Mounted on the staff API only — respondents never pass here.
 */
export function auditTrail(db: DB, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status >= 400 || (READS.has(c.req.method) && !c.get('auditRead'))) return;
    const params = c.req.param() as Record<string, string>;
    const action = `${c.req.method} ${c.req.routePath.replace(/^\/api/, '')}`;
    await recordAction(db, now(), c.get('user'), action, Object.keys(params).length ? params : null, c.get('auditDetails') ?? null);
  };
}
