import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { CampaignSummary } from '../../../../db/repositories/campaigns.ts';
import { DEFAULT_METHODOLOGY_ID, findMethodology } from '../../../../shared/methodology/registry.ts';
import { deadlineProblem, defaultDeadline } from '../../../../shared/rules/campaignDeadline.ts';
import type { CampaignStatus } from '../../../../shared/rules/campaignStatus.ts';
import { addWorkingDays, isWorkingDay } from '../../../../shared/rules/workingDays.ts';
import { campaignCreateBody } from '../../../../shared/schemas/api.ts';
import { api, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { formatDate, t } from '../../common/i18n.ts';
import { describedBy, Field } from '../components/Field.tsx';
import { fetchWorkingCalendar } from '../calendarData.ts';

/** Evaluations run at the turn of the year: until mid-year the reporting year is the one just ended. */
const suggestedYear = () => {
  const now = new Date();
  return now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1;
};

export function CampaignsPage() {
  const navigate = useNavigate();
  const rules = findMethodology(DEFAULT_METHODOLOGY_ID)!.rules;
  const [campaigns] = createResource(async () => (await api<{ campaigns: CampaignSummary[] }>('GET', '/campaigns')).campaigns);
  const [year, setYear] = createSignal(String(suggestedYear()));
  const [name, setName] = createSignal('');
  const [deadline, setDeadline] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);

  const yearNumber = () => Number(year());
  const effectiveDeadline = () => deadline() || (Number.isInteger(yearNumber()) ? defaultDeadline(yearNumber(), rules) : '');
  const effectiveName = () => name() || t('campaigns.defaultName', { year: year() });
  // Only a deadline the server would take: an absurd year has no calendar to look the day up in.
  const deadlineYear = () =>
    /^\d{4}-\d{2}-\d{2}$/.test(effectiveDeadline()) && !deadlineProblem(yearNumber(), effectiveDeadline()) ? Number(effectiveDeadline().slice(0, 4)) : null;
  // The deadline's year and the next: the next working day after a late-December deadline is in January.
  const [workingCalendar] = createResource(deadlineYear, (y) => fetchWorkingCalendar([y, y + 1]));
  const nextWorkingDay = () => {
    const cal = workingCalendar();
    const date = effectiveDeadline();
    return cal && deadlineYear() && !isWorkingDay(cal, date) ? addWorkingDays(cal, date, 1) : null;
  };
  const active = () => (campaigns() ?? []).filter((c) => c.status !== 'archived');
  const archived = () => (campaigns() ?? []).filter((c) => c.status === 'archived');

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const parsed = campaignCreateBody.safeParse({ name: effectiveName(), year: yearNumber(), deadline: effectiveDeadline() });
    setErrors(parsed.success ? {} : fieldErrors(zodIssues(parsed.error)));
    if (!parsed.success) return;
    const problem = deadlineProblem(parsed.data.year, effectiveDeadline());
    if (problem) return setErrors({ deadline: t(`errors.${problem.code}`, { year: problem.year }) });
    try {
      const { id } = await api<{ id: string }>('POST', '/campaigns', parsed.data);
      navigate(`/campaigns/${id}`);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <h1>{t('campaigns.title')}</h1>
      <form class="card" onSubmit={submit} novalidate aria-labelledby="new-campaign">
        <h2 id="new-campaign">{t('campaigns.new')}</h2>
        <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
        <div class="grid-2">
          <Field id="campaign-year" label={t('campaigns.year')} error={errors().year}>
            <input {...describedBy('campaign-year', errors().year)} type="number" inputmode="numeric" min="2000" max="2100" value={year()} onInput={(e) => setYear(e.currentTarget.value)} />
          </Field>
          <Field id="campaign-name" label={t('campaigns.name')} error={errors().name}>
            <input {...describedBy('campaign-name', errors().name)} placeholder={t('campaigns.defaultName', { year: year() })} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <Field id="campaign-deadline" label={t('campaigns.deadline')} hint={t('campaigns.deadlineHint')} error={errors().deadline}>
            <input {...describedBy('campaign-deadline', errors().deadline, true)} type="date" value={effectiveDeadline()} onInput={(e) => setDeadline(e.currentTarget.value)} />
          </Field>
        </div>
        <Show when={nextWorkingDay()}>
          {(next) => <p class="warning" role="status" data-testid="deadline-day-off">{t('campaigns.deadlineDayOff', { date: formatDate(next()) })}</p>}
        </Show>
        <button type="submit">{t('campaigns.create')}</button>
      </form>
      <Show when={active().length > 0} fallback={<Show when={archived().length === 0}><p>{campaigns.loading ? t('common.loading') : t('campaigns.empty')}</p></Show>}>
        <CampaignTable campaigns={active()} label={t('campaigns.title')} />
      </Show>
      <Show when={archived().length > 0}>
        <section aria-labelledby="archived-campaigns">
          <h2 id="archived-campaigns">{t('campaigns.archived')}</h2>
          <p class="muted">{t('campaigns.archivedHint')}</p>
          <CampaignTable campaigns={archived()} label={t('campaigns.archived')} />
        </section>
      </Show>
    </>
  );
}

function CampaignTable(props: { campaigns: CampaignSummary[]; label: string }) {
  return (
    <div class="table-wrap">
      <table aria-label={props.label}>
        <thead>
          <tr><th scope="col">{t('campaigns.name')}</th><th scope="col">{t('campaigns.year')}</th><th scope="col">{t('campaign.status')}</th><th scope="col">{t('campaigns.deadline')}</th><th scope="col">{t('campaign.answered')}</th></tr>
        </thead>
        <tbody>
          <For each={props.campaigns}>
            {(c) => (
              <tr>
                <td><A href={`/campaigns/${c.id}`}>{c.name}</A></td>
                <td>{c.year}</td>
                <td><span class={`badge ${c.status}`}>{t(`status.${c.status as CampaignStatus}`)}</span></td>
                <td>{formatDate(c.deadline)}</td>
                <td>{t('campaigns.evaluatedCount', { count: c.evaluations })}; {t('campaigns.answeredCount', { answered: c.answered, total: c.invitations })}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
