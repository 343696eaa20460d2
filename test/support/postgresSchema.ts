import pg from 'pg';

/** The PostgreSQL server of the suite's PostgreSQL pass (TEST_DATABASE=postgres) and of the crash test. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ThrowawaySchema {
  /** The database URL with the schema first on the search path. */
  url: string;
  drop: () => Promise<void>;
}

/** A fresh, uniquely named schema for one test, or null when no PostgreSQL server answers. */
export async function throwawaySchema(baseUrl = TEST_POSTGRES_URL): Promise<ThrowawaySchema | null> {
  const name = `test_${crypto.randomUUID().replaceAll('-', '')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 2000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await run(`create schema ${name}`);
  } catch {
    return null;
  }
  const separator = baseUrl.includes('?') ? '&' : '?';
  return { url: `${baseUrl}${separator}options=${encodeURIComponent(`-c search_path=${name}`)}`, drop: () => run(`drop schema ${name} cascade`) };
}
