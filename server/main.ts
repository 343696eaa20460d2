import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { connect } from '../db/connect.ts';
import { failInterrupted } from '../db/repositories/deliveries.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { linkOriginNotice } from './http/linkOrigin.ts';
import { ensureFirstAdmin } from './services/accounts.ts';
import { AnswerKeys } from './security/answerKeys.ts';
import { checkAnswerKeys, closeOverdueCampaigns } from './services/campaignClosing.ts';
import { applyRetention, describeRemoval } from './services/retention.ts';
import { smtpMailer } from './mail/mailer.ts';
import { sendDueReminders } from './services/deliveries.ts';
import { DeliveryWorker } from './services/deliveryWorker.ts';
import { PdfBrowser } from './pdf/pdfBrowser.ts';

const config = loadConfig();
const conn = await connect(config.databaseUrl);

const admin = await ensureFirstAdmin(conn.db);
if (admin) {
  console.log(`\nFirst start: an administrator account was created. It is shown only this once.\n  login:    ${admin.login}\n  password: ${admin.password}\nChange it with: npm run user -- password ${admin.login}\n`);
}

const now = () => new Date();
const answerKeys = new AnswerKeys(config.answerKeyDir);
const checkKeys = async () => {
  const { destroyed, made, missing } = await checkAnswerKeys(conn.db, answerKeys);
  if (destroyed.length) console.log(`Destroyed the answer keys of ${destroyed.length} campaign(s) no longer open.`);
  if (made.length) console.log(`Made answer keys for ${made.length} open campaign(s) that had none (opened by an earlier version).`);
  for (const id of missing) {
    console.error(`Campaign ${id} is open, but its answer key ${answerKeys.dir}/${id}.key is missing: its answers cannot be stored or read. Restore the file from its backup.`);
  }
};
const sweep = () =>
  checkKeys()
    .then(() => closeOverdueCampaigns(conn.db, answerKeys, now(), config.timeZone))
    .then(
      (ids) => ids.length && console.log(`Closed ${ids.length} campaign(s) whose deadline had passed.`),
      (error) => console.error('Closing overdue campaigns failed:', error),
    );
await sweep();
const timer = setInterval(sweep, 60_000);

// §15: records past their three years go once a day (and at start).
const retain = () =>
  applyRetention(conn.db, now(), config.timeZone).then(
    (removed) => removed.forEach((r) => console.log(`Retention: removed ${describeRemoval(r)}.`)),
    (error) => console.error('Removing records past retention failed:', error),
  );
await retain();
const retentionTimer = setInterval(retain, 86_400_000);

// Messages cut off by the last stop may or may not have left: HR sees them as failed and can retry.
await failInterrupted(conn.db, 'interrupted');
const deliveryWorker = new DeliveryWorker(conn.db, smtpMailer(config.mail));
const remind = () =>
  sendDueReminders(conn.db, deliveryWorker, now(), config.timeZone).then(
    (queued) => queued && console.log(`Queued ${queued} scheduled reminder(s).`),
    (error) => console.error('Scheduled reminders failed:', error),
  );
void remind();
const reminderTimer = setInterval(remind, 60_000);

// Chromium starts with the first PDF asked for, not with the server.
const pdfBrowser = new PdfBrowser(config.chromiumPath);
// The app is made once the port is known (PORT=0 takes any free one): links without PUBLIC_URL name the port taken.
let app: ReturnType<typeof createApp> | undefined;
const server = serve({ fetch: (request, env) => app!.fetch(request, env), port: config.port, hostname: config.host });
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
app = createApp({ conn, config: { ...config, port }, now, deliveryWorker, pdfBrowser, answerKeys });
const notice = linkOriginNotice({ ...config, port });
if (notice) console.log(notice);
console.log(`Bagalau 360 listens on http://localhost:${port} (database: ${conn.dialect}${conn.file ? ` ${conn.file}` : ''})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    clearInterval(timer);
    clearInterval(retentionTimer);
    clearInterval(reminderTimer);
    // Chromium first: its idle connections to this server would hold server.close() back.
    void pdfBrowser.close().finally(() => server.close(() => void conn.db.destroy().then(() => process.exit(0))));
  });
}
