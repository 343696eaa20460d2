import { SqliteAdapter, type Transaction } from 'kysely';
import type { DB } from './connect.ts';
import type { Database } from './schema.ts';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

// The real one, taken before any test's fake timers could replace it: a submission must not wait on a fake clock.
const defer = globalThis.setImmediate;

interface Waiting {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for SQLite: transactions asked for while the event loop was busy run together in one database
 * transaction, each inside a savepoint of its own, and are answered once the one commit — one fsync, which
 * `synchronous = FULL` makes on every commit — has returned. A respondent's submission is acknowledged only
 * after the commit that holds it, as before; what changes is that twenty submissions arriving together wait for
 * one disk flush instead of twenty in turn. A transaction that fails rolls back to its savepoint alone and
 * rejects alone; a commit that fails rejects the whole group, none of which was acknowledged.
 *
 * Why it pays: better-sqlite3 is synchronous, so the flush holds the event loop, and on a campaign's last day
 * the flush, not the work, is what submissions queue behind.
 *
 * A work must not ask for another grouped transaction and wait for it: that one would wait for this group's end.
 */
export class GroupCommit {
  readonly #db: DB;
  #waiting: Waiting[] = [];
  #flushing = false;
  #scheduled = false;

  constructor(db: DB) {
    this.#db = db;
  }

  /** Runs `work` in a transaction, sharing its commit with the others asked for in the same turn of the event loop. */
  transaction<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule() {
    if (this.#scheduled || this.#flushing || this.#waiting.length === 0) return;
    this.#scheduled = true;
    // After the I/O callbacks of this turn: every request whose body has arrived by then joins the group.
    defer(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush() {
    this.#flushing = true;
    const group = this.#waiting;
    this.#waiting = [];
    try {
      await (group.length === 1 ? this.#runAlone(group[0]!) : this.#runTogether(group));
    } finally {
      this.#flushing = false;
      this.#schedule();
    }
  }

  async #runAlone({ work, resolve, reject }: Waiting) {
    await this.#db.transaction().execute(work).then(resolve, reject);
  }

  async #runTogether(group: readonly Waiting[]) {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    let trx;
    try {
      trx = await this.#db.startTransaction().execute();
      for (const { work } of group) {
        const inSavepoint = await trx.savepoint('one_of_group').execute();
        try {
          outcomes.push({ ok: true, value: await work(inSavepoint) });
        } catch (error) {
          outcomes.push({ ok: false, error });
          try {
            await inSavepoint.rollbackToSavepoint('one_of_group').execute();
          } catch {
            // SQLite rolled the whole transaction back on this error (a full disk, an I/O error): the savepoint is
            // gone with it, and this error — not "no such savepoint" — is why the group fails.
            throw error;
          }
        }
        await inSavepoint.releaseSavepoint('one_of_group').execute();
      }
      await trx.commit().execute();
    } catch (error) {
      // Nothing of the group is kept; the transaction may already have ended with the error that brought us here.
      if (trx && !trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => undefined);
      for (const { reject } of group) reject(error);
      return;
    }
    group.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }
}

const groups = new WeakMap<DB, GroupCommit>();

/**
 * A transaction for a write on the busy path (a respondent's submission): grouped with others into one
 * commit on SQLite (GroupCommit), a transaction of its own on PostgreSQL, whose server groups commits itself.
 */
export function groupedTransaction<T>(db: DB, work: Work<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return db.transaction().execute(work);
  let group = groups.get(db);
  if (!group) groups.set(db, (group = new GroupCommit(db)));
  return group.transaction(work);
}
