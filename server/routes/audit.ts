import { Hono } from 'hono';
import { listAuditEntries } from '../../db/repositories/audit.ts';
import { AUDIT_READERS } from '../../shared/access/roles.ts';
import { auditQuery } from '../../shared/schemas/audit.ts';
import { parseQuery } from '../http/parseBody.ts';
import { requireRole } from '../http/requireRole.ts';
import type { AppEnv } from '../http/session.ts';
import type { AppDeps } from './deps.ts';

export function auditRoutes({ conn: { db } }: AppDeps) {
  return new Hono<AppEnv>().get('/audit', requireRole(...AUDIT_READERS), async (c) => {
    const q = parseQuery(c, auditQuery);
    const entries = await listAuditEntries(db, { before: q.before, userLogin: q.user, action: q.action, limit: q.limit });
    return c.json({ entries, next: entries.length === q.limit ? entries.at(-1)!.seq : null });
  });
}
