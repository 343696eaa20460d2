import type { DB } from '../connect.ts';
import type { AuditEntryRow } from '../schema.ts';

export interface AuditRecord {
  at: string;
  userId: string | null;
  userLogin: string;
  action: string;
  target: Record<string, string> | null;
  details: Record<string, unknown> | null;
}

export async function insertAuditEntry(db: DB, entry: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_entry')
    .values({
      at: entry.at,
      user_id: entry.userId,
      user_login: entry.userLogin,
      action: entry.action,
      target: entry.target ? JSON.stringify(entry.target) : null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

export interface AuditQuery {
  /** Entries written before this sequence number (the previous page's last); newest first. */
  before?: number | undefined;
  userLogin?: string | undefined;
  action?: string | undefined;
  limit: number;
}

export interface AuditView extends Omit<AuditRecord, 'userId'> {
  seq: number;
}

const parse = (text: string | null) => (text ? (JSON.parse(text) as Record<string, never>) : null);

export async function listAuditEntries(db: DB, query: AuditQuery): Promise<AuditView[]> {
  let q = db.selectFrom('audit_entry').selectAll().orderBy('seq', 'desc').limit(query.limit);
  if (query.before !== undefined) q = q.where('seq', '<', query.before);
  if (query.userLogin) q = q.where('user_login', '=', query.userLogin);
  if (query.action) q = q.where('action', '=', query.action);
  const rows: AuditEntryRow[] = await q.execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    userLogin: r.user_login,
    action: r.action,
    target: parse(r.target),
    details: parse(r.details),
  }));
}
