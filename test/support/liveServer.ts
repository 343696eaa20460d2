import fs from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp, DIST_DIR } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { smtpMailer } from '../../server/mail/mailer.ts';
import { PdfBrowser } from '../../server/pdf/pdfBrowser.ts';
import { createUser } from '../../server/services/accounts.ts';
import { DeliveryWorker } from '../../server/services/deliveryWorker.ts';
import { jsonOf, signInDistributor, signInWith, testAnswerKeys, type TestApp } from './testApp.ts';
import { connectFresh } from './testDatabase.ts';

export interface LiveServer extends TestApp {
  origin: string;
  /** Stops Chromium and the server. */
  close: () => Promise<void>;
}

const PASSWORD = 'live-test-password';

/**
 * The whole app listening on a loopback port with the built UI, for what needs a real server: printing
 * reports, which Chromium does from the app's own pages. Requests go over HTTP; the HR officer 'hr' (granted
 * to read reports) is signed in, and the database is the test's own, as in createTestApp.
 */
export async function startLiveServer(options: { chromiumPath?: string } = {}): Promise<LiveServer> {
  if (!fs.existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(`Printing reports needs the built UI in ${DIST_DIR}: run \`npx vite build\` first (npm test builds before Vitest).`);
  }
  const conn = await connectFresh();
  let now = new Date('2025-12-15T06:00:00Z');
  let app: Hono | undefined;
  const server = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const config = { ...loadConfig({ DATA_DIR: '/tmp', HOST: '127.0.0.1', PORT: String(port) }), ...(options.chromiumPath && { chromiumPath: options.chromiumPath }) };
  const pdfBrowser = new PdfBrowser(config.chromiumPath);
  const deliveryWorker = new DeliveryWorker(conn.db, smtpMailer(null));
  const answerKeys = testAnswerKeys();
  app = createApp({ conn, config, now: () => now, deliveryWorker, pdfBrowser, answerKeys });
  await createUser(conn.db, { login: 'hr', fullName: 'HR', role: 'hr', password: PASSWORD, canReadReports: true });

  const origin = `http://127.0.0.1:${port}`;
  const call: TestApp['call'] = (method, apiPath, body, callOptions = {}) => {
    const sender = callOptions.origin === undefined ? origin : callOptions.origin;
    const headers: Record<string, string> = { ...(sender && { origin: sender }), ...callOptions.headers };
    const cookie = callOptions.cookie === undefined ? live.cookie : callOptions.cookie;
    if (cookie) headers.cookie = cookie;
    if (body !== undefined || callOptions.raw !== undefined) headers['content-type'] = callOptions.contentType ?? 'application/json';
    return fetch(`${origin}/api${apiPath}`, { method, headers, body: callOptions.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  };
  const live: LiveServer = {
    conn,
    call,
    cookie: '',
    distributor: '',
    json: jsonOf(call),
    setNow: (date) => (now = date),
    deliveryWorker,
    answerKeys,
    origin,
    close: async () => {
      await pdfBrowser.close();
      server.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await conn.db.destroy();
    },
  };
  live.cookie = await signInWith(call, 'hr', PASSWORD);
  live.distributor = await signInDistributor(conn.db, call, PASSWORD);
  return live;
}
