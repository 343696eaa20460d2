import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { fullAnswers, tokenOf } from '../support/fixtures.ts';
import { E2E_HR_HEAD } from './credentials.ts';
import { signIn } from './signIn.ts';
import { SAME_ORIGIN } from './sameOrigin.ts';
import { issueLinks, post } from './setUpThroughApi.ts';
import { expect, test } from './cspGuardedTest.ts';

/** The text of each page of a PDF, as a reader of the file would extract it. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text as string;
}

test('the head of HR downloads one report as PDF and a unit’s reports as a ZIP, with the progress shown', async ({ page }) => {
  const tag = `PDF ${Date.now()}`;
  const year = new Date().getMonth() >= 6 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  await signIn(page, E2E_HR_HEAD);

  // A closed campaign, made through the API as the signed-in head of HR: two reports above the minimum, one under it.
  const api = page.request;
  const unit = (await post(api, '/units', { name: `Бөлім ${tag}`, parentId: null })).unit;
  const person = async (fullName: string, category: string, managerId: string | null) =>
    (await post(api, '/people', { fullName, position: 'Маман', unitId: unit.id, category, managerId, email: null })).person;
  const head = await person(`Басшы ${tag}`, 'E-2', null);
  const staff = [];
  for (const n of [1, 2, 3, 4]) staff.push(await person(`Қызметкер ${n} ${tag}`, 'E-4', head.id));
  const campaignId = (await post(api, '/campaigns', { name: `360 ${tag}`, year })).id;
  const [first, second, short] = (await post(api, `/campaigns/${campaignId}/evaluations`, { personIds: [staff[0].id, staff[1].id, staff[2].id] })).ids as [string, string, string];
  for (const [eid, respondents] of [[first, [head, staff[2], staff[3]]], [second, [head, staff[2], staff[3]]], [short, [head, staff[0], staff[3]]]] as const) {
    const res = await api.put(`/api/campaigns/${campaignId}/evaluations/${eid}/respondents`, { data: { respondents: respondents.map((p) => ({ personId: p.id, relation: 'peer' })) }, headers: SAME_ORIGIN });
    expect(res.status()).toBe(204);
  }
  await post(api, `/campaigns/${campaignId}/open`, {});
  const { links } = await issueLinks(campaignId);
  // Worked by hand, as Annex 8 says (mean of statements, then mean over respondents, self excluded):
  //   Қызметкер 1: the head gives 5, the others 4 and 2 → every competency 3.67, result 3.67; self-assessment 1 (not counted).
  //   Қызметкер 2: the head gives 5 to competency 1 and 3 elsewhere, the others 4 → competency 1: 4.33, others 3.67;
  //   result (4.33 + 7 × 3.67) / 8 = 3.75.   Қызметкер 3: two answers only, under the minimum of 3.
  const level: Record<string, Record<string, (ci: number) => number>> = {
    [first]: { [head.fullName]: () => 5, [staff[2].fullName]: () => 4, [staff[3].fullName]: () => 2, [staff[0].fullName]: () => 1 },
    [second]: { [head.fullName]: (ci) => (ci === 0 ? 5 : 3), [staff[2].fullName]: () => 4, [staff[3].fullName]: () => 4 },
    [short]: { [head.fullName]: () => 4, [staff[0].fullName]: () => 4 },
  };
  const evaluationOf: Record<string, string> = { [staff[0].fullName]: first, [staff[1].fullName]: second, [staff[2].fullName]: short };
  for (const link of links as Array<{ url: string; respondentName: string; evaluatedName: string }>) {
    const value = level[evaluationOf[link.evaluatedName]!]?.[link.respondentName];
    if (value) await post(api, '/respond/submit', { token: tokenOf(link.url), answers: fullAnswers('employee', (ci) => value(ci)) });
  }
  await post(api, `/campaigns/${campaignId}/close`, {});

  // One report: the button on the report page downloads the server's PDF, named after the person and the year.
  await page.goto(`/reports/${first}`);
  await expect(page.getByTestId('overall')).toHaveText('3.67');
  const oneDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const one = await oneDownload;
  expect(one.suggestedFilename()).toBe(`Қызметкер 1 ${tag} — ${year}.pdf`);
  const oneText = await pdfText(fs.readFileSync(await one.path()));
  expect(oneText).toContain(`Қызметкер 1 ${tag}`);
  expect(oneText).toContain('Building effective communications');
  expect(oneText).toContain('3.67');
  expect(oneText).toContain('1.00');
  await expect(page.getByRole('button', { name: 'Download PDF' })).toBeEnabled();

  // The unit's reports as a ZIP, from the campaign page, with the progress bar and the link when done.
  await page.goto(`/campaigns/${campaignId}`);
  const panel = page.getByRole('region', { name: 'All reports as PDF' });
  await panel.getByLabel('Unit (with its sub-units)').selectOption({ label: unit.name });
  await panel.getByRole('button', { name: 'All reports: ZIP' }).click();
  const bar = panel.getByRole('progressbar', { name: 'Printing reports' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(panel.getByText('Printed: 2 of 2')).toBeVisible();
  await expect(panel.getByText('Left out, fewer respondents’ answers than the minimum: 1')).toBeVisible();
  const zipDownload = page.waitForEvent('download');
  await panel.getByRole('link', { name: /^Download / }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toBe(`360 ${tag} ${year} — Бөлім ${tag}.zip`);
  const entries = unzipSync(new Uint8Array(fs.readFileSync(await zip.path())));
  expect(Object.keys(entries).sort()).toEqual([`Қызметкер 1 ${tag} — ${year}.pdf`, `Қызметкер 2 ${tag} — ${year}.pdf`]);
  const secondText = await pdfText(entries[`Қызметкер 2 ${tag} — ${year}.pdf`]!);
  expect(secondText).toContain(`Қызметкер 2 ${tag}`);
  for (const mean of ['4.33', '3.67', '3.75']) expect(secondText).toContain(mean);
  expect(await pdfText(entries[`Қызметкер 1 ${tag} — ${year}.pdf`]!)).toContain('3.67');
});
