import type { APIRequestContext } from '@playwright/test';
import type { ParsedMail } from 'mailparser';
import { translate } from '../../shared/i18n/translate.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { startSmtp, type TestSmtp } from '../support/smtpServer.ts';
import { E2E_HR } from './credentials.ts';
import { signIn } from './signIn.ts';
import { E2E_SMTP_PORT } from './mailPort.ts';
import { post, send } from './setUpThroughApi.ts';
import { expect, test } from './cspGuardedTest.ts';

let smtp: TestSmtp;
test.beforeAll(async () => {
  smtp = await startSmtp(E2E_SMTP_PORT);
});
test.afterAll(() => smtp.close());

const LINK = /http:\/\/127\.0\.0\.1:\d+\/r#[A-Za-z0-9_-]{43}/;
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0]! : mail.to!).value[0]!.address!;
const kk = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('kk', key, params);
const statements = almaty2023.forms.head.competencies.flatMap((c) => c.statements);

/** A unit head evaluated by four employees; three respondents and the head have e-mail, one has none. */
async function seedOpenCampaign(request: APIRequestContext) {
  const { unit } = await post(request, '/units', { name: 'Кадр бөлімі', parentId: null });
  const person = async (fullName: string, category: string, managerId: string | null, email: string | null) =>
    (await post(request, '/people', { fullName, position: 'Маман', unitId: unit.id, category, managerId, email })).person;
  const head = await person('Нұрланов Бауыржан', 'E-2', null, 'head@b360.test');
  const employees = [
    await person('Әбенова Гүлнар', 'E-4', head.id, 'gulnar@b360.test'),
    await person('Серікбаев Дәурен', 'E-4', head.id, 'dauren@b360.test'),
    await person('Ахметова Сәуле', 'E-4', head.id, 'saule@b360.test'),
    await person('Құрманов Талғат', 'E-4', head.id, null),
  ];
  const today = new Date();
  const deadline = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { id } = await post(request, '/campaigns', { name: 'Шақырулар 360', year: today.getUTCFullYear(), deadline });
  const { ids } = await post(request, `/campaigns/${id}/evaluations`, { personIds: [head.id] });
  await send(request, 'put', `/campaigns/${id}/evaluations/${ids[0]}/respondents`, { respondents: employees.map((e) => ({ personId: e.id, relation: 'subordinate' })) });
  await post(request, `/campaigns/${id}/open`, {});
  return id as string;
}

test('HR e-mails invitations; a respondent answers from the message; sheets carry QR codes', async ({ page, browser }) => {
  await signIn(page, E2E_HR);
  const campaignId = await seedOpenCampaign(page.request);

  // One address is refused by the mail server, as an unknown mailbox would be.
  smtp.refuse.add('saule@b360.test');
  await page.goto(`/campaigns/${campaignId}`);
  const panel = page.getByRole('region', { name: 'Invitations' });
  await expect(panel.getByText('With e-mail: 4')).toBeVisible();
  await expect(panel.getByText('Without e-mail: 1')).toBeVisible();
  await panel.getByRole('button', { name: 'Send invitations by e-mail' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send invitations by e-mail' }).click();
  await expect(panel.getByText('Delivered by e-mail: 3')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByText('Failed: 1')).toBeVisible();
  const failures = panel.getByTestId('failures');
  await expect(failures).toContainText('Ахметова Сәуле');
  await expect(failures).toContainText('550');

  const mails = await smtp.waitFor(3);
  expect(mails.map(to).sort()).toEqual(['dauren@b360.test', 'gulnar@b360.test', 'head@b360.test']);
  // A second click sends nothing more.
  await panel.getByRole('button', { name: 'Send invitations by e-mail' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send invitations by e-mail' }).click();
  await expect(panel.getByText('Nothing to send')).toBeVisible();

  // The address is fixed: "Retry failed" delivers it.
  smtp.refuse.clear();
  await panel.getByRole('button', { name: 'Retry failed' }).click();
  await expect(panel.getByText('Delivered by e-mail: 4')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('failures')).toHaveCount(0);
  expect((await smtp.waitFor(4)).map(to)).toContain('saule@b360.test');

  // A respondent opens the link from the message on a phone and answers.
  const mail = mails.find((m) => to(m) === 'gulnar@b360.test')!;
  expect(mail.text).toContain('Жасырындылыққа кепілдік беріледі');
  expect(mail.text).toContain('Анонимность гарантируется');
  const url = mail.text!.match(LINK)![0];
  const context = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 390, height: 844 } });
  const rp = await context.newPage();
  await rp.goto(url);
  await expect(rp.getByText(kk('respond.aboutOther', { name: 'Нұрланов Бауыржан' }))).toBeVisible();
  for (const s of statements) await rp.locator(`#st-${s.id.replaceAll('.', '\\.')} input[value="4"]`).check();
  await rp.getByRole('button', { name: kk('respond.submit') }).click();
  await expect(rp.getByText(kk('respond.thanksTitle'))).toBeVisible();
  await context.close();

  // Another respondent begins on a phone with the e-mailed link and stops halfway; the draft stays there.
  const halfway = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 390, height: 844 } });
  const hp = await halfway.newPage();
  const earlier = mails.find((m) => to(m) === 'dauren@b360.test')!.text!.match(LINK)![0];
  const radio = (id: string) => hp.locator(`#st-${id.replaceAll('.', '\\.')} input[value="3"]`);
  await hp.goto(earlier);
  for (const s of statements.slice(0, 5)) await radio(s.id).check();

  // Reminders go to the three who have not answered, never to the one who has.
  await panel.getByRole('button', { name: 'Send reminders now' }).click();
  // Escape keeps everything as it was; the dialog asked first.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Send reminders now' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Send reminders now' }).click();
  await expect(panel.getByText('3 message(s) queued.')).toBeVisible();
  const reminders = (await smtp.waitFor(7)).slice(4);
  expect(reminders.map(to).sort()).toEqual(['dauren@b360.test', 'head@b360.test', 'saule@b360.test']);

  // The reminder added a link; the earlier one still works, so the respondent finishes where they began.
  await hp.reload();
  await expect(radio(statements[0]!.id)).toBeChecked();
  for (const s of statements.slice(5)) await radio(s.id).check();
  await hp.getByRole('button', { name: kk('respond.submit') }).click();
  await expect(hp.getByText(kk('respond.thanksTitle'))).toBeVisible();
  await halfway.close();

  // A schedule: the days are shown once saved.
  await panel.getByLabel('Working days before the deadline').fill('5, 1');
  await panel.getByRole('button', { name: 'Save schedule' }).click();
  await expect(panel.getByTestId('schedule-points').getByRole('listitem')).toHaveCount(2);

  // The respondent without e-mail gets a printed sheet with the link and its QR code.
  await panel.getByRole('button', { name: 'Print invitation sheets' }).click();
  await expect(page.getByRole('heading', { name: 'Invitation sheets' })).toBeVisible();
  const sheet = page.getByTestId('sheet');
  await expect(sheet).toHaveCount(1);
  await expect(sheet).toContainText('Құрманов Талғат');
  await expect(sheet).toContainText('Жасырындылыққа кепілдік беріледі');
  await expect(sheet).toContainText('Анонимность гарантируется');
  const qr = sheet.getByRole('img', { name: /QR/ });
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const printed = (await sheet.locator('.sheet-url').textContent())!;
  expect(printed).toMatch(LINK);
  // The printed link opens the questionnaire.
  const paper = await browser.newContext({ locale: 'kk-KZ' });
  const pp = await paper.newPage();
  await pp.goto(printed);
  await expect(pp.getByText(kk('respond.aboutOther', { name: 'Нұрланов Бауыржан' }))).toBeVisible();
  await paper.close();
});
