import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { OverrideView } from '../../../../db/repositories/calendar.ts';
import { DAY_KINDS, type DayKind } from '../../../../shared/rules/calendarOverride.ts';
import { calendarOverrideBody } from '../../../../shared/schemas/calendar.ts';
import { api, ApiFailure, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { formatDate, l, locale, t } from '../../common/i18n.ts';
import { fetchCalendarYear } from '../calendarData.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { describedBy, Field } from '../components/Field.tsx';
import { user } from '../session.ts';
import './calendar.css';
import { weekdayName } from '../../../../shared/i18n/dates.ts';

const KIND_LABEL = { dayOff: 'calendar.dayOff', working: 'calendar.working' } as const;

/** «2024 жылғы 4 мамыр, сенбі» / "4 May 2024, Saturday" in the reader's language. */
const formatDay = (iso: string): string => `${formatDate(iso)}, ${weekdayName(locale(), iso)}`;

export function CalendarPage() {
  const [year, setYear] = createSignal(new Date().getFullYear());
  const [data, { refetch }] = createResource(year, fetchCalendarYear);
  const [date, setDate] = createSignal('');
  const [kind, setKind] = createSignal<DayKind>('dayOff');
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [added, setAdded] = createSignal(false);
  const [removing, setRemoving] = createSignal<OverrideView | null>(null);
  const isAdmin = () => user()?.role === 'admin';

  const pickYear = (value: number) => {
    if (Number.isInteger(value) && value >= 2000 && value <= 2100) setYear(value);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    setAdded(false);
    const parsed = calendarOverrideBody.safeParse({ date: date(), kind: kind(), note: note() });
    setErrors(parsed.success ? {} : fieldErrors(zodIssues(parsed.error)));
    if (!parsed.success) return;
    try {
      await api('POST', '/calendar/overrides', parsed.data);
      setDate('');
      setNote('');
      setAdded(true);
      pickYear(Number(parsed.data.date.slice(0, 4)));
      await refetch();
    } catch (error) {
      // Refusals about the date itself (already a day off, already changed) belong next to the date.
      if (error instanceof ApiFailure && error.code.startsWith('calendar.')) setErrors({ date: errorText(error) });
      else if (error instanceof ApiFailure && error.issues.length) setErrors(fieldErrors(error.issues));
      else setFailure(error);
    }
  };

  const remove = async (override: OverrideView) => {
    setRemoving(null);
    setFailure(null);
    try {
      await api('DELETE', `/calendar/overrides/${override.id}`);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p class="muted">{t('calendar.intro')}</p>
      <div class="row calendar-year">
        <button type="button" class="secondary" onClick={() => pickYear(year() - 1)} aria-label={t('calendar.prevYear')}>‹</button>
        <label for="calendar-year" class="visually-hidden">{t('calendar.year')}</label>
        <input id="calendar-year" type="number" inputmode="numeric" min="2000" max="2100" value={year()} onChange={(e) => pickYear(Number(e.currentTarget.value))} />
        <button type="button" class="secondary" onClick={() => pickYear(year() + 1)} aria-label={t('calendar.nextYear')}>›</button>
        <Show when={data()}>{(d) => <span aria-live="polite">{t('calendar.workingDaysCount', { count: d().workingDays, year: d().year })}</span>}</Show>
      </div>
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>

      <Show when={isAdmin()} fallback={<p class="notice">{t('calendar.readOnly')}</p>}>
        <form class="card" onSubmit={submit} novalidate aria-labelledby="calendar-add">
          <h2 id="calendar-add">{t('calendar.add')}</h2>
          <div class="grid-2">
            <Field id="override-date" label={t('calendar.date')} error={errors().date}>
              <input {...describedBy('override-date', errors().date)} type="date" value={date()} onInput={(e) => setDate(e.currentTarget.value)} />
            </Field>
            <Field id="override-kind" label={t('calendar.kind')} error={errors().kind}>
              <select {...describedBy('override-kind', errors().kind)} value={kind()} onChange={(e) => setKind(e.currentTarget.value as DayKind)}>
                <For each={DAY_KINDS}>{(k) => <option value={k}>{t(KIND_LABEL[k])}</option>}</For>
              </select>
            </Field>
          </div>
          <Field id="override-note" label={t('calendar.note')} hint={t('calendar.noteHint')} error={errors().note}>
            <input {...describedBy('override-note', errors().note, true)} maxlength="300" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
          </Field>
          <div class="row">
            <button type="submit">{t('calendar.addSubmit')}</button>
            <Show when={added()}><span role="status">{t('calendar.added')}</span></Show>
          </div>
        </form>
      </Show>

      <Show when={data()} fallback={<Show when={data.error} fallback={<p role="status">{t('common.loading')}</p>}><p class="alert" role="alert">{errorText(data.error)}</p></Show>}>
        {(d) => (
          <Show when={d().entries.length > 0} fallback={<p>{t('calendar.empty')}</p>}>
            <div class="table-wrap">
              <table aria-label={`${t('calendar.title')} ${d().year}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('calendar.date')}</th><th scope="col">{t('calendar.kind')}</th><th scope="col">{t('calendar.what')}</th>
                    <th scope="col">{t('calendar.source')}</th>
                    <Show when={isAdmin()}><th scope="col">{t('common.actions')}</th></Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={d().entries}>
                    {(e) => (
                      <tr data-testid="calendar-entry" classList={{ muted: !e.effective }}>
                        <td>{formatDay(e.date)}</td>
                        <td>
                          {t(KIND_LABEL[e.kind])}
                          <Show when={!e.effective}><br /><span class="small">({t('calendar.overruled')})</span></Show>
                        </td>
                        <td>
                          <span class="small muted">{t(`calendar.origin.${e.origin}`)}</span><br />
                          <Switch>
                            <Match when={e.origin === 'holiday' && e}>
                              {(h) => <>{l(h().name)}<Show when={h().substitute}> — {t('calendar.substitute')}</Show></>}
                            </Match>
                            <Match when={e.origin === 'transfer' && e}>
                              {(tr) => <>{t(tr().kind === 'working' ? 'calendar.transferWorking' : 'calendar.transferDayOff', { date: formatDate(tr().pairedWith) })}</>}
                            </Match>
                            <Match when={e.origin === 'override' && e}>{(o) => o().override.note}</Match>
                          </Switch>
                        </td>
                        <td class="small">
                          <Switch>
                            <Match when={e.origin === 'holiday'}>{t('calendar.holidaySource')}</Match>
                            <Match when={e.origin === 'transfer' && e}>
                              {(tr) => (
                                <>
                                  {tr().act}
                                  <For each={tr().sources}>{(url, n) => <> · <a href={url} rel="noreferrer noopener" target="_blank">{t('calendar.sourceLink', { n: n() + 1 })}</a></>}</For>
                                </>
                              )}
                            </Match>
                            <Match when={e.origin === 'override' && e}>
                              {(o) => <>{t('calendar.overrideBy', { name: o().override.createdBy, date: formatDate(o().override.createdAt.slice(0, 10)) })}</>}
                            </Match>
                          </Switch>
                        </td>
                        <Show when={isAdmin()}>
                          <td>
                            <Show when={e.origin === 'override' && e}>
                              {(o) => (
                                <button type="button" class="danger" onClick={() => setRemoving(o().override)} aria-label={`${t('calendar.remove')}: ${formatDate(o().date)}`}>
                                  {t('calendar.remove')}
                                </button>
                              )}
                            </Show>
                          </td>
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
      <Show when={removing()}>
        {(o) => (
          <ConfirmDialog
            title={t('calendar.removeTitle', { date: formatDate(o().date) })}
            body={t('calendar.removeBody')}
            confirmLabel={t('calendar.remove')}
            onConfirm={() => void remove(o())}
            onCancel={() => setRemoving(null)}
          />
        )}
      </Show>
    </>
  );
}
