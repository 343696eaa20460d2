import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../../db/connect.ts';
import { GroupCommit } from '../../db/groupCommit.ts';

describe('group commit on SQLite', () => {
  let statements: string[];
  let db: DB;
  let group: GroupCommit;
  beforeEach(async () => {
    statements = [];
    const sqlite = new SqliteDatabase(':memory:');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec(`create table parent (id integer primary key);
                 create table child (id integer primary key, parent_id integer references parent (id) deferrable initially deferred);
                 insert into parent values (1);
                 create trigger ends_everything before insert on child when new.id = 99
                   begin select raise(rollback, 'the whole transaction rolled back'); end;`);
    db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }), log: (event) => void statements.push(event.query.sql) }) as unknown as DB;
    group = new GroupCommit(db);
  });
  const insertChild = (id: number, parentId = 1) => group.transaction(async (trx) => {
    await sql`insert into child (id, parent_id) values (${id}, ${parentId})`.execute(trx);
    return id;
  });
  const children = async () => (await sql<{ id: number }>`select id from child order by id`.execute(db)).rows.map((r) => r.id);
  const commits = () => statements.filter((s) => s === 'commit').length;

  it('commits transactions asked for together once, and answers each with its own result', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => insertChild(i + 1)));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(commits()).toBe(1);
    expect(await children()).toHaveLength(20);
  });

  it('runs one transaction asked for alone without savepoints, and a later one in a commit of its own', async () => {
    await insertChild(1);
    await insertChild(2);
    expect(commits()).toBe(2);
    expect(statements.some((s) => s.startsWith('savepoint'))).toBe(false);
    expect(await children()).toEqual([1, 2]);
  });

  it('rolls back a failing transaction alone: the others of its group are committed', async () => {
    const outcomes = await Promise.allSettled([insertChild(1), insertChild(1), insertChild(3)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(await children()).toEqual([1, 3]);
  });

  it('rejects every transaction of the group when the commit fails, and keeps none of them', async () => {
    // A deferred foreign key is checked at commit: the dangling child makes the group's one commit fail.
    const outcomes = await Promise.allSettled([insertChild(1), insertChild(2, 99), insertChild(3)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await children()).toEqual([]);
    // The connection is usable afterwards.
    expect(await insertChild(4)).toBe(4);
    expect(await children()).toEqual([4]);
  });

  it('rejects the whole group with the error of a transaction that made SQLite roll everything back', async () => {
    // As a full disk or an I/O error does: the savepoint is gone, and the work's error is the group's.
    const outcomes = await Promise.allSettled([insertChild(1), insertChild(99), insertChild(3)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes) expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/the whole transaction rolled back/);
    expect(await children()).toEqual([]);
    expect(await insertChild(4)).toBe(4);
  });

  describe('under a test’s fake timers', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());
    it('still commits: it does not wait on the fake clock', async () => {
      expect(await Promise.all([insertChild(1), insertChild(2)])).toEqual([1, 2]);
      expect(await children()).toEqual([1, 2]);
    });
  });

  it('gathers transactions asked for during a flush into the next group, after that flush’s commit', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slow = group.transaction(async (trx) => {
      await sql`insert into child (id, parent_id) values (2, 1)`.execute(trx);
      await gate;
    });
    const first = Promise.all([insertChild(1), slow]);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the first group is flushing, held at the gate
    const second = Promise.all([3, 4, 5].map((id) => insertChild(id)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Only the held transaction's insert has run: the second group waits for the first to end.
    expect(statements.filter((s) => s.startsWith('insert'))).toHaveLength(1);
    open();
    await Promise.all([first, second]);
    expect(commits()).toBe(2);
    const firstCommit = statements.indexOf('commit');
    expect(statements.slice(0, firstCommit).filter((s) => s.startsWith('insert'))).toHaveLength(2);
    expect(await children()).toEqual([1, 2, 3, 4, 5]);
  });
});
