import { PostgresAdapter, sql } from 'kysely';
import { entryHash, GENESIS_HASH, type ChainedEntry } from '../auditChain.ts';
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

/**
 * Appends an entry chained to the newest one. Reading that entry and inserting must not interleave with another
 * writer, or two entries would chain from the same one: SQLite's single connection runs one transaction at a
 * time; PostgreSQL's exclusive table lock (readers still pass) queues writers until commit.
 */
export async function insertAuditEntry(db: DB, entry: AuditRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`lock table audit_entry in exclusive mode`.execute(trx);
    const last = await trx.selectFrom('audit_entry').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const row = {
      seq: last ? Number(last.seq) + 1 : 1,
      at: entry.at,
      user_id: entry.userId,
      user_login: entry.userLogin,
      action: entry.action,
      target: entry.target ? JSON.stringify(entry.target) : null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    };
    await trx.insertInto('audit_entry').values({ ...row, hash: entryHash(last?.hash ?? GENESIS_HASH, row) }).execute();
  });
}

/** The whole log in `seq` order, as stored, for verifying its chain. */
export async function listChainedEntries(db: DB): Promise<ChainedEntry[]> {
  const rows = await db.selectFrom('audit_entry').selectAll().orderBy('seq').execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
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
