import { useNavigate } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type { Relation } from '../../../../shared/rules/respondentRelation.ts';
import type { deliveryOverview } from '../../../../server/services/deliveries.ts';
import { isMessageKey } from '../../../../shared/i18n/translate.ts';
import { api, errorText, fieldErrors } from '../../common/api.ts';
import { formatDate, t } from '../../common/i18n.ts';
import { setSheetBatch, type SheetBatch } from '../sheetStore.ts';
import { createAction } from './createAction.ts';
import { createConfirm } from './createConfirm.tsx';
import { describedBy, Field } from './Field.tsx';

type Overview = Awaited<ReturnType<typeof deliveryOverview>>;
type Row = Overview['invitations'][number];

const POLL_MS = 1000;

/**
 * Invitations of a campaign: by e-mail (sent in the background; the panel polls while messages are queued),
 * on printed sheets, reminders by hand or on a schedule, and the deliveries that failed.
 */
export function InvitationsPanel(props: { campaignId: string; open: boolean }) {
  const navigate = useNavigate();
  const confirmation = createConfirm();
  const [overview, { refetch }] = createResource(() => props.campaignId, (id) => api<Overview>('GET', `/campaigns/${id}/deliveries`));
  const [note, setNote] = createSignal('');
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [schedule, setSchedule] = createSignal<string | null>(null);
  const [scheduleError, setScheduleError] = createSignal('');

  const data = () => overview.latest;
  createEffect(() => {
    if ((data()?.counts.pending ?? 0) === 0) return;
    const timer = setTimeout(() => void refetch(), POLL_MS);
    onCleanup(() => clearTimeout(timer));
  });

  const { busy, failure, run } = createAction(refetch);
  const act = (action: () => Promise<void>) => {
    setNote('');
    return run(action);
  };
  const queue = async (path: string, body: unknown, question?: { title: string; body: string }) => {
    if (question && !(await confirmation.ask({ ...question, confirmLabel: question.title }))) return;
    void act(async () => {
      const { queued } = await api<{ queued: number }>('POST', `/campaigns/${props.campaignId}/${path}`, body);
      setNote(queued > 0 ? t('invitations.queued', { count: queued }) : t('invitations.nothingQueued'));
      setChosen([]);
    });
  };
  const print = (invitationIds?: string[]) =>
    void act(async () => {
      const batch = await api<Omit<SheetBatch, 'campaignId'>>('POST', `/campaigns/${props.campaignId}/sheets`, invitationIds ? { invitationIds } : {});
      setSheetBatch({ ...batch, campaignId: props.campaignId });
      navigate(`/campaigns/${props.campaignId}/sheets`);
    });

  const scheduleText = () => schedule() ?? (data()?.schedule.daysBefore ?? []).join(', ');
  const saveSchedule = (event: SubmitEvent) => {
    event.preventDefault();
    setScheduleError('');
    const parts = scheduleText().split(/[\s,;]+/).filter(Boolean);
    const daysBefore = parts.map(Number);
    if (daysBefore.some((n) => !Number.isInteger(n))) return setScheduleError(t('field.invalid'));
    void act(async () => {
      try {
        await api('PUT', `/campaigns/${props.campaignId}/deliveries/schedule`, { daysBefore });
        setSchedule(null);
        setNote(t('common.saved'));
      } catch (error) {
        const issues = (error as { issues?: Array<{ path: string; code: string }> }).issues ?? [];
        if (!issues.length) throw error;
        setScheduleError(Object.values(fieldErrors(issues))[0]!);
      }
    });
  };

  const reason = (error: string | null) => {
    const key = `invitations.error.${error}`;
    return isMessageKey(key) ? t(key) : (error ?? '');
  };
  const deliveryText = (row: Row) =>
    [
      row.answered ? t('invitations.answered') : null,
      row.email ? t(`invitations.status.${(row.emailStatus ?? 'none') as 'none' | 'pending' | 'sending' | 'sent' | 'failed'}`) : t('invitations.noEmail'),
      row.printed ? t('invitations.sheetPrinted') : null,
    ].filter(Boolean).join(', ');
  const rows = () => data()?.invitations ?? [];
  const chosenRows = () => rows().filter((r) => chosen().includes(r.invitationId));
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen(), id] : chosen().filter((x) => x !== id));
  const mailEnabled = () => data()?.mailEnabled ?? false;
  const canMail = () => props.open && mailEnabled();

  return (
    <section class="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      <Show when={data()} fallback={<Show when={overview.error} fallback={<p role="status">{t('common.loading')}</p>}><p class="alert" role="alert">{errorText(overview.error)}</p></Show>}>
        {(o) => (
          <>
            <Show when={!o().mailEnabled}><p class="notice">{t('invitations.mailOff')}</p></Show>
            <ul class="row plain-list" data-testid="invitation-counts">
              <li>{t('invitations.withEmail', { count: o().counts.withEmail })}</li>
              <li>{t('invitations.withoutEmail', { count: o().counts.withoutEmail })}</li>
              <li>{t('invitations.emailed', { count: o().counts.emailed })}</li>
              <li>{t('invitations.printed', { count: o().counts.printed })}</li>
              <li classList={{ 'error-text': o().counts.failed > 0 }}>{t('invitations.failed', { count: o().counts.failed })}</li>
              <li>{t('invitations.pending', { count: o().counts.pending })}</li>
            </ul>
            <p role="status" aria-live="polite">
              {o().counts.pending > 0 ? t('invitations.sendingNow', { count: o().counts.pending }) : note()}
            </p>
            <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>

            <div class="toolbar">
              <Show when={canMail()}>
                <button type="button" disabled={busy()} aria-describedby="send-hint" onClick={() => void queue('deliveries/invitations', {}, { title: t('invitations.send'), body: t('invitations.sendConfirm') })}>{t('invitations.send')}</button>
              </Show>
              <button type="button" class="secondary" disabled={busy()} aria-describedby="sheets-hint" onClick={() => print()}>{t('invitations.sheets')}</button>
              <Show when={canMail()}>
                <button type="button" class="secondary" disabled={busy()} aria-describedby="remind-hint" onClick={() => void queue('deliveries/reminders', undefined, { title: t('invitations.remind'), body: t('invitations.remindConfirm') })}>{t('invitations.remind')}</button>
              </Show>
            </div>
            <Show when={canMail()}><p class="muted small" id="send-hint">{t('invitations.sendHint')}</p></Show>
            <p class="muted small" id="sheets-hint">{t('invitations.sheetsHint')}</p>
            <Show when={canMail()}><p class="muted small" id="remind-hint">{t('invitations.remindHint')}</p></Show>

            <Show when={mailEnabled()}>
              <form onSubmit={saveSchedule} aria-labelledby="schedule-title">
                <h3 id="schedule-title">{t('invitations.schedule')}</h3>
                <Field id="reminder-schedule" label={t('invitations.scheduleLabel')} hint={t('invitations.scheduleHint')} error={scheduleError()}>
                  <input {...describedBy('reminder-schedule', scheduleError(), true)} inputmode="numeric" value={scheduleText()} onInput={(e) => setSchedule(e.currentTarget.value)} />
                </Field>
                <Show when={o().schedule.points.length > 0} fallback={<p class="small">{t('invitations.scheduleNone')}</p>}>
                  <ul class="small" data-testid="schedule-points">
                    <For each={o().schedule.points}>{(p) => <li>{t('invitations.schedulePoint', { days: p.daysBefore, date: formatDate(p.date) })}</li>}</For>
                  </ul>
                </Show>
                <button type="submit" class="secondary" disabled={busy()}>{t('invitations.scheduleSave')}</button>
              </form>
            </Show>

            <Show when={o().failures.length > 0}>
              <h3 id="failures-title">{t('invitations.failures')}</h3>
              <div class="table-wrap">
                <table aria-labelledby="failures-title" data-testid="failures">
                  <thead>
                    <tr><th scope="col">{t('links.respondent')}</th><th scope="col">{t('links.evaluated')}</th><th scope="col">{t('invitations.delivery')}</th><th scope="col">{t('invitations.attempts')}</th><th scope="col">{t('invitations.reason')}</th></tr>
                  </thead>
                  <tbody>
                    <For each={o().failures}>
                      {(f) => (
                        <tr>
                          <td>{f.respondentName}<br /><span class="muted small">{f.email ?? t('invitations.noEmail')}</span></td>
                          <td>{f.evaluatedName}</td>
                          <td>{t(`invitations.kind.${f.kind as 'invitation' | 'reminder'}`)}</td>
                          <td class="num">{f.attempts}</td>
                          <td class="small">{reason(f.error)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Show when={canMail()}>
                <p><button type="button" disabled={busy()} onClick={() => void queue('deliveries/retry', undefined)}>{t('invitations.retry')}</button></p>
              </Show>
            </Show>

            <details>
              <summary>{t('invitations.list')} ({rows().length})</summary>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr><th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th><th scope="col">{t('links.respondent')}</th><th scope="col">{t('links.evaluated')}</th><th scope="col">{t('invitations.delivery')}</th></tr>
                  </thead>
                  <tbody>
                    <For each={rows()}>
                      {(r) => (
                        <tr>
                          <td>
                            <input
                              type="checkbox"
                              disabled={r.answered}
                              checked={chosen().includes(r.invitationId)}
                              aria-label={t('invitations.select', { name: r.respondentName, evaluated: r.evaluatedName })}
                              onChange={(e) => toggle(r.invitationId, e.currentTarget.checked)}
                            />
                          </td>
                          <td>{r.respondentName}<br /><span class="muted small">{r.email ?? ''}</span></td>
                          <td>{r.evaluatedName}<br /><span class="muted small">{t(`relation.${r.relation as Relation}`)}</span></td>
                          <td class="small">{deliveryText(r)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <div class="toolbar">
                <Show when={canMail()}>
                  <button
                    type="button"
                    disabled={busy() || chosenRows().length === 0 || chosenRows().some((r) => !r.email)}
                    onClick={() => void queue('deliveries/invitations', { invitationIds: chosen() }, { title: t('invitations.resendSelected', { count: chosen().length }), body: t('invitations.resendConfirm', { count: chosen().length }) })}
                  >
                    {t('invitations.resendSelected', { count: chosen().length })}
                  </button>
                </Show>
                <button type="button" class="secondary" disabled={busy() || chosen().length === 0} onClick={() => print(chosen())}>{t('invitations.printSelected', { count: chosen().length })}</button>
              </div>
            </details>
          </>
        )}
      </Show>
      <confirmation.Dialog />
    </section>
  );
}
