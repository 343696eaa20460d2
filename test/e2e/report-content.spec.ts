import type { APIRequestContext, Page } from '@playwright/test';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { E2E_HR } from './credentials.ts';
import { signIn } from './signIn.ts';
import { SAME_ORIGIN } from './sameOrigin.ts';
import { issueLinks, post } from './setUpThroughApi.ts';
import { expect, test } from './cspGuardedTest.ts';

const head = almaty2023.forms.head;
const today = new Date();
// A reporting year whose deadline (10 January of the next year) is still ahead, so links can be answered.
const year = today.getUTCMonth() === 0 && today.getUTCDate() <= 10 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
// Last year's campaign needs a deadline still ahead too (at most 31 December of the year after it).
const previousYear = new Date(`${year}-12-31T23:59:59Z`) > today ? year - 1 : year;
const TAG = 'RC';

type Relation = 'manager' | 'subordinate' | 'peer';

/** A campaign evaluating one person, built, opened and answered through the API; returns the evaluation. */
async function runCampaign(
  page: Page,
  setup: { name: string; year: number; deadline?: string; evaluatedId: string; respondents: Array<{ personId: string; relation: Relation; value: (ci: number, si: number) => number }>; self?: (ci: number) => number },
) {
  const campaignId = (await post(page.request, '/campaigns', { name: setup.name, year: setup.year, ...(setup.deadline ? { deadline: setup.deadline } : {}) })).id;
  const [evaluationId] = (await post(page.request, `/campaigns/${campaignId}/evaluations`, { personIds: [setup.evaluatedId] })).ids;
  const put = await page.request.put(`/api/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, {
    data: { respondents: setup.respondents.map(({ personId, relation }) => ({ personId, relation })) },
    headers: SAME_ORIGIN,
  });
  expect(put.status(), await put.text()).toBe(204);
  await post(page.request, `/campaigns/${campaignId}/open`, {});
  const { links } = await issueLinks(campaignId);
  const detail = await (await page.request.get(`/api/campaigns/${campaignId}/evaluations/${evaluationId}`)).json();
  const invitation = (who: string) => detail.invitations.find((i: { respondentId: string; relation: string }) => (who === 'self' ? i.relation === 'self' : i.respondentId === who && i.relation !== 'self')).id;
  const submit = async (request: APIRequestContext, who: string, value: (ci: number, si: number) => number) => {
    const url = links.find((l) => l.invitationId === invitation(who))!.url;
    const answers = Object.fromEntries(head.competencies.flatMap((c, ci) => c.statements.map((s, si) => [s.id, value(ci, si)])));
    const res = await request.post('/api/respond/submit', { data: { token: url.slice(url.indexOf('#') + 1), answers } });
    expect(res.status(), await res.text()).toBe(201);
  };
  for (const r of setup.respondents) await submit(page.request, r.personId, r.value);
  if (setup.self) await submit(page.request, 'self', (ci) => setup.self!(ci));
  await post(page.request, `/campaigns/${campaignId}/close`, {});
  return evaluationId as string;
}

test('the report shows statement means, self-gaps with their threshold, groups of 3 or more, and the change since last year', async ({ page }) => {
  await signIn(page, E2E_HR);
  const unit = (await post(page.request, '/units', { name: `Есеп мазмұны бөлімі ${TAG}`, parentId: null })).unit.id;
  const person = async (fullName: string, category: string, managerId: string | null) =>
    (await post(page.request, '/people', { fullName, position: category === 'E-4' ? 'Бас маман' : 'Бөлім басшысы', unitId: unit, category, managerId, email: null })).person.id as string;
  const boss = await person(`Басшыбаев Марат ${TAG}`, 'E-1', null);
  const evaluated = await person(`Бағаланова Әлия ${TAG}`, 'E-2', boss);
  const subs = [];
  for (const name of ['Ахметов Нұрлан', 'Бекова Сая', 'Жанұзақов Дәурен']) subs.push(await person(`${name} ${TAG}`, 'E-4', evaluated));
  const peers = [];
  for (const name of ['Оспанова Гүлнар', 'Құлов Тимур']) peers.push(await person(`${name} ${TAG}`, 'E-2', boss));

  // Last year: the three subordinates, as peers then, answer 3 throughout.
  await runCampaign(page, {
    name: `360 ${previousYear} ${TAG}`,
    year: previousYear,
    deadline: `${previousYear + 1}-12-31`,
    evaluatedId: evaluated,
    respondents: subs.map((personId) => ({ personId, relation: 'peer' as const, value: () => 3 })),
  });
  // This year: three subordinates (5 on the first competency, else 4), the manager (2), two peers (4 on a
  // competency's first statement, else 3); the self-assessment 2 on the first competency, 5 on the second, else 4.
  const evaluationId = await runCampaign(page, {
    name: `360 ${year} ${TAG}`,
    year,
    evaluatedId: evaluated,
    respondents: [
      ...subs.map((personId) => ({ personId, relation: 'subordinate' as const, value: (ci: number) => (ci === 0 ? 5 : 4) })),
      { personId: boss, relation: 'manager', value: () => 2 },
      ...peers.map((personId) => ({ personId, relation: 'peer' as const, value: (_ci: number, si: number) => (si === 0 ? 4 : 3) })),
    ],
    self: (ci) => (ci === 0 ? 2 : ci === 1 ? 5 : 4),
  });

  await page.goto(`/reports/${evaluationId}`);
  const report = page.locator('article.report');
  await expect(report).toHaveAttribute('data-report-ready', 'true');
  await expect(page.locator('[data-competency="activity_management"]').getByTestId('score')).toHaveText('3.94');

  // Statement means by hand: the first statement of the first competency (3·5 + 2 + 2·4) / 6 = 4.17, its second
  // (3·5 + 2 + 2·3) / 6 = 3.83; the first of another competency (3·4 + 2 + 2·4) / 6 = 3.67, with the self-assessment beside.
  const statement = (id: string) => page.locator(`[data-statement="${id}"]`);
  await expect(statement('head.activity_management.1').getByTestId('statement-mean')).toHaveText('4.17');
  await expect(statement('head.activity_management.2').getByTestId('statement-mean')).toHaveText('3.83');
  await expect(statement('head.ethics.1')).toContainText('3.67');
  await expect(statement('head.ethics.1')).toContainText('4.00');
  await expect(page.getByTestId('statement-row')).toHaveCount(35);

  // Self-gaps, with the threshold stated: communications 5 against (3·4 + 2 + 2·3.5) / 6 = 3.50; management
  // 2 against 3.94.
  await expect(page.getByTestId('self-gap-rule')).toHaveText(translate('en', 'reportContent.gapsRule', { threshold: 1 }));
  await expect(page.getByTestId('blind-spot')).toHaveCount(1);
  await expect(page.getByTestId('blind-spot')).toContainText(head.competencies[1]!.name.en);
  await expect(page.getByTestId('blind-spot')).toContainText('+1.50');
  await expect(page.getByTestId('hidden-strength')).toContainText(head.competencies[0]!.name.en);
  await expect(page.getByTestId('hidden-strength')).toContainText('−1.94');

  // Groups: only the three subordinates are shown apart; the lone manager and the two peers are not.
  await expect(page.getByTestId('group-column')).toHaveText(['Subordinates (3)']);
  const groups = page.getByTestId('group-table');
  await expect(groups).not.toContainText('Managers');
  await expect(groups).not.toContainText('Peers');
  await expect(groups.locator('tfoot')).toContainText('4.08'); // (5 + 11 · 4) / 12

  // Agreement is a band, never a figure.
  await expect(page.locator('[data-testid="agreement-row"][data-competency="activity_management"]')).toContainText('Low: opinions differ');

  // The change since last year, in Russian.
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { name: translate('ru', 'reportContent.changeTitle') })).toBeVisible();
  await expect(page.getByTestId('change-table')).toContainText(translate('ru', 'reportContent.previousScore', { year: previousYear }));
  await expect(page.locator('[data-testid="change-row"][data-competency="activity_management"]').getByTestId('delta')).toContainText('+0.94');
  await expect(page.locator('[data-testid="change-row"][data-competency="effective_communications"]').getByTestId('delta')).toContainText('+0.50');
  await expect(page.getByTestId('overall-delta')).toContainText('+0.49'); // 3.49 now, 3.00 then
  await expect(page.getByTestId('self-gap-rule')).toHaveText(translate('ru', 'reportContent.gapsRule', { threshold: 1 }));
  await expect(page.getByTestId('group-column')).toHaveText([translate('ru', 'reportContent.group.subordinate', { count: 3 })]);
  await expect(report).toHaveAttribute('data-report-ready', 'true');

  // On a phone the page stays within the screen, and so do the Annex table's score and self-assessment columns.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await page.getByTestId('self').first().evaluate((cell) => cell.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
});
