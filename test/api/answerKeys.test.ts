import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import os from 'node:os';
import { AnswerKeys } from '../../server/security/answerKeys.ts';
import { checkAnswerKeys, closeOverdueCampaigns } from '../../server/services/campaignClosing.ts';
import { fullAnswers, openCampaignWith, seedUnit, tokenOf } from '../support/fixtures.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';
import { removeAfterwards } from '../support/testDatabase.ts';

/*
 * Issue 11: a campaign's answers are sealed under its key until it closes. Without the key nothing is stored and
 * the campaign cannot close — said so, never reported as success — and restoring the file lets both go on.
 */

let t: TestApp;
/** The answer keys' clock: a key read is kept for a second, so a lost file shows once the test moves it on. */
let clock = 0;
const aSecondLater = () => (clock += 1001);
beforeEach(async () => {
  t = await createTestApp({ answerKeys: new AnswerKeys(removeAfterwards(fs.mkdtempSync(path.join(os.tmpdir(), 'b360-keys-'))), () => clock) });
});

async function answeredCampaign() {
  const { head, employees } = await seedUnit(t, 3);
  const opened = await openCampaignWith(t, head.id, employees.map((p: { id: string }) => p.id));
  const submit = (url: string) => t.call('POST', '/respond/submit', { token: tokenOf(url), answers: fullAnswers('head', () => 4) }, { cookie: null });
  const keyFile = path.join(t.answerKeys.dir, `${opened.campaignId}.key`);
  return { ...opened, submit, keyFile };
}

const statusOf = async (campaignId: string) => (await t.json('GET', `/campaigns/${campaignId}`)).body.campaign.status as string;

describe('answer keys', () => {
  it('are made when a campaign opens, and destroyed when it closes', async () => {
    const run = await answeredCampaign();
    expect(fs.existsSync(run.keyFile)).toBe(true);
    expect((await run.submit(run.links[1]!.url)).status).toBe(201);
    expect((await t.json('POST', `/campaigns/${run.campaignId}/close`)).status).toBe(204);
    expect(fs.existsSync(run.keyFile)).toBe(false);
  });

  it('without its key a campaign stores no answer and does not close; restored, both go on', async () => {
    const run = await answeredCampaign();
    expect((await run.submit(run.links[1]!.url)).status).toBe(201);
    const saved = fs.readFileSync(run.keyFile);
    fs.rmSync(run.keyFile);
    aSecondLater();

    const refused = await run.submit(run.links[2]!.url);
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('answers.keyMissing');
    const close = await t.json('POST', `/campaigns/${run.campaignId}/close`);
    expect(close.status).toBe(409);
    expect(close.body.error.code).toBe('campaign.answerKeyMissing');
    expect(close.body.error.message).toContain(t.answerKeys.dir);
    expect(await statusOf(run.campaignId)).toBe('open');
    // The start-up check names it rather than make a new key that would not open the stored boxes.
    expect(await checkAnswerKeys(t.conn.db, t.answerKeys)).toEqual({ destroyed: [], made: [], missing: [run.campaignId] });

    fs.writeFileSync(run.keyFile, saved, { mode: 0o600 });
    expect((await run.submit(run.links[2]!.url)).status).toBe(201);
    expect((await t.json('POST', `/campaigns/${run.campaignId}/close`)).status).toBe(204);
    expect(await statusOf(run.campaignId)).toBe('closed');
    expect(Number((await t.conn.db.selectFrom('response').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(2);
  });

  it('takes no other key for the campaign’s: a server whose folder holds another seals nothing, and nothing closes', async () => {
    const run = await answeredCampaign();
    expect((await run.submit(run.links[1]!.url)).status).toBe(201);
    // A second server of the same database, or a restore, with a folder of its own: its key is another.
    fs.rmSync(run.keyFile);
    t.answerKeys.create(run.campaignId);
    aSecondLater();
    expect((await run.submit(run.links[2]!.url)).status).toBe(503);
    const close = await t.json('POST', `/campaigns/${run.campaignId}/close`);
    expect(close.body.error.code).toBe('campaign.answerKeyMissing');
    expect(await statusOf(run.campaignId)).toBe('open');
    expect(await checkAnswerKeys(t.conn.db, t.answerKeys)).toEqual({ destroyed: [], made: [], missing: [run.campaignId] });
    expect(await t.conn.db.selectFrom('response').select('id').execute()).toEqual([]);
  });

  it('refuses to close when a box does not open with the right key (altered), and keeps the campaign open', async () => {
    const run = await answeredCampaign();
    expect((await run.submit(run.links[1]!.url)).status).toBe(201);
    const [box] = await t.conn.db.selectFrom('answer_box').select(['id', 'box']).execute();
    const altered = `${box!.box.slice(0, -3)}${box!.box.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    await t.conn.db.updateTable('answer_box').set({ box: altered }).where('id', '=', box!.id).execute();
    const close = await t.json('POST', `/campaigns/${run.campaignId}/close`);
    expect(close.body.error.code).toBe('campaign.answerBoxUnreadable');
    expect(await statusOf(run.campaignId)).toBe('open');
  });

  it('treats a damaged key file as a missing one, and closes the other overdue campaigns all the same', async () => {
    const broken = await answeredCampaign();
    expect((await broken.submit(broken.links[1]!.url)).status).toBe(201);
    const { head, employees } = await seedUnit(t, 3);
    const sound = await openCampaignWith(t, employees[0].id, [head.id, employees[1].id, employees[2].id]);
    fs.writeFileSync(broken.keyFile, '');
    aSecondLater();
    expect((await broken.submit(broken.links[2]!.url)).status).toBe(503);
    expect(await checkAnswerKeys(t.conn.db, t.answerKeys)).toEqual({ destroyed: [], made: [], missing: [broken.campaignId] });
    // Both past their deadline (10 January): the one whose key is damaged stays open, the other closes.
    expect(await closeOverdueCampaigns(t.conn.db, t.answerKeys, new Date('2026-01-10T19:00:00Z'), 'Asia/Almaty')).toEqual([sound.campaignId]);
    expect(await statusOf(broken.campaignId)).toBe('open');
  });

  it('leaves alone keys of campaigns this database does not know: another installation may share the folder', async () => {
    const stranger = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    t.answerKeys.create(stranger);
    expect((await checkAnswerKeys(t.conn.db, t.answerKeys)).destroyed).toEqual([]);
    expect(t.answerKeys.keyOf(stranger)).not.toBeNull();
  });

  it('of campaigns no longer open are destroyed by the check, and an open campaign of an earlier version gets one', async () => {
    const run = await answeredCampaign();
    expect((await t.json('POST', `/campaigns/${run.campaignId}/close`)).status).toBe(204);
    // A close cut short after its transaction left the key behind.
    t.answerKeys.create(run.campaignId);
    // A campaign opened before answer keys: open, no key, no check value.
    const { head, employees } = await seedUnit(t, 3);
    const older = await openCampaignWith(t, employees[0].id, [head.id, employees[1].id, employees[2].id]);
    fs.rmSync(path.join(t.answerKeys.dir, `${older.campaignId}.key`));
    await t.conn.db.updateTable('campaign').set({ answer_key_check: null }).where('id', '=', older.campaignId).execute();
    expect(await checkAnswerKeys(t.conn.db, t.answerKeys)).toEqual({ destroyed: [run.campaignId], made: [older.campaignId], missing: [] });
    expect(fs.existsSync(run.keyFile)).toBe(false);
    expect((await t.call('POST', '/respond/submit', { token: tokenOf(older.links[1]!.url), answers: fullAnswers('employee', () => 3) }, { cookie: null })).status).toBe(201);
  });
});
