import { request, type Browser, type Page } from '@playwright/test';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { E2E_ADMIN, E2E_HR, E2E_HR_HEAD } from './credentials.ts';
import { signIn } from './signIn.ts';
import { SAME_ORIGIN } from './sameOrigin.ts';
import { issueLinks } from './setUpThroughApi.ts';
import { expect, test } from './cspGuardedTest.ts';

/**
 * §21 in the browser: every role signs in and is shown what it may open — and refused what it may not. The
 * organisation is made through the API as HR; the accounts are made on the Accounts page. Names carry a tag
 * so that whatever other specs created before does not matter.
 */
const tag = Date.now().toString(36);
const unit = `Рұқсат бөлімі ${tag}`;
// B's name is a spreadsheet formula, as a hostile staff file could make it: the passwords file must keep it text.
const name = (who: string) => (who === 'B' ? `=HYPERLINK("http://evil.example","B ${tag}")` : `${who} ${tag}`);
const email = (who: string) => `${who.toLowerCase()}.${tag}@b360.test`;
const refusal = translate('en', 'errors.report.forbidden');
const reportTitle = almaty2023.forms.employee.reportTitle.en;
const year = new Date().getFullYear();

let campaignId = '';
/** Evaluation ids: A is evaluated (own report), B is A's colleague; both are evaluated by the head. */
const evaluation = { a: '', b: '' };
const passwords = new Map<string, string>();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  const hr = await request.newContext({ baseURL, extraHTTPHeaders: SAME_ORIGIN });
  const call = async (method: 'post' | 'put', path: string, data: unknown) => {
    const res = await hr[method](`/api${path}`, { data });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.status() === 204 ? null : res.json();
  };
  await call('post', '/auth/login', { login: E2E_HR.login, password: E2E_HR.password });
  const unitId = (await call('post', '/units', { name: unit, parentId: null })).unit.id;
  const person = async (who: string, category: string, managerId: string | null, mail: string | null) =>
    (await call('post', '/people', { fullName: name(who), position: category === 'E-2' ? 'Бөлім басшысы' : 'Бас маман', unitId, category, managerId, email: mail })).person.id as string;
  const head = await person('Басшы', 'E-2', null, email('head'));
  const ids: Record<string, string> = {};
  for (const who of ['A', 'B', 'C', 'D']) ids[who] = await person(who, 'E-4', head, email(who));
  await person('E', 'E-4', head, null);

  campaignId = (await call('post', '/campaigns', { name: name('Рұқсат'), year })).id;
  [evaluation.a, evaluation.b] = (await call('post', `/campaigns/${campaignId}/evaluations`, { personIds: [ids.A, ids.B] })).ids;
  const respondents = (list: string[]) => ({ respondents: list.map((personId) => ({ personId, relation: 'peer' })) });
  await call('put', `/campaigns/${campaignId}/evaluations/${evaluation.a}/respondents`, respondents([head, ids.C!, ids.D!]));
  await call('put', `/campaigns/${campaignId}/evaluations/${evaluation.b}/respondents`, respondents([head, ids.C!, ids.D!]));
  await call('post', `/campaigns/${campaignId}/open`, {});
  const { links } = await issueLinks(campaignId);
  const answers: Record<string, number> = {};
  almaty2023.forms.employee.competencies.forEach((c, ci) => c.statements.forEach((s) => (answers[s.id] = 2 + (ci % 3))));
  for (const link of links as Array<{ url: string }>) {
    const respondent = await request.newContext({ baseURL });
    const res = await respondent.post('/api/respond/submit', { data: { token: link.url.slice(link.url.indexOf('#') + 1), answers } });
    if (!res.ok()) throw new Error(`submit: ${res.status()}`);
    await respondent.dispose();
  }
  await call('post', `/campaigns/${campaignId}/close`, {});
  await hr.dispose();
});

// The campaign is archived at the end (its reports stay readable), so specs that count active campaigns are not disturbed.
test.afterAll(async ({ baseURL }) => {
  const hr = await request.newContext({ baseURL, extraHTTPHeaders: SAME_ORIGIN });
  await hr.post('/api/auth/login', { data: { login: E2E_HR.login, password: E2E_HR.password } });
  const archived = await hr.post(`/api/campaigns/${campaignId}/archive`, { data: {} });
  if (!archived.ok()) throw new Error(`archive: ${archived.status()}`);
  await hr.dispose();
});

/** A fresh browser (no one else's cookie), signed in through the login page as a person would. */
async function signInFresh(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(passwords.get(login) ?? '');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return page;
}

const nav = (page: Page) => page.getByRole('navigation');

async function expectNav(page: Page, shown: string[], hidden: string[]) {
  for (const link of shown) await expect(nav(page).getByRole('link', { name: link, exact: true })).toBeVisible();
  for (const link of hidden) await expect(nav(page).getByRole('link', { name: link, exact: true })).toHaveCount(0);
}

async function expectOpens(page: Page, evaluationId: string, who: string, why: string) {
  await page.goto(`/reports/${evaluationId}`);
  await expect(page.getByRole('heading', { name: reportTitle })).toBeVisible();
  await expect(page.getByText(name(who), { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId('report-access')).toHaveText(why);
  await expect(page.getByTestId('competency-row')).toHaveCount(almaty2023.forms.employee.competencies.length);
}

async function expectRefused(page: Page, evaluationId: string) {
  await page.goto(`/reports/${evaluationId}`);
  await expect(page.getByRole('alert')).toHaveText(refusal);
  await expect(page.getByRole('heading', { name: reportTitle })).toHaveCount(0);
}

const HR_LINKS = ['Campaigns', 'Staff', 'Units', 'Import', 'Calendar'];

test('the administrator makes the accounts, one by one and for staff members in one step', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await expectNav(page, [...HR_LINKS, 'Accounts', 'Audit log'], ['My reports', 'Training needs']);
  await nav(page).getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts', exact: true })).toBeVisible();

  const create = async (login: string, role: string, options: { person?: string; fullName?: string; grant?: boolean } = {}) => {
    await page.getByRole('button', { name: 'New account' }).click();
    const form = page.getByRole('form', { name: 'New account' });
    await form.getByLabel('Login').fill(login);
    if (options.person) await form.getByLabel('Staff member').selectOption({ label: `${name(options.person)} — Бөлім басшысы, ${unit}` });
    if (options.fullName) await form.getByLabel('Full name').fill(options.fullName);
    await form.getByLabel('Role').selectOption({ label: role });
    if (options.grant) await form.getByLabel('May read reports').check();
    await form.getByRole('button', { name: 'Create account' }).click();
    const password = page.getByRole('textbox', { name: `Password: ${login}` });
    await expect(password).toBeVisible();
    passwords.set(login, await password.inputValue());
    await expect(page.getByTestId('account-row').filter({ hasText: login })).toBeVisible();
  };
  // The head of the unit gets their own account, linked to their staff record: the evaluator of A and B.
  await create(`head.${tag}`, 'Staff member', { person: 'Басшы' });
  await expect(page.getByTestId('account-row').filter({ hasText: `head.${tag}` })).toContainText(name('Басшы'));
  await create(`hr.${tag}`, 'HR officer', { fullName: name('HR без разрешения') });
  await create(`hrg.${tag}`, 'HR officer', { fullName: name('HR с разрешением'), grant: true });
  await expect(page.getByTestId('account-row').filter({ hasText: `hrg.${tag}` })).toContainText('reads reports');
  await create(`trainer.${tag}`, 'Trainer', { fullName: name('Тренер') });
  // A bad login is refused next to the field.
  await page.getByRole('button', { name: 'New account' }).click();
  await page.getByRole('form', { name: 'New account' }).getByLabel('Login').fill('two words');
  await page.getByRole('form', { name: 'New account' }).getByLabel('Full name').fill('X');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Invalid value')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The evaluated persons of the campaign, in one step: logins are their e-mails.
  await page.getByLabel('Evaluated in campaign').selectOption({ label: `${name('Рұқсат')} (${year})` });
  await page.getByRole('button', { name: 'Select all shown (2)' }).click();
  await page.getByRole('button', { name: 'Create 2 accounts' }).click();
  await expect(page.getByTestId('issued-password')).toHaveCount(2);
  for (const who of ['A', 'B']) passwords.set(email(who), await page.getByRole('textbox', { name: `Password: ${email(who)}` }).inputValue());
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await (await download).createReadStream().then(async (s) => { let text = ''; for await (const chunk of s) text += chunk; return text; });
  expect(csv).toContain(`${name('A')},${email('A')},${passwords.get(email('A'))}`);
  expect(csv).toContain(`"'${name('B').replaceAll('"', '""')}",${email('B')},${passwords.get(email('B'))}`);

  // Then the rest of the unit: E has neither an e-mail nor a personnel number, so is skipped with the reason.
  await page.getByLabel('Evaluated in campaign').selectOption({ label: 'Any campaign' });
  await page.getByLabel('Unit (with its sub-units)').selectOption({ label: unit });
  await page.getByRole('button', { name: 'Select all shown (3)' }).click();
  await page.getByRole('button', { name: 'Create 3 accounts' }).click();
  await expect(page.getByTestId('issued-password')).toHaveCount(2);
  for (const who of ['C', 'D']) passwords.set(email(who), await page.getByRole('textbox', { name: `Password: ${email(who)}` }).inputValue());
  await expect(page.getByTestId('skipped-person')).toHaveText(`${name('E')} — has neither an e-mail nor a personnel number`);

  // The administrator runs campaigns and keeps accounts, but reads no report.
  await expectRefused(page, evaluation.a);
});

test('the head of HR puts B’s report before a calibration session, and reads every report', async ({ page }) => {
  await signIn(page, E2E_HR_HEAD);
  await expectNav(page, [...HR_LINKS, 'Accounts', 'Audit log'], ['My reports']);
  await page.goto(`/campaigns/${campaignId}`);
  const panel = page.getByRole('region', { name: 'Calibration sessions' });
  await panel.getByRole('button', { name: 'New session' }).click();
  await panel.getByLabel('Title').fill(name('Калибрлеу'));
  await panel.getByRole('checkbox', { name: new RegExp(email('D').replace(/\./g, '\\.')) }).check();
  await panel.getByRole('group', { name: 'Reports put before the session' }).getByRole('checkbox', { name: name('B') }).check();
  await panel.getByRole('button', { name: 'Save session' }).click();
  const session = panel.getByTestId('calibration-session');
  await expect(session).toContainText(name('Калибрлеу'));
  await expect(session).toContainText(name('D'));
  await expect(session.getByRole('link', { name: name('B') })).toBeVisible();
  await expectOpens(page, evaluation.a, 'A', 'You head the HR service');
});

test('the evaluated person opens their own report and is refused a colleague’s', async ({ browser }) => {
  const page = await signInFresh(browser, email('A'));
  await expect(page.getByRole('heading', { name: 'My reports' })).toBeVisible();
  await expectNav(page, ['My reports'], [...HR_LINKS, 'Accounts', 'Audit log', 'Training needs']);
  const mine = page.getByTestId('my-report');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Your own report');
  await mine.getByRole('link', { name: /Open report/ }).click();
  await expect(page.getByRole('heading', { name: reportTitle })).toBeVisible();
  await expect(page.getByTestId('report-access')).toHaveText('Your own report');
  await expectRefused(page, evaluation.b);
  // HR screens are closed too.
  await page.goto(`/campaigns/${campaignId}`);
  await expect(page.getByRole('alert')).toHaveText('Your account’s role does not allow this.');
});

test('the evaluator opens the reports of the people they evaluate', async ({ browser }) => {
  const page = await signInFresh(browser, `head.${tag}`);
  await expect(page.getByRole('heading', { name: 'My reports' })).toBeVisible();
  await expect(page.getByTestId('my-report')).toHaveCount(2);
  await expect(page.getByTestId('my-report').first()).toContainText('You evaluate this person');
  await expectOpens(page, evaluation.a, 'A', 'You evaluate this person');
  await expectOpens(page, evaluation.b, 'B', 'You evaluate this person');
});

test('a colleague, an HR officer without the grant and a trainer are refused, in their own language', async ({ browser }) => {
  const colleague = await signInFresh(browser, email('C'));
  await expect(colleague.getByText('No reports for you yet.')).toBeVisible();
  await expectRefused(colleague, evaluation.a);
  await colleague.getByRole('button', { name: 'Қазақша' }).click();
  await expect(colleague.getByRole('alert')).toHaveText(translate('kk', 'errors.report.forbidden'));

  const hr = await signInFresh(browser, `hr.${tag}`);
  await expect(hr.getByRole('heading', { name: '360 campaigns' })).toBeVisible();
  await expectNav(hr, HR_LINKS, ['Accounts', 'Audit log', 'My reports']);
  await expectRefused(hr, evaluation.a);

  const trainer = await signInFresh(browser, `trainer.${tag}`);
  await expect(trainer).toHaveURL(/\/training$/);
  await expectNav(trainer, ['Training needs'], [...HR_LINKS, 'Accounts', 'Audit log', 'My reports']);
  await expectRefused(trainer, evaluation.a);
});

test('a granted HR officer opens reports', async ({ browser }) => {
  const page = await signInFresh(browser, `hrg.${tag}`);
  await expectNav(page, HR_LINKS, ['Accounts', 'Audit log']);
  await expectOpens(page, evaluation.a, 'A', 'You are granted report reading');
});

test('a calibration participant opens only the report put before the session', async ({ browser }) => {
  const page = await signInFresh(browser, email('D'));
  await expectNav(page, ['My reports'], HR_LINKS);
  const mine = page.getByTestId('my-report');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(name('B'));
  await expect(mine).toContainText('Put before your calibration session');
  await expectOpens(page, evaluation.b, 'B', 'Put before your calibration session');
  await expectRefused(page, evaluation.a);
});

test('every reading is in the audit log, and a refusal is not', async ({ page }) => {
  await signIn(page, E2E_HR_HEAD);
  await page.goto('/audit');
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Read a 360 report' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('audit-row').filter({ hasText: email('A') })).toHaveCount(1);
  await expect(page.getByTestId('audit-row').filter({ hasText: email('D') })).toHaveCount(1);
  await expect(page.getByTestId('audit-row').filter({ hasText: email('C') })).toHaveCount(0);
  await expect(page.getByTestId('audit-row').filter({ hasText: `trainer.${tag}` })).toHaveCount(0);
});
