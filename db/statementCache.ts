import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared: the app's queries are a few hundred; lists of `?` of every length are not. */
const CACHED_STATEMENTS = 500;

/**
 * The SQLite handle as Kysely sees it, with its prepared statements kept and reused by SQL text. Kysely
 * prepares every query it runs afresh, and parsing and planning a four-table join costs as much as running it:
 * a respondent's submission runs the same five statements each time. Least recently used texts are dropped
 * beyond CACHED_STATEMENTS. A statement still being iterated (a stream) is never handed out twice.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-inserted: a Map iterates in insertion order, so its first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
