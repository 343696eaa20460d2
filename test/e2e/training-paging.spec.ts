import type { APIRequestContext } from '@playwright/test';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import { E2E_HR } from './credentials.ts';
import { SAME_ORIGIN } from './sameOrigin.ts';
import { issueLinks, post } from './setUpThroughApi.ts';
import { signIn } from './signIn.ts';
import { expect, test } from './cspGuardedTest.ts';

// Specs share one server: this run's unit and people carry a tag of their own.
const tag = Date.now().toString(36).slice(-5);
const PEOPLE = 53;

/** 53 employees of one unit, each evaluated by the next three, every answer a 4: all 53 score under 4.5 everywhere. */
async function closedCampaign(request: APIRequestContext) {
  const year = new Date().getMonth() >= 6 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const unitId = (await post(request, '/units', { name: `Беттер ${tag}`, parentId: null })).unit.id;
  const ids: string[] = [];
  for (let n = 0; n < PEOPLE; n++) ids.push((await post(request, '/people', { fullName: `Қызметкер ${tag} ${String(n).padStart(2, '0')}`, position: 'Маман', unitId, category: 'E-4', managerId: null, email: null })).person.id);
  const campaignId = (await post(request, '/campaigns', { name: `Беттер ${tag}`, year })).id as string;
  const evaluations = (await post(request, `/campaigns/${campaignId}/evaluations`, { personIds: ids })).ids as string[];
  for (const [i, evaluationId] of evaluations.entries()) {
    const respondents = [1, 2, 3].map((k) => ({ personId: ids[(i + k) % PEOPLE], relation: 'peer' }));
    const res = await request.put(`/api/campaigns/${campaignId}/evaluations/${evaluationId}/respondents`, { data: { respondents }, headers: SAME_ORIGIN });
    expect(res.status()).toBe(204);
  }
  await post(request, `/campaigns/${campaignId}/open`, {});
  const { links } = await issueLinks(campaignId);
  const answers = Object.fromEntries(almaty2023.forms.employee.competencies.flatMap((c) => c.statements.map((s) => [s.id, 4])));
  for (const link of links.filter((l) => l.relation !== 'self')) await post(request, '/respond/submit', { token: link.url.slice(link.url.indexOf('#') + 1), answers });
  await post(request, `/campaigns/${campaignId}/close`, {});
}

test('HR reads a course group of 53 a page of 50 at a time', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, E2E_HR);
  await closedCampaign(page.request);
  await page.getByRole('link', { name: 'Training needs' }).click();
  await page.getByRole('link', { name: `Беттер ${tag}` }).click();
  await page.getByLabel('Their score is under a chosen value').check();
  await page.getByLabel('Score under').fill('4.5');
  await page.getByRole('button', { name: 'Apply' }).click();

  const ethics = page.locator('[data-testid="course-group"][data-competency="ethics"]');
  await expect(ethics).toContainText('53 people');
  await expect(ethics.getByTestId('member')).toHaveCount(50);
  await expect(ethics.getByTestId('page-range')).toHaveText('1–50 of 53');
  await expect(ethics.getByTestId('member').first()).toContainText(`Қызметкер ${tag} 00`);
  await expect(ethics.getByRole('button', { name: 'Previous' })).toBeDisabled();

  await ethics.getByRole('button', { name: 'Next' }).click();
  await expect(ethics.getByTestId('page-range')).toHaveText('51–53 of 53');
  await expect(ethics.getByTestId('member')).toHaveText([50, 51, 52].map((n) => new RegExp(`Қызметкер ${tag} ${n}`)));
  await expect(ethics.getByRole('button', { name: 'Next' })).toBeDisabled();

  await ethics.getByRole('button', { name: 'Previous' }).click();
  await expect(ethics.getByTestId('page-range')).toHaveText('1–50 of 53');
  await expect(ethics.getByTestId('member')).toHaveCount(50);
});
