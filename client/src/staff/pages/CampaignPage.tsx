import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { EvaluationProgress } from '../../../../db/repositories/campaigns.ts';
import type { CampaignRow } from '../../../../db/schema.ts';
import { findMethodology } from '../../../../shared/methodology/registry.ts';
import type { Absence } from '../../../../shared/rules/absence.ts';
import type { ResultsSchedule } from '../../../../shared/rules/campaignSchedule.ts';
import { hasReports, isEditable, type CampaignStatus } from '../../../../shared/rules/campaignStatus.ts';
import { api, errorText } from '../../common/api.ts';
import { formatDate, t } from '../../common/i18n.ts';
import { AddUnitPanel } from '../components/AddUnitPanel.tsx';
import { createAction } from '../components/createAction.ts';
import { CalibrationPanel } from '../components/CalibrationPanel.tsx';
import { createConfirm } from '../components/createConfirm.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { InvitationsPanel } from '../components/InvitationsPanel.tsx';
import { LinksPanel, type IssuedLink } from '../components/LinksPanel.tsx';
import { ProgressDashboard } from '../components/ProgressDashboard.tsx';
import { ReportBatchPanel } from '../components/ReportBatchPanel.tsx';
import { fetchPeople } from '../data.ts';
import { canRunCalibration } from '../../../../shared/access/navigation.ts';
import { user } from '../session.ts';

type LifecycleStep = 'open' | 'close' | 'archive';

const STEP_TEXT = {
  open: { label: 'campaign.open', question: 'campaign.openConfirm' },
  close: { label: 'campaign.close', question: 'campaign.closeConfirm' },
  archive: { label: 'campaign.archive', question: 'campaign.archiveConfirm' },
} as const;

interface Detail {
  campaign: CampaignRow;
  evaluations: EvaluationProgress[];
}

export function CampaignPage() {
  const confirmation = createConfirm();
  const params = useParams<{ id: string }>();
  const [detail, { refetch }] = createResource(() => params.id, async (id) => api<Detail>('GET', `/campaigns/${id}`));
  const [schedule, { refetch: refetchSchedule }] = createResource(() => params.id, async (id) => api<ResultsSchedule>('GET', `/campaigns/${id}/schedule`));
  const [people] = createResource(fetchPeople);
  const [selected, setSelected] = createSignal<string[]>([]);
  const [filter, setFilter] = createSignal('');
  const [links, setLinks] = createSignal<IssuedLink[] | null>(null);
  const [step, setStep] = createSignal<LifecycleStep | null>(null);

  const campaign = () => detail()?.campaign;
  const rules = () => (campaign() ? findMethodology(campaign()!.methodology_id)?.rules : undefined);
  const status = () => (campaign()?.status ?? 'draft') as CampaignStatus;
  const totals = createMemo(() => {
    const evs = detail()?.evaluations ?? [];
    const total = evs.reduce((n, e) => n + e.respondents + (e.selfInvited ? 1 : 0), 0);
    const answered = evs.reduce((n, e) => n + e.answered + (e.selfAnswered ? 1 : 0), 0);
    return { total, answered, linksMissing: evs.reduce((n, e) => n + e.linksMissing, 0) };
  });
  const candidates = createMemo(() => {
    const inCampaign = new Set((detail()?.evaluations ?? []).map((e) => e.personId));
    const q = filter().trim().toLowerCase();
    return (people() ?? []).filter((p) => !inCampaign.has(p.id) && (!q || `${p.fullName} ${p.unitName} ${p.position}`.toLowerCase().includes(q)));
  });

  const { busy, failure, run: act } = createAction(refetch);

  const addSelected = () =>
    act(async () => {
      await api('POST', `/campaigns/${params.id}/evaluations`, { personIds: selected() });
      setSelected([]);
    });
  const toggle = (id: string, on: boolean) => setSelected(on ? [...selected(), id] : selected().filter((x) => x !== id));
  const issueLinks = () => act(async () => setLinks((await api<{ links: IssuedLink[] }>('POST', `/campaigns/${params.id}/links`, {})).links));
  const takeStep = async (to: LifecycleStep) => {
    setStep(null);
    await act(() => api('POST', `/campaigns/${params.id}/${to}`));
    await refetchSchedule();
    document.getElementById('campaign-status')?.focus();
  };
  const remove = async (e: EvaluationProgress) => {
    const yes = await confirmation.ask({ title: t('campaign.remove'), body: t('common.confirmDelete', { name: e.fullName }), confirmLabel: t('campaign.remove') });
    if (yes) void act(() => api('DELETE', `/campaigns/${params.id}/evaluations/${e.id}`));
  };

  return (
    <Show when={campaign()} fallback={<Show when={detail.error} fallback={<p role="status">{t('common.loading')}</p>}><p class="alert" role="alert">{errorText(detail.error)}</p></Show>}>
      {(c) => (
        <>
          <p><A href="/campaigns">← {t('campaign.back')}</A></p>
          <h1>{c().name}</h1>
          <p class="row" id="campaign-status" tabindex="-1">
            <span class={`badge ${status()}`}>{t(`status.${status()}`)}</span>
            <span>{t('campaign.deadline', { date: formatDate(c().deadline) })}</span>
            <span aria-live="polite">{t('campaign.progress', { answered: totals().answered, total: totals().total })}</span>
          </p>
          <Show when={schedule()}>
            {(s) => (
              <>
                <Show when={!s().deadlineIsWorkingDay && isEditable(status())}><p class="warning">{t('campaign.deadlineDayOff')}</p></Show>
                <p data-testid="results-due">{t('campaign.resultsDue', { date: formatDate(s().resultsDueBy), days: rules()?.resultsWithinWorkingDays ?? 2 })}</p>
              </>
            )}
          </Show>
          <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
          <Show when={status() === 'closed'}><p class="notice">{t('campaign.closedNote')}</p></Show>
          <Show when={status() === 'archived'}><p class="notice">{t('campaign.archivedNote')}</p></Show>
          <div class="toolbar">
            <Show when={isEditable(status())}>
              <button type="button" class="secondary" disabled={busy()} onClick={() => void issueLinks()}>{t('campaign.issueLinks')}</button>
            </Show>
            <Show when={status() === 'draft'}>
              <button type="button" disabled={busy()} onClick={() => setStep('open')}>{t('campaign.open')}</button>
            </Show>
            <Show when={status() === 'open'}>
              <button type="button" disabled={busy()} onClick={() => setStep('close')}>{t('campaign.close')}</button>
            </Show>
            <Show when={status() === 'closed'}>
              <button type="button" class="secondary" disabled={busy()} onClick={() => setStep('archive')}>{t('campaign.archive')}</button>
            </Show>
            <Show when={isEditable(status()) && totals().linksMissing > 0}>
              <span class="muted">{t('campaign.linksMissing', { count: totals().linksMissing })}</span>
            </Show>
          </div>
          <Show when={step()}>
            {(to) => (
              <ConfirmDialog
                title={t(STEP_TEXT[to()].label)}
                body={t(STEP_TEXT[to()].question)}
                confirmLabel={t(STEP_TEXT[to()].label)}
                onConfirm={() => void takeStep(to())}
                onCancel={() => setStep(null)}
              />
            )}
          </Show>
          <confirmation.Dialog />
          <Show when={links()}>
            {(l) => <LinksPanel links={l()} fileName={`links-${c().year}.csv`} onClose={() => setLinks(null)} />}
          </Show>
          <Show when={isEditable(status()) && (detail()?.evaluations ?? []).length > 0}><InvitationsPanel campaignId={params.id} open={status() === 'open'} /></Show>

          <ProgressDashboard campaignId={params.id} refresh={detail()} />
          <Show when={hasReports(status())}><ReportBatchPanel campaignId={params.id} /></Show>

          <h2>{t('campaign.evaluated')}</h2>
          <Show when={(detail()?.evaluations ?? []).length > 0} fallback={<p>{t('campaign.noEvaluated')}</p>}>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('campaign.person')}</th><th scope="col">{t('campaign.form')}</th><th scope="col">{t('campaign.respondents')}</th>
                    <th scope="col">{t('campaign.answered')}</th><th scope="col">{t('campaign.self')}</th><th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={detail()?.evaluations}>
                    {(e) => (
                      <tr data-testid="evaluation-row">
                        <td>{e.fullName}<br /><span class="muted small">{e.position}, {e.unitName}</span></td>
                        <td class="small">{t(`form.${e.formKey as 'head' | 'employee'}`)}</td>
                        <td classList={{ 'error-text': e.respondents < (rules()?.minRespondents ?? 3) || e.respondents > (rules()?.maxRespondents ?? 7) }}>
                          {t('campaign.respondentsCount', { count: e.respondents, min: rules()?.minRespondents ?? 3, max: rules()?.maxRespondents ?? 7 })}
                        </td>
                        <td class="num">{e.answered}/{e.respondents}</td>
                        <td>{e.withoutParticipation ? t('building.withoutParticipation', { absence: t(`absence.${e.withoutParticipation as Absence}`) }) : e.selfAnswered ? t('campaign.selfDone') : t('campaign.selfPending')}</td>
                        <td class="row">
                          <Show when={isEditable(status())}>
                            <A class="button secondary" href={`/campaigns/${params.id}/evaluations/${e.id}`}>{t('campaign.chooseRespondents')}</A>
                            <button type="button" class="danger" disabled={busy()} onClick={() => void remove(e)} aria-label={`${t('campaign.remove')}: ${e.fullName}`}>{t('campaign.remove')}</button>
                          </Show>
                          <Show when={hasReports(status())}>
                            <A class="button" href={`/reports/${e.id}`}>{t('campaign.report')}</A>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>

          <Show when={hasReports(status()) && user() && canRunCalibration(user()!)}>
            <CalibrationPanel campaignId={params.id} closed={status() === 'closed'} evaluations={detail()?.evaluations ?? []} />
          </Show>

          <Show when={isEditable(status())}>
            <AddUnitPanel campaignId={params.id} year={c().year} minRespondents={rules()?.minRespondents ?? 3} onAdded={refetch} />
            <section class="card" aria-labelledby="add-people">
              <h2 id="add-people">{t('campaign.addPeople')}</h2>
              <Show when={candidates().length > 0 || filter()} fallback={<p>{t('campaign.allAdded')}</p>}>
                <label for="candidate-filter" class="visually-hidden">{t('common.search')}</label>
                <input id="candidate-filter" type="search" placeholder={t('common.search')} value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
                <div class="checklist" role="group" aria-labelledby="add-people">
                  <For each={candidates()}>
                    {(p) => (
                      <label>
                        <input type="checkbox" checked={selected().includes(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
                        <span>{p.fullName} <span class="muted small">— {p.position}, {p.unitName}</span></span>
                      </label>
                    )}
                  </For>
                </div>
                <p><button type="button" disabled={busy() || selected().length === 0} onClick={() => void addSelected()}>{t('campaign.addSelected', { count: selected().length })}</button></p>
              </Show>
            </section>
          </Show>
        </>
      )}
    </Show>
  );
}
