import type { KyselyPlugin, RootOperationNode } from 'kysely';
import type { ParsedMail } from 'mailparser';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/connect.ts';
import { queueNew } from '../../db/repositories/deliveries.ts';
import { sendDueReminders } from '../../server/services/deliveries.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let smtp: TestSmtp;
let t: TestApp;
beforeEach(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ mail: { smtpUrl: smtp.url, from: 'Bagalau 360 <hr@b360.test>' } });
});
afterEach(() => smtp.close());

const LINK = /http:\/\/b360\.test\/r#([A-Za-z0-9_-]{43})/;
const linkIn = (mail: ParsedMail) => mail.text!.match(LINK)![0];
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0]! : mail.to!).value[0]!.address!;
const opens = async (url: string) => (await t.call('POST', '/respond/open', { token: tokenOf(url) }, { cookie: null })).status;

/**
 * A head evaluated by three employees; the head and the first two have e-mail addresses, the third has none.
 * Links were also issued once as a list, as before e-mail existed.
 */
async function campaignWithMail() {
  const { head, employees } = await seedUnit(t, 3);
  const emails = new Map([[head.id, 'head@b360.test'], [employees[0].id, 'one@b360.test'], [employees[1].id, 'two@b360.test']]);
  for (const [id, email] of emails) await t.conn.db.updateTable('person').set({ email }).where('id', '=', id).execute();
  const opened = await openCampaignWith(t, head.id, employees.map((e: { id: string }) => e.id));
  return { ...opened, head, employees };
}

async function send(campaignId: string, body: unknown = {}) {
  const res = await t.json('POST', `/campaigns/${campaignId}/deliveries/invitations`, body);
  await t.deliveryWorker.kick();
  return res;
}

const overview = async (campaignId: string) => (await t.json('GET', `/campaigns/${campaignId}/deliveries`)).body;
const submit = (url: string) => t.call('POST', '/respond/submit', { token: tokenOf(url), answers: fullAnswers('head', () => 3) }, { cookie: null });
const linkCount = async (invitationId: string) => (await t.conn.db.selectFrom('link').select('token_hash').where('invitation_id', '=', invitationId).execute()).length;
const invitationOf = async (campaignId: string, email: string) =>
  ((await overview(campaignId)).invitations as Array<{ invitationId: string; email: string | null }>).find((i) => i.email === email)!.invitationId;

async function remind(campaignId: string) {
  const res = await t.json('POST', `/campaigns/${campaignId}/deliveries/reminders`);
  await t.deliveryWorker.kick();
  return res;
}

describe('invitations by e-mail', () => {
  it('sends one message per invitation with a working link, the deadline and the anonymity promise, once', async () => {
    const { campaignId, links } = await campaignWithMail();
    const res = await send(campaignId);
    expect(res).toEqual({ status: 202, body: { queued: 3 } });
    const mails = await smtp.waitFor(3);
    expect(mails.map(to).sort()).toEqual(['head@b360.test', 'one@b360.test', 'two@b360.test']);
    for (const mail of mails) {
      expect(mail.subject).toBe('360 бағалау: сауалнамаға шақыру / Оценка 360: приглашение заполнить анкету');
      expect(mail.from!.text).toContain('hr@b360.test');
      expect(mail.text).toContain('Жасырындылыққа кепілдік беріледі');
      expect(mail.text).toContain('Анонимность гарантируется');
      expect(mail.text).toContain('10 января 2026 г. включительно');
      expect(mail.text).toContain('2026 жылғы 10 қаңтар');
      expect(mail.html).toContain(`href="${linkIn(mail)}"`);
      expect(await opens(linkIn(mail))).toBe(200);
    }
    const self = mails.find((m) => to(m) === 'head@b360.test')!;
    expect(self.text).toContain('самооценку');
    expect(mails.find((m) => to(m) === 'one@b360.test')!.text).toContain('об оцениваемом лице: Бастық Ерлан');
    // The e-mailed links come beside the listed ones, which keep working: someone may have begun with one.
    for (const link of links) expect(await opens(link.url)).toBe(200);

    // A second click sends nothing.
    expect((await send(campaignId)).body).toEqual({ queued: 0 });
    expect(smtp.messages).toHaveLength(3);
    const o = await overview(campaignId);
    expect(o.counts).toEqual({ withEmail: 3, withoutEmail: 1, emailed: 3, printed: 0, failed: 0, pending: 0 });
    expect(o.mailEnabled).toBe(true);

    // The deliveries table knows what was sent, never the link.
    const rows = await t.conn.db.selectFrom('delivery').selectAll().execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.kind === 'invitation' && r.channel === 'email' && r.status === 'sent' && r.attempts === 1 && r.sent_at)).toBe(true);
    const stored = JSON.stringify(rows);
    for (const mail of mails) expect(stored).not.toContain(tokenOf(linkIn(mail)));
    expect(stored).not.toContain('/r#');
  });

  it('re-sends only on request, with a new link that replaces the e-mailed one', async () => {
    const { campaignId } = await campaignWithMail();
    await send(campaignId);
    const [first] = await smtp.waitFor(3);
    const invitations = (await overview(campaignId)).invitations as Array<{ invitationId: string; email: string | null }>;
    const chosen = invitations.find((i) => i.email === to(first!))!;
    expect((await send(campaignId, { invitationIds: [chosen.invitationId] })).body).toEqual({ queued: 1 });
    const again = (await smtp.waitFor(4))[3]!;
    expect(to(again)).toBe(to(first!));
    expect(await opens(linkIn(first!))).toBe(404);
    expect(await opens(linkIn(again))).toBe(200);

    const noMail = invitations.find((i) => i.email === null)!;
    const refused = await t.json('POST', `/campaigns/${campaignId}/deliveries/invitations`, { invitationIds: [noMail.invitationId] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invitations.notSendable');
    expect((await t.json('POST', `/campaigns/${campaignId}/deliveries/invitations`, { invitationIds: ['x'] })).status).toBe(400);
  });

  it('does not double-send when HR clicks twice at once', async () => {
    const { campaignId } = await campaignWithMail();
    const clicks = await Promise.all([1, 2, 3].map(() => t.json('POST', `/campaigns/${campaignId}/deliveries/invitations`, {})));
    await t.deliveryWorker.kick();
    expect(clicks.reduce((n, c) => n + c.body.queued, 0)).toBe(3);
    await smtp.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(3);
  });

  it('records a refused recipient and a server that is down, and sends them on retry', async () => {
    const { campaignId } = await campaignWithMail();
    smtp.refuse.add('one@b360.test');
    await send(campaignId);
    await smtp.waitFor(2);
    let o = await overview(campaignId);
    expect(o.counts).toMatchObject({ emailed: 2, failed: 1, pending: 0 });
    // A 5xx answer is final: no point asking three times.
    expect(o.failures).toEqual([expect.objectContaining({ kind: 'invitation', email: 'one@b360.test', respondentName: 'Қызметкер 1', attempts: 1, error: expect.stringContaining('550') })]);

    // The server goes away: every attempt fails, three times, and is recorded with the network's reason.
    const port = smtp.port;
    await smtp.close();
    const invitations = (await overview(campaignId)).invitations as Array<{ invitationId: string; email: string | null }>;
    await send(campaignId, { invitationIds: invitations.filter((i) => i.email === 'two@b360.test').map((i) => i.invitationId) });
    o = await overview(campaignId);
    expect(o.failures).toHaveLength(2);
    expect(o.failures.find((f: { email: string }) => f.email === 'two@b360.test')).toMatchObject({ attempts: 3, error: expect.stringContaining('ECONNREFUSED') });

    // Back up, and the address fixed: "retry failed" sends both.
    smtp = await startSmtp(port);
    const retried = await t.json('POST', `/campaigns/${campaignId}/deliveries/retry`);
    expect(retried).toEqual({ status: 202, body: { queued: 2 } });
    await t.deliveryWorker.kick();
    const mails = await smtp.waitFor(2);
    expect(mails.map(to).sort()).toEqual(['one@b360.test', 'two@b360.test']);
    for (const mail of mails) expect(await opens(linkIn(mail))).toBe(200);
    o = await overview(campaignId);
    expect(o.failures).toEqual([]);
    expect(o.counts).toMatchObject({ emailed: 3, failed: 0 });
  });

  it('refuses without a mail server, and before the campaign is open', async () => {
    const plain = await createTestApp();
    const { head, employees } = await seedUnit(plain, 3);
    const other = await openCampaignWith(plain, head.id, employees.map((e: { id: string }) => e.id));
    const refused = await plain.json('POST', `/campaigns/${other.campaignId}/deliveries/invitations`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('mail.disabled');
    expect((await plain.json('GET', `/campaigns/${other.campaignId}/deliveries`)).body.mailEnabled).toBe(false);

    const draft = (await t.json('POST', '/campaigns', { name: 'Жоба', year: 2025 })).body.id;
    expect((await t.json('POST', `/campaigns/${draft}/deliveries/invitations`, {})).body.error.code).toBe('invitations.notOpen');
    expect((await t.json('POST', `/campaigns/${crypto.randomUUID()}/deliveries/reminders`)).status).toBe(404);
    expect(smtp.messages).toHaveLength(0);
  });
});

describe('reminders', () => {
  it('go only to those who have not answered, with a new link, once a day by hand', async () => {
    const { campaignId } = await campaignWithMail();
    await send(campaignId);
    const invitations = await smtp.waitFor(3);
    const one = invitations.find((m) => to(m) === 'one@b360.test')!;
    const answered = await t.json('POST', '/respond/submit', { token: tokenOf(linkIn(one)), answers: fullAnswers('head', () => 3) });
    expect(answered.status).toBe(201);

    const res = await t.json('POST', `/campaigns/${campaignId}/deliveries/reminders`);
    expect(res).toEqual({ status: 202, body: { queued: 2 } });
    await t.deliveryWorker.kick();
    const reminders = (await smtp.waitFor(5)).slice(3);
    expect(reminders.map(to).sort()).toEqual(['head@b360.test', 'two@b360.test']);
    for (const r of reminders) {
      expect(r.subject).toBe('360 бағалау: еске салу / Оценка 360: напоминание');
      expect(r.text).toContain('Присланная ранее ссылка тоже действует');
      expect(await opens(linkIn(r))).toBe(200);
    }
    const two = invitations.find((m) => to(m) === 'two@b360.test')!;
    expect(await opens(linkIn(two))).toBe(200);

    expect((await t.json('POST', `/campaigns/${campaignId}/deliveries/reminders`)).body).toEqual({ queued: 0 });
    const kinds = await t.conn.db.selectFrom('delivery').select(['kind', 'slot']).where('kind', '=', 'reminder').execute();
    expect(kinds).toEqual([{ kind: 'reminder', slot: 'manual:2025-12-15' }, { kind: 'reminder', slot: 'manual:2025-12-15' }]);
  });

  it('follow the schedule: on each point’s working day, from 9:00, once', async () => {
    const { campaignId } = await campaignWithMail();
    const bad = await t.json('PUT', `/campaigns/${campaignId}/deliveries/schedule`, { daysBefore: [0, 3.5] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['daysBefore.0', 'daysBefore.1']);
    expect((await t.json('PUT', `/campaigns/${campaignId}/deliveries/schedule`, { daysBefore: [1, 2, 3, 4, 5, 6] })).status).toBe(400);
    expect((await t.json('PUT', `/campaigns/${campaignId}/deliveries/schedule`, { daysBefore: [1, 3] })).status).toBe(204);
    expect((await overview(campaignId)).schedule).toEqual({
      daysBefore: [3, 1],
      points: [{ daysBefore: 3, date: '2026-01-06' }, { daysBefore: 1, date: '2026-01-09' }],
    });

    const run = (iso: string) => sendDueReminders(t.conn.db, t.deliveryWorker, new Date(iso), 'Asia/Almaty');
    expect(await run('2026-01-05T06:00:00Z')).toBe(0); // the day before the first point
    expect(await run('2026-01-06T02:00:00Z')).toBe(0); // the point's day, 07:00 in Almaty
    expect(await run('2026-01-06T04:00:00Z')).toBe(3); // 09:00
    expect(await run('2026-01-06T10:00:00Z')).toBe(0); // later the same day: already sent
    expect(await run('2026-01-07T06:00:00Z')).toBe(0); // between the points
    expect((await smtp.waitFor(3)).every((m) => m.subject!.includes('еске салу'))).toBe(true);

    const one = smtp.messages.find((m) => to(m) === 'one@b360.test')!;
    await t.json('POST', '/respond/submit', { token: tokenOf(linkIn(one)), answers: fullAnswers('head', () => 4) });
    expect(await run('2026-01-09T05:00:00Z')).toBe(2);
    expect((await smtp.waitFor(5)).slice(3).map(to).sort()).toEqual(['head@b360.test', 'two@b360.test']);
    const slots = await t.conn.db.selectFrom('delivery').select('slot').where('kind', '=', 'reminder').execute();
    expect(slots.map((s) => s.slot).sort()).toEqual(['auto:1', 'auto:1', 'auto:3', 'auto:3', 'auto:3']);
  });
});

describe('printed invitation sheets', () => {
  it('issue links with QR codes for respondents without e-mail, once unless chosen again', async () => {
    const { campaignId, links } = await campaignWithMail();
    const res = await t.json('POST', `/campaigns/${campaignId}/sheets`, {});
    expect(res.status).toBe(201);
    expect(res.body.campaign).toEqual({ name: '360 2025', deadline: '2026-01-10' });
    const [sheet] = res.body.sheets;
    expect(res.body.sheets).toHaveLength(1);
    expect(sheet).toMatchObject({ respondentName: 'Қызметкер 3', evaluatedName: 'Бастық Ерлан', relation: 'peer', url: expect.stringMatching(LINK) });
    const svg = Buffer.from(sheet.qr.replace('data:image/svg+xml;base64,', ''), 'base64').toString();
    expect(svg).toMatch(/^<svg/);
    expect(svg).toBe(await QRCode.toString(sheet.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect(await opens(sheet.url)).toBe(200);
    const listed = links.find((l) => l.respondentName === 'Қызметкер 3')!.url;
    expect(await opens(listed)).toBe(200);

    expect((await t.json('POST', `/campaigns/${campaignId}/sheets`, {})).body.sheets).toEqual([]);
    const again = await t.json('POST', `/campaigns/${campaignId}/sheets`, { invitationIds: [sheet.invitationId] });
    expect(again.body.sheets).toHaveLength(1);
    // Printing a chosen sheet again is a re-issue: every earlier link of the invitation stops working.
    expect(await opens(sheet.url)).toBe(404);
    expect(await opens(listed)).toBe(404);
    expect(await opens(again.body.sheets[0].url)).toBe(200);
    expect((await overview(campaignId)).counts).toMatchObject({ printed: 1, withoutEmail: 1 });
    const rows = await t.conn.db.selectFrom('delivery').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ channel: 'print', status: 'sent', attempts: 2 })]);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(again.body.sheets[0].url));

    await t.json('POST', '/respond/submit', { token: tokenOf(again.body.sheets[0].url), answers: fullAnswers('head', () => 2) });
    const used = await t.json('POST', `/campaigns/${campaignId}/sheets`, { invitationIds: [sheet.invitationId] });
    expect(used.status).toBe(422);
    expect(used.body.error.code).toBe('sheets.notPrintable');
  });
});

describe('links of one invitation', () => {
  it('a reminder adds a link: someone halfway through with the earlier one still submits, once', async () => {
    const { campaignId, evaluationId } = await campaignWithMail();
    await send(campaignId);
    const invited = to((await smtp.waitFor(3))[0]!);
    const first = linkIn(smtp.messages[0]!);
    expect(await opens(first)).toBe(200); // the questionnaire is open on the respondent's phone
    await remind(campaignId);
    const reminder = linkIn((await smtp.waitFor(6)).slice(3).find((m) => to(m) === invited)!);
    // The listed link, the invitation's and the reminder's.
    expect(await linkCount(await invitationOf(campaignId, invited))).toBe(3);

    expect((await submit(first)).status).toBe(201);
    const used = await submit(reminder);
    expect(used.status).toBe(410);
    expect((await used.json()).error.code).toBe('link.used');
    expect(await t.conn.db.selectFrom('answer_box').select('id').where('evaluation_id', '=', evaluationId).execute()).toHaveLength(1);
  });

  it('of two links of one invitation submitted at once, exactly one is recorded', async () => {
    const { campaignId, evaluationId } = await campaignWithMail();
    await send(campaignId);
    await smtp.waitFor(3);
    await remind(campaignId);
    const mails = (await smtp.waitFor(6)).filter((m) => to(m) === 'two@b360.test');
    const outcomes = await Promise.all(mails.map((m) => submit(linkIn(m))));
    expect(outcomes.map((r) => r.status).sort()).toEqual([201, 410]);
    expect(await t.conn.db.selectFrom('answer_box').select('id').where('evaluation_id', '=', evaluationId).execute()).toHaveLength(1);
  });

  it('a reminder that cannot be delivered leaves the earlier link working and adds none', async () => {
    const { campaignId } = await campaignWithMail();
    await send(campaignId);
    const two = (await smtp.waitFor(3)).find((m) => to(m) === 'two@b360.test')!;
    smtp.refuse.add('two@b360.test');
    await remind(campaignId);
    await smtp.waitFor(5);
    expect((await overview(campaignId)).failures).toEqual([expect.objectContaining({ kind: 'reminder', email: 'two@b360.test' })]);
    expect(await opens(linkIn(two))).toBe(200);
    // The listed link and the invitation's; the one delivered reminder added a third.
    expect(await linkCount(await invitationOf(campaignId, 'two@b360.test'))).toBe(2);
    expect(await linkCount(await invitationOf(campaignId, 'one@b360.test'))).toBe(3);
  });

  it('HR’s explicit re-send and re-issue replace every link of the invitation', async () => {
    const { campaignId } = await campaignWithMail();
    await send(campaignId);
    await smtp.waitFor(3);
    await remind(campaignId);
    const earlier = (await smtp.waitFor(6)).filter((m) => to(m) === 'one@b360.test').map(linkIn);
    for (const url of earlier) expect(await opens(url)).toBe(200);

    const invitationId = await invitationOf(campaignId, 'one@b360.test');
    expect((await send(campaignId, { invitationIds: [invitationId] })).body).toEqual({ queued: 1 });
    const resent = linkIn((await smtp.waitFor(7))[6]!);
    for (const url of earlier) expect(await opens(url)).toBe(404);
    expect(await opens(resent)).toBe(200);

    const reissued = await t.json('POST', `/campaigns/${campaignId}/links`, { invitationIds: [invitationId] });
    expect(reissued.status).toBe(201);
    expect(await opens(resent)).toBe(404);
    expect(await opens(reissued.body.links[0].url)).toBe(200);
    expect(await linkCount(invitationId)).toBe(1);
  });
});

describe('concurrent sheets', () => {
  it('two requests at once never print the same invitation', async () => {
    const { campaignId, links } = await campaignWithMail();
    await t.conn.db.updateTable('person').set({ email: null }).execute();
    const [a, b] = await Promise.all([1, 2].map(() => t.json('POST', `/campaigns/${campaignId}/sheets`, {})));
    const sheets = [...a!.body.sheets, ...b!.body.sheets] as Array<{ invitationId: string; url: string }>;
    expect(sheets).toHaveLength(4);
    expect(new Set(sheets.map((s) => s.invitationId)).size).toBe(4);
    for (const sheet of sheets) expect(await opens(sheet.url)).toBe(200);
    for (const link of links) expect(await opens(link.url)).toBe(200);
    const printed = await t.conn.db.selectFrom('delivery').select('attempts').where('channel', '=', 'print').execute();
    expect(printed).toEqual([1, 2, 3, 4].map(() => ({ attempts: 1 })));
  });
});

/** The database as `db`, noting the kind of every statement it runs (subqueries are part of theirs). */
function counted(db: DB) {
  const statements: string[] = [];
  const kinds = new Map<string, string>();
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }): RootOperationNode => (kinds.set(queryId.queryId, node.kind), node),
    transformResult: async ({ result, queryId }) => (statements.push(kinds.get(queryId.queryId)!), result),
  };
  return { db: db.withPlugin(plugin), statements };
}

describe('queueing e-mails', () => {
  it('queues a campaign’s messages in one statement', async () => {
    const { campaignId } = await campaignWithMail();
    const { db, statements } = counted(t.conn.db);
    expect(await queueNew(db, campaignId, 'reminder', 'manual:2025-12-15', 'http://b360.test')).toBe(3);
    expect(await queueNew(db, campaignId, 'reminder', 'manual:2025-12-15', 'http://b360.test')).toBe(0);
    expect(statements).toEqual(['InsertQueryNode', 'InsertQueryNode']);
  });

  it('applies the schedule once a day, and again when HR changes it', async () => {
    const { campaignId } = await campaignWithMail();
    const { db, statements } = counted(t.conn.db);
    const run = (iso: string) => sendDueReminders(db, t.deliveryWorker, new Date(iso), 'Asia/Almaty');
    await t.json('PUT', `/campaigns/${campaignId}/deliveries/schedule`, { daysBefore: [3] });
    expect(await run('2026-01-06T04:00:00Z')).toBe(3);
    await smtp.waitFor(3);
    statements.length = 0;
    expect(await run('2026-01-06T04:01:00Z')).toBe(0);
    expect(await run('2026-01-06T09:00:00Z')).toBe(0);
    // Two looks for due campaigns, and nothing else: no calendar, no insert.
    expect(statements).toEqual(['SelectQueryNode', 'SelectQueryNode']);

    // A schedule saved on a point's day after the job has looked is applied that day.
    await t.json('PUT', `/campaigns/${campaignId}/deliveries/schedule`, { daysBefore: [4] });
    expect(await run('2025-12-31T04:00:00Z')).toBe(0); // 5 working days before the deadline: no point yet
    await t.json('PUT', `/campaigns/${campaignId}/deliveries/schedule`, { daysBefore: [5, 4] });
    expect(await run('2025-12-31T05:00:00Z')).toBe(3);
  });
});
