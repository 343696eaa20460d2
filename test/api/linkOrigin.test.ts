import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { sendDueReminders } from '../../server/services/deliveries.ts';
import { openCampaign, seedUnit, tokenOf } from '../support/fixtures.ts';
import { requestWithHost } from '../support/hostRequest.ts';
import { startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { createTestApp, type InProcessTestApp } from '../support/testApp.ts';

/** The port of the test app's configuration: loadConfig's default PORT. */
const PORT = 8080;
const TOKEN = '[A-Za-z0-9_-]{43}';
/** Every link a mail carries, in its text and its HTML, wherever it points. */
const linksIn = (mail: ParsedMail) => [...`${mail.text}\n${mail.html}`.matchAll(/[a-z]+:\/\/[^\s"<>]+\/r#[A-Za-z0-9_-]+/g)].map((m) => m[0]);
/** Checks that a mail carries a link and every link it carries is `expected`'s. */
const expectLinksOn = (mail: ParsedMail, expected: RegExp) => {
  expect(linksIn(mail).length).toBeGreaterThan(0);
  expect(linksIn(mail).filter((url) => !expected.test(url))).toEqual([]);
};

let smtp: TestSmtp;
let t: InProcessTestApp;
let server: ReturnType<typeof serve>;
let port: number;

/** The test app with e-mail, served on a loopback port: requests reach it as an attacker sends them, Host and all. */
async function start(publicUrl: string | null) {
  smtp = await startSmtp();
  t = await createTestApp({ mail: { smtpUrl: smtp.url, from: 'Bagalau 360 <hr@b360.test>' }, publicUrl });
  server = serve({ fetch: (request) => t.app.fetch(request), port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
}
afterEach(async () => {
  server.close();
  if ('closeAllConnections' in server) server.closeAllConnections();
  await smtp.close();
});

/**
 * The signed-in HR officer's request over HTTP, naming `host` in Host and sent from a page at that host (its
 * Origin, as a browser spells it, which the CSRF check compares with the Host), with `headers` besides.
 */
const send = (method: string, path: string, host: string, body?: unknown, headers: Record<string, string> = {}) =>
  requestWithHost(`http://127.0.0.1:${port}`, { method, path: `/api${path}`, host, body, headers: { origin: new URL(`http://${host}`).origin, cookie: t.cookie, ...headers } });

/** An open campaign: a head evaluated by three employees, all but the third with e-mail; no link issued yet. */
async function openCampaignWithMail() {
  const { head, employees } = await seedUnit(t, 3);
  for (const [id, email] of [[head.id, 'head@b360.test'], [employees[0].id, 'one@b360.test'], [employees[1].id, 'two@b360.test']]) {
    await t.conn.db.updateTable('person').set({ email }).where('id', '=', id).execute();
  }
  return (await openCampaign(t, head.id, employees.map((e: { id: string }) => e.id))).campaignId;
}

const rows = async (table: 'link' | 'delivery' | 'reminder_schedule') => (await t.conn.db.selectFrom(table).selectAll().execute()).length;
const storedOrigins = async () => [
  ...(await t.conn.db.selectFrom('delivery').select('link_origin').execute()),
  ...(await t.conn.db.selectFrom('reminder_schedule').select('link_origin').execute()),
].map((r) => r.link_origin);
const opens = async (url: string) => (await t.call('POST', '/respond/open', { token: tokenOf(url) }, { cookie: null })).status;

describe('respondent links with PUBLIC_URL set', () => {
  it('are on PUBLIC_URL whatever Host and X-Forwarded-Host a request names: the list, sheets, e-mail, reminders, the schedule', async () => {
    await start('http://b360.test');
    const campaignId = await openCampaignWithMail();
    const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const onPublicUrl = new RegExp(`^http://b360\\.test/r#${TOKEN}$`);

    const listed = await send('POST', `/campaigns/${campaignId}/links`, 'evil.example', {}, forged);
    expect(listed.status).toBe(201);
    expect(listed.body.links).toHaveLength(4);
    for (const link of listed.body.links) expect(link.url).toMatch(onPublicUrl);

    const printed = await send('POST', `/campaigns/${campaignId}/sheets`, 'evil.example:8080', {}, forged);
    expect(printed.status).toBe(201);
    expect(printed.body.sheets.map((s: { url: string }) => s.url)).toEqual([expect.stringMatching(onPublicUrl)]);

    expect(await send('POST', `/campaigns/${campaignId}/deliveries/invitations`, 'evil.example', {}, forged)).toEqual({ status: 202, body: { queued: 3 } });
    await t.deliveryWorker.kick();
    expect(await send('POST', `/campaigns/${campaignId}/deliveries/reminders`, 'evil.example', undefined, forged)).toEqual({ status: 202, body: { queued: 3 } });
    await t.deliveryWorker.kick();
    // The schedule keeps the origin for the job that sends its reminders later, with no request to go by.
    expect((await send('PUT', `/campaigns/${campaignId}/deliveries/schedule`, 'evil.example', { daysBefore: [3] }, forged)).status).toBe(204);
    expect(await sendDueReminders(t.conn.db, t.deliveryWorker, new Date('2026-01-06T04:00:00Z'), 'Asia/Almaty')).toBe(3);

    const mails = await smtp.waitFor(9);
    for (const mail of mails) {
      expectLinksOn(mail, onPublicUrl);
      expect(`${mail.text}${mail.html}`).not.toContain('evil.example');
    }
    expect(await storedOrigins()).toEqual(Array(11).fill('http://b360.test'));
  });
});

describe('respondent links without PUBLIC_URL', () => {
  it('are refused to a request addressed to another computer, or relayed from one, and none is issued', async () => {
    await start(null);
    const campaignId = await openCampaignWithMail();
    const elsewhere: Array<[string, Record<string, string>]> = [
      ['evil.example', {}],
      ['10.0.0.5:8080', {}],
      ['localhost:8080', { 'x-forwarded-host': 'evil.example' }],
      ['127.0.0.1:8080', { 'x-forwarded-host': 'localhost, bagalau.example.kz' }],
    ];
    for (const [host, headers] of elsewhere) {
      for (const [method, path, body] of [
        ['POST', 'links', {}],
        ['POST', 'sheets', {}],
        ['POST', 'deliveries/invitations', {}],
        ['POST', 'deliveries/reminders', undefined],
        ['PUT', 'deliveries/schedule', { daysBefore: [3] }],
      ] as const) {
        const res = await send(method, `/campaigns/${campaignId}/${path}`, host, body, headers);
        expect({ host, path, ...res }).toEqual({
          host,
          path,
          status: 409,
          body: { error: { code: 'links.publicUrlRequired', message: expect.stringContaining('Set PUBLIC_URL to the address respondents open'), details: { origin: `http://localhost:${PORT}` } } },
        });
      }
    }
    await t.deliveryWorker.kick();
    expect(await sendDueReminders(t.conn.db, t.deliveryWorker, new Date('2026-01-06T04:00:00Z'), 'Asia/Almaty')).toBe(0);
    expect([await rows('link'), await rows('delivery'), await rows('reminder_schedule'), smtp.messages.length]).toEqual([0, 0, 0, 0]);
  });

  it(`are on http://localhost:${PORT} for a request addressed to this computer, whatever name or port it used`, async () => {
    await start(null);
    const campaignId = await openCampaignWithMail();
    const onThisComputer = new RegExp(`^http://localhost:${PORT}/r#${TOKEN}$`);

    // The UI's development server on 5173 relays /api with its own Host: the link is still the server's.
    const listed = await send('POST', `/campaigns/${campaignId}/links`, 'localhost:5173', {});
    expect(listed.status).toBe(201);
    expect(listed.body.links).toHaveLength(4);
    for (const link of listed.body.links) expect(link.url).toMatch(onThisComputer);

    const printed = await send('POST', `/campaigns/${campaignId}/sheets`, `127.0.0.1:${port}`, {});
    expect(printed.status).toBe(201);
    expect(printed.body.sheets.map((s: { url: string }) => s.url)).toEqual([expect.stringMatching(onThisComputer)]);

    expect((await send('POST', `/campaigns/${campaignId}/deliveries/invitations`, `[::1]:${port}`, {})).status).toBe(202);
    await t.deliveryWorker.kick();
    expect((await send('POST', `/campaigns/${campaignId}/deliveries/reminders`, 'LOCALHOST', undefined, { 'x-forwarded-host': `localhost:${port}` })).status).toBe(202);
    await t.deliveryWorker.kick();
    expect((await send('PUT', `/campaigns/${campaignId}/deliveries/schedule`, 'localhost:5173', { daysBefore: [3] })).status).toBe(204);
    expect(await sendDueReminders(t.conn.db, t.deliveryWorker, new Date('2026-01-06T04:00:00Z'), 'Asia/Almaty')).toBe(3);

    const mails = await smtp.waitFor(9);
    for (const mail of mails) expectLinksOn(mail, onThisComputer);
    expect(await storedOrigins()).toEqual(Array(11).fill(`http://localhost:${PORT}`));
    // They are the respondents' links, working as any other.
    expect(await opens(printed.body.sheets[0].url)).toBe(200);
    expect(await opens(linksIn(mails[0]!)[0]!)).toBe(200);
  });
});
