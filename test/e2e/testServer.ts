import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { connect } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createUser } from '../../server/services/accounts.ts';
import { TEST_POSTGRES_URL, throwawaySchema } from '../support/postgresSchema.ts';
import { onPostgres } from '../support/testDatabase.ts';
import { E2E_ADMIN, E2E_DISTRIBUTOR, E2E_HR, E2E_HR_HEAD, E2E_TRAINER } from './credentials.ts';

// The built product on a fresh SQLite file (or, with TEST_DATABASE=postgres, a throwaway PostgreSQL schema), with
// known HR and administrator accounts for the browser tests.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-e2e-'));
const schema = onPostgres ? await throwawaySchema() : undefined;
if (schema === null) throw new Error(`TEST_DATABASE=postgres, but no PostgreSQL answers at ${TEST_POSTGRES_URL}`);
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: process.env.E2E_PORT ?? '8361', DATABASE_URL: schema?.url });
const conn = await connect(config.databaseUrl);
await createUser(conn.db, { ...E2E_HR, role: 'hr', canReadReports: true });
await createUser(conn.db, { ...E2E_HR_HEAD, role: 'hr_head' });
await createUser(conn.db, { ...E2E_ADMIN, role: 'admin' });
await createUser(conn.db, { ...E2E_TRAINER, role: 'trainer' });
await createUser(conn.db, { ...E2E_DISTRIBUTOR, role: 'hr' });
const server = serve({ fetch: createApp({ conn, config, now: () => new Date() }).fetch, port: config.port, hostname: '127.0.0.1' });
// Playwright stops the server with SIGTERM (playwright.config.ts: gracefulShutdown): the data goes with it.
process.on('SIGTERM', () => {
  server.close();
  void conn.db
    .destroy()
    .then(() => schema?.drop())
    .finally(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
});
