import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig, type AppConfig } from '../../server/config.ts';
import { smtpMailer } from '../../server/mail/mailer.ts';
import { AnswerKeys } from '../../server/security/answerKeys.ts';
import { SecretBox } from '../../server/security/secretBox.ts';
import { createUser } from '../../server/services/accounts.ts';
import { DeliveryWorker } from '../../server/services/deliveryWorker.ts';
import { connectTestDatabase, freshDatabaseUrl, removeAfterwards } from './testDatabase.ts';

export interface TestApp {
  conn: Connection;
  /**
   * Sends a request as the signed-in HR officer (or anonymously with `cookie: null`), from the app's own pages
   * (Origin http://b360.test) unless `headers` say otherwise; `origin: null` leaves Origin out.
   */
  call: (method: string, path: string, body?: unknown, options?: { cookie?: string | null; raw?: string | Uint8Array<ArrayBuffer>; contentType?: string; origin?: string | null; headers?: Record<string, string> }) => Promise<Response>;
  json: <T = any>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  cookie: string;
  /**
   * The session of a second HR officer who hands out the links (test/support/fixtures.ts issueLinks): the links
   * they held do not count in the reports they read (shared/scoring/readerThreshold.ts), and the tests read
   * reports as the HR officer of `cookie`, who did not hold them.
   */
  distributor: string;
  setNow: (date: Date) => void;
  /** Sends the app's e-mail; `await deliveryWorker.kick()` waits until the queue is empty. */
  deliveryWorker: DeliveryWorker;
  /** The app's answer keys, in a folder of its own removed after the test. */
  answerKeys: AnswerKeys;
}

/** An app in this process: also the app itself, for its route table and requests built byte by byte. */
export type InProcessTestApp = TestApp & { app: ReturnType<typeof createApp> };

/** `call` then its JSON body (none for 204): the shorthand every test app offers. */
export const jsonOf =
  (call: TestApp['call']): TestApp['json'] =>
  async (method, path, body) => {
    const res = await call(method, path, body);
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };

/** Answer keys in a folder of the test's own, removed after the test (or the file) that made it. */
export const testAnswerKeys = (): AnswerKeys => new AnswerKeys(removeAfterwards(fs.mkdtempSync(path.join(os.tmpdir(), 'b360-keys-'))));

const PASSWORD = 'api-test-password';

/** The login of the HR officer who hands out links in tests (TestApp.distributor). */
export const DISTRIBUTOR = 'hr-links';

/** Signs an account in; its session cookie. */
export async function signInWith(call: TestApp['call'], login: string, password = PASSWORD): Promise<string> {
  const res = await call('POST', '/auth/login', { login, password }, { cookie: null });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Makes the HR officer who hands out links (TestApp.distributor) and signs them in. */
export async function signInDistributor(db: Connection['db'], call: TestApp['call'], password = PASSWORD): Promise<string> {
  await createUser(db, { login: DISTRIBUTOR, fullName: 'HR (links)', role: 'hr', password });
  return signInWith(call, DISTRIBUTOR, password);
}
const ORIGIN = 'http://b360.test';

/**
 * The whole app on a private database (in-memory SQLite, or a throwaway PostgreSQL schema under
 * TEST_DATABASE=postgres: test/support/testDatabase.ts; `databaseUrl` names another), with an HR account signed in.
 * On a database that already has it (`existingAccount`: another test app's, restored from a backup) it only signs in.
 */
export async function createTestApp(
  setup: { mail?: AppConfig['mail']; databaseUrl?: string; existingAccount?: boolean; chromiumPath?: string; totpKey?: Buffer; answerKeys?: AnswerKeys; publicUrl?: string | null } = {},
): Promise<InProcessTestApp> {
  const conn = await connectTestDatabase(setup.databaseUrl ?? (await freshDatabaseUrl()));
  // Mid-December 2025: campaigns of 2025 (deadline 10 January 2026) are still open.
  let now = new Date('2025-12-15T06:00:00Z');
  // PUBLIC_URL is the app's own address unless a test asks for another (null: none, links for this computer only).
  const config = { ...loadConfig({ DATA_DIR: '/tmp' }), publicUrl: setup.publicUrl === undefined ? ORIGIN : setup.publicUrl, mail: setup.mail ?? null, ...(setup.chromiumPath && { chromiumPath: setup.chromiumPath }) };
  // Retries a few milliseconds apart: the tests check that they happen, not how long they wait.
  const deliveryWorker = new DeliveryWorker(conn.db, smtpMailer(config.mail), { retryDelaysMs: [20, 20] });
  // Second-factor secrets sealed under a key of this test's own (`totpKey`: shared with another app on the same
  // data), kept in memory rather than in a file.
  const totpKey = setup.totpKey ?? randomBytes(32);
  const secretBox = new SecretBox(() => totpKey);
  const answerKeys = setup.answerKeys ?? testAnswerKeys();
  const app = createApp({ conn, config, now: () => now, deliveryWorker, secretBox, answerKeys }, { staticDir: null });
  // The HR officer who writes the reports (§37) holds the grant to read them (§21).
  if (!setup.existingAccount) await createUser(conn.db, { login: 'hr', fullName: 'HR', role: 'hr', password: PASSWORD, canReadReports: true });

  const call: TestApp['call'] = (method, path, body, options = {}) => {
    const origin = options.origin === undefined ? ORIGIN : options.origin;
    const headers: Record<string, string> = { ...(origin && { origin }), ...options.headers };
    const cookie = options.cookie === undefined ? testApp.cookie : options.cookie;
    if (cookie) headers.cookie = cookie;
    if (body !== undefined || options.raw !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    return Promise.resolve(app.request(`${ORIGIN}/api${path}`, { method, headers, body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)) }));
  };
  const testApp: InProcessTestApp = {
    conn,
    app,
    call,
    cookie: '',
    distributor: '',
    json: jsonOf(call),
    setNow: (date) => (now = date),
    deliveryWorker,
    answerKeys,
  };
  testApp.cookie = await signInWith(call, 'hr');
  testApp.distributor = setup.existingAccount ? await signInWith(call, DISTRIBUTOR) : await signInDistributor(conn.db, call);
  return testApp;
}
