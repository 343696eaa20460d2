import fs from 'node:fs';
import { connect, type Connection } from '../../db/connect.ts';
import { TEST_POSTGRES_URL, throwawaySchema } from './postgresSchema.ts';

/**
 * Which database the suite runs on. By default every test app gets its own in-memory SQLite database;
 * `TEST_DATABASE=postgres` (npm run test:postgres) gives each one a fresh PostgreSQL schema instead, so the
 * same tests run on both. A test that only makes sense on one of them says so with `onPostgres`.
 */
export const onPostgres = process.env.TEST_DATABASE === 'postgres';

type Phase = 'file' | 'test';
interface Opened {
  phase: Phase;
  close: () => Promise<void>;
}

// What the running test file opened on PostgreSQL: each app's pool holds connections until closed, and the
// server allows 100 in all. What a test opened (in it or its beforeEach) is closed after it, the rest after the file.
const opened: Opened[] = [];
let phase: Phase = 'file';

/** A URL for a database of one's own: `sqlite::memory:`, or a new PostgreSQL schema dropped after the test (or file). */
export async function freshDatabaseUrl(): Promise<string> {
  if (!onPostgres) return 'sqlite::memory:';
  const schema = await throwawaySchema();
  if (!schema) throw new Error(`TEST_DATABASE=postgres, but no PostgreSQL answers at ${TEST_POSTGRES_URL} (set TEST_POSTGRES_URL, or start it: bash scripts/ensure-postgres.sh)`);
  opened.push({ phase, close: schema.drop });
  return schema.url;
}

/** Closes `conn` with the test (or file) that opened it, on PostgreSQL, before its schema is dropped. */
export function closeAfterwards(conn: Connection): Connection {
  if (conn.dialect === 'postgres') opened.push({ phase, close: () => conn.db.destroy() });
  return conn;
}

/** Removes a folder of the test's (an app's answer keys) after the test, or the file, that made it. */
export function removeAfterwards(dir: string): string {
  opened.push({ phase, close: async () => fs.rmSync(dir, { recursive: true, force: true }) });
  return dir;
}

/** A connection to `url`, migrated unless told, closed afterwards. */
export async function connectTestDatabase(url: string, options: { migrate?: boolean } = {}): Promise<Connection> {
  return closeAfterwards(await connect(url, options));
}

/** A connection to a fresh database (see freshDatabaseUrl), migrated unless told, closed afterwards. */
export async function connectFresh(options: { migrate?: boolean } = {}): Promise<Connection> {
  return connectTestDatabase(await freshDatabaseUrl(), options);
}

/** test/support/testDatabaseHooks.ts: a test begins. */
export function testStarts(): void {
  phase = 'test';
}

/** Closes, newest first, what was opened during a test (`test`) or everything still open (`file`). */
export async function closeOpened(scope: Phase): Promise<void> {
  phase = 'file';
  for (let i = opened.length - 1; i >= 0; i--) {
    const entry = opened[i]!;
    if (scope === 'test' && entry.phase !== 'test') continue;
    opened.splice(i, 1);
    await entry.close();
  }
}
