import type { APIRequestContext } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { E2E_HR, E2E_TRAINER } from './credentials.ts';
import { signIn } from './signIn.ts';
import { SAME_ORIGIN } from './sameOrigin.ts';
import { issueLinks, post } from './setUpThroughApi.ts';
import { expect, test } from './cspGuardedTest.ts';

// Specs share one server: this run's units and people carry a tag of their own.
const tag = Date.now().toString(36).slice(-5);
const unitA = `Оқу ${tag} А`;
const unitB = `Оқу ${tag} Б`;
const namesA = ['Әлия', 'Бауыржан', 'Гүлнар', 'Дәурен', 'Ерлан'].map((n) => `${n} ${tag}`);
const namesB = ['Жанар', 'Зарина', 'Ильяс', 'Кайрат'].map((n) => `${n} ${tag}`);

/**
 * Through the API as HR: unit A has four evaluated employees (ethics their weakest, cooperation next), unit B
 * two (promptness and self-development) — too few for a heatmap cell. Every questionnaire answered; closed.
 */
async function closedCampaign(request: APIRequestContext) {
  const year = new Date().getMonth() >= 6 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const people: Record<string, string> = {};
  for (const [unitName, names] of [[unitA, namesA], [unitB, namesB]] as const) {
    const unitId = (await post(request, '/units', { name: unitName, parentId: null })).unit.id;
    for (const fullName of names) people[fullName] = (await post(request, '/people', { fullName, position: 'Бас маман', unitId, category: 'E-4', managerId: null, email: null })).person.id;
  }
  const campaignId = (await post(request, '/campaigns', { name: `Оқыту ${tag}`, year })).id as string;
  const evaluated = [...namesA.slice(0, 4), ...namesB.slice(0, 2)];
  const ids = (await post(request, `/campaigns/${campaignId}/evaluations`, { personIds: evaluated.map((n) => people[n]) })).ids as string[];
  for (const [i, name] of evaluated.entries()) {
    const colleagues = (namesA.includes(name) ? namesA : namesB).filter((n) => n !== name).slice(0, 3);
    const res = await request.put(`/api/campaigns/${campaignId}/evaluations/${ids[i]}/respondents`, { data: { respondents: colleagues.map((n) => ({ personId: people[n], relation: 'peer' })) }, headers: SAME_ORIGIN });
    expect(res.status()).toBe(204);
  }
  await post(request, `/campaigns/${campaignId}/open`, {});
  const { links } = await issueLinks(campaignId);
  for (const link of links.filter((l) => l.relation !== 'self')) {
    const weak = namesA.includes(link.evaluatedName) ? ['ethics', 'cooperation'] : ['promptness', 'self_development'];
    const answers = Object.fromEntries(
      almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => [s.id, c.id === weak[0] ? 2 : c.id === weak[1] ? 3 : 4])),
    );
    await post(request, '/respond/submit', { token: link.url.slice(link.url.indexOf('#') + 1), answers });
  }
  await post(request, `/campaigns/${campaignId}/close`, {});
  return { evaluationIds: ids };
}

test('HR releases a course group; the trainer sees the heatmap, the ranking and only the released names, and downloads the XLSX', async ({ page, browser }) => {
  await signIn(page, E2E_HR);
  const { evaluationIds } = await closedCampaign(page.request);

  // HR: every group with names; the ethics group (four people) is released to the trainers.
  await page.getByRole('link', { name: 'Training needs' }).click();
  await page.getByRole('link', { name: `Оқыту ${tag}` }).click();
  const ethics = page.locator('[data-testid="course-group"][data-competency="ethics"]');
  await expect(ethics.getByTestId('member')).toHaveCount(4);
  await expect(page.locator('[data-testid="course-group"][data-competency="promptness"]')).toContainText(namesB[0]!);
  await ethics.getByRole('button', { name: 'Release to trainers' }).click();
  await expect(page.getByRole('dialog')).toContainText('Trainers will see the names of the 4 people');
  await page.getByRole('dialog').getByRole('button', { name: 'Release to trainers' }).click();
  await expect(ethics).toContainText(`Released by ${E2E_HR.fullName}`);
  await expect(page.getByTestId('releases')).toContainText('Following ethical norms and principles');

  // The trainer, on a phone-sized screen.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const trainer = await context.newPage();
  await trainer.goto('/login?next=/training');
  await trainer.getByLabel('Login').fill(E2E_TRAINER.login);
  await trainer.getByLabel('Password').fill(E2E_TRAINER.password);
  await trainer.getByRole('button', { name: 'Sign in' }).click();
  await expect(trainer.getByRole('heading', { name: 'Training needs' })).toBeVisible();
  await expect(trainer.getByRole('link', { name: 'Training needs' })).toBeVisible();
  await trainer.getByRole('link', { name: `Оқыту ${tag}` }).click();

  // The heatmap: unit A's cells show their means, unit B's are hidden and say why.
  const heatmap = trainer.getByRole('table', { name: 'Units × competencies: mean scores' });
  await expect(heatmap.getByRole('rowheader', { name: unitA })).toBeVisible();
  await expect(heatmap.locator(`tr[data-unit="${unitA}"] td[data-competency="ethics"]`)).toHaveText('2.00');
  await expect(heatmap.locator(`tr[data-unit="${unitA}"] td[data-competency="result_orientation"]`)).toHaveText('4.00');
  const hidden = heatmap.locator(`tr[data-unit="${unitB}"] td[data-competency="promptness"]`);
  await expect(hidden).toContainText('hidden');
  await expect(hidden).toContainText('hidden: 2 people, at least 3 needed');
  await expect(trainer.getByText('fewer than 3 evaluated persons of the unit')).toBeVisible();

  // The ranking, both ways. The released group's count shows; unit B's two in promptness are hidden, as 2 of
  // the 6 assessed would be within two of nobody.
  const ranking = trainer.getByTestId('ranking');
  await expect(ranking.locator('tbody tr').first()).toHaveAttribute('data-competency', 'ethics');
  await expect(ranking.locator('tr[data-competency="ethics"]').getByTestId('persons')).toHaveText('4');
  await expect(ranking.locator('tr[data-competency="promptness"]').getByTestId('persons')).toHaveText('hidden');
  await expect(trainer.getByText('hidden — this count is within one or two people')).toBeVisible();
  // Thresholds are offered as a list of half points, no free score.
  await trainer.getByLabel('Their score is under a chosen value').check();
  const threshold = trainer.getByLabel('Score under');
  await expect(threshold.locator('option')).toHaveText(['1.50', '2.00', '2.50', '3.00', '3.50', '4.00', '4.50', '5.00']);
  await threshold.selectOption('2.5');
  await trainer.getByRole('button', { name: 'Apply' }).click();
  await expect(trainer.getByText('Their score is under 2.50', { exact: true })).toBeVisible();
  await expect(ranking.locator('tr[data-competency="cooperation"]').getByTestId('persons')).toHaveText('0');
  // Unit A's four under 2.50 would leave unit B's two above it: hidden, though the released (weakest) group is the same four.
  await expect(ranking.locator('tr[data-competency="ethics"]').getByTestId('persons')).toHaveText('hidden');

  // Names: the released group's, and nobody else's.
  const released = trainer.getByTestId('course-group');
  await expect(released).toHaveCount(1);
  await expect(released.getByTestId('member')).toHaveText(namesA.slice(0, 4).map((n) => new RegExp(n)));
  for (const name of [...namesB, namesA[4]!]) await expect(trainer.locator('body')).not.toContainText(name);
  await expect(trainer.getByRole('button', { name: 'Release to trainers' })).toHaveCount(0);

  // The XLSX: heatmap, ranking and the released group only.
  const download = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Download XLSX' }).click();
  const file = await (await download).path();
  const sheets = await readXlsxFile(file!);
  expect(sheets.map((s) => s.sheet)).toEqual(['Heatmap', 'Ranking', 'Course groups']);
  const heatRows = sheets[0]!.data;
  const ethicsColumn = heatRows[0]!.indexOf('Following ethical norms and principles');
  expect(heatRows.find((r) => r[0] === unitA)![ethicsColumn]).toBe(2);
  expect(heatRows.find((r) => r[0] === unitB)![ethicsColumn]).toBe('hidden: 2 people, at least 3 needed');
  expect(sheets[2]!.data.slice(1).map((r) => r[3])).toEqual(namesA.slice(0, 4));
  expect(JSON.stringify(sheets)).not.toContain(namesB[0]!);

  // No individual report for a trainer, even of a released group's member.
  const report = await trainer.request.get(`/api/evaluations/${evaluationIds[0]}/report`);
  expect(report.status()).toBe(403);
  expect((await report.json()).error.code).toBe('report.forbidden');
  await context.close();
});
