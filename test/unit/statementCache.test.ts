import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../db/statementCache.ts';

describe('the SQLite statement cache', () => {
  const sqlite = new SqliteDatabase(':memory:');
  sqlite.exec('create table t (n integer)');
  sqlite.exec('insert into t values (1), (2), (3)');
  afterEach(() => sqlite.exec('delete from t where n > 3'));

  it('hands out the one prepared statement for the same SQL text, and answers with each call’s parameters', () => {
    const db = withStatementCache(sqlite);
    const first = db.prepare('select n from t where n = ?');
    const second = db.prepare('select n from t where n = ?');
    expect(second).toBe(first);
    expect(first.all([2])).toEqual([{ n: 2 }]);
    expect(second.all([3])).toEqual([{ n: 3 }]);
    expect(db.prepare('select n from t where n > ?')).not.toBe(first);
  });

  it('prepares a second statement while the cached one is still being iterated', () => {
    const db = withStatementCache(sqlite);
    const sql = 'select n from t order by n';
    const outer = db.prepare(sql);
    const seen: unknown[] = [];
    for (const row of outer.iterate([])) {
      const inner = db.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push(row, inner.all([]).length);
    }
    expect(seen).toEqual([{ n: 1 }, 3, { n: 2 }, 3, { n: 3 }, 3]);
    expect(db.prepare(sql)).toBe(outer);
  });

  it('keeps at most 500 texts, dropping the least recently used', () => {
    const db = withStatementCache(sqlite);
    const kept = db.prepare('select 0 as n');
    const evicted = db.prepare('select -1 as n');
    for (let i = 1; i < 499; i++) db.prepare(`select ${i} as n`);
    expect(db.prepare('select 0 as n')).toBe(kept); // used again: now the most recent
    db.prepare('select 499 as n'); // the 501st text pushes out the least recently used
    expect(db.prepare('select 0 as n')).toBe(kept);
    expect(db.prepare('select -1 as n')).not.toBe(evicted);
  });

  it('writes through a cached statement as often as it is run', () => {
    const db = withStatementCache(sqlite);
    for (const n of [4, 5, 6]) expect(db.prepare('insert into t values (?)').run([n]).changes).toBe(1);
    expect(sqlite.prepare('select count(*) as c from t').get()).toEqual({ c: 6 });
  });
});
