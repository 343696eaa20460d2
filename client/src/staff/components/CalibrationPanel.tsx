import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { CalibrationView } from '../../../../db/repositories/calibration.ts';
import { calibrationBody } from '../../../../shared/schemas/calibration.ts';
import { api, ApiFailure, errorText, fieldErrors, zodIssues } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import { createConfirm } from './createConfirm.tsx';
import { describedBy, Field } from './Field.tsx';
import './calibration.css';

interface Listing {
  sessions: CalibrationView[];
  accounts: Array<{ id: string; login: string; fullName: string }>;
}

interface Evaluated {
  id: string;
  fullName: string;
  position: string;
  unitName: string;
}

/**
 * A closed campaign's calibration sessions (§38–43): each has participants (accounts) and the reports put before
 * it, which exactly those participants may read (§21). Archived campaigns show theirs read-only.
 */
export function CalibrationPanel(props: { campaignId: string; closed: boolean; evaluations: readonly Evaluated[] }) {
  const confirmation = createConfirm();
  const [listing, { refetch }] = createResource(() => props.campaignId, (id) => api<Listing>('GET', `/campaigns/${id}/calibrations`));
  const [form, setForm] = createSignal<{ session: CalibrationView | null } | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const remove = async (s: CalibrationView) => {
    if (!(await confirmation.ask({ title: t('common.delete'), body: t('calibration.removeConfirm', { name: s.title }), confirmLabel: t('common.delete') }))) return;
    setFailure(null);
    try {
      await api('DELETE', `/campaigns/${props.campaignId}/calibrations/${s.id}`);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section class="card" aria-labelledby="calibration-title">
      <confirmation.Dialog />
      <h2 id="calibration-title">{t('calibration.title')}</h2>
      <p class="muted">{t('calibration.intro')}</p>
      <Show when={!props.closed}><p class="notice">{t('calibration.archived')}</p></Show>
      <Show when={listing.error || failure()}><p class="alert" role="alert">{errorText(listing.error ?? failure())}</p></Show>
      <Show when={listing()}>
        {(l) => (
          <>
            <Show when={l().sessions.length > 0} fallback={<p>{t('calibration.empty')}</p>}>
              <For each={l().sessions}>
                {(s) => (
                  <article class="calibration-session" data-testid="calibration-session" aria-label={s.title}>
                    <h3>{s.title}</h3>
                    <p class="small"><strong>{t('calibration.members')}:</strong> {s.members.length ? s.members.map((m) => m.fullName).join(', ') : t('calibration.noMembers')}</p>
                    <p class="small"><strong>{t('calibration.reports')}:</strong></p>
                    <Show when={s.reports.length > 0} fallback={<p class="small muted">{t('calibration.noReports')}</p>}>
                      <ul class="small">
                        <For each={s.reports}>{(r) => <li><A href={`/reports/${r.evaluationId}`}>{r.fullName}</A> <span class="muted">— {r.position}, {r.unitName}</span></li>}</For>
                      </ul>
                    </Show>
                    <Show when={props.closed}>
                      <div class="row">
                        <button type="button" class="secondary" onClick={() => setForm({ session: s })} aria-label={`${t('common.edit')}: ${s.title}`}>{t('common.edit')}</button>
                        <button type="button" class="danger" onClick={() => void remove(s)} aria-label={`${t('common.delete')}: ${s.title}`}>{t('common.delete')}</button>
                      </div>
                    </Show>
                  </article>
                )}
              </For>
            </Show>
            <Show when={props.closed && !form()}>
              <button type="button" onClick={() => setForm({ session: null })}>{t('calibration.add')}</button>
            </Show>
            <Show when={form()} keyed>
              {(f) => (
                <CalibrationForm
                  campaignId={props.campaignId}
                  session={f.session}
                  accounts={l().accounts}
                  evaluations={props.evaluations}
                  onCancel={() => setForm(null)}
                  onSaved={() => {
                    setForm(null);
                    void refetch();
                  }}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function CalibrationForm(props: {
  campaignId: string;
  session: CalibrationView | null;
  accounts: Listing['accounts'];
  evaluations: readonly Evaluated[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const s = props.session;
  const [title, setTitle] = createSignal(s?.title ?? '');
  const [members, setMembers] = createSignal<ReadonlySet<string>>(new Set(s?.members.map((m) => m.userId) ?? []));
  const [reports, setReports] = createSignal<ReadonlySet<string>>(new Set(s?.reports.map((r) => r.evaluationId) ?? []));
  const [memberQuery, setMemberQuery] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);

  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const shownAccounts = createMemo(() => {
    const q = memberQuery().trim().toLowerCase();
    return props.accounts.filter((a) => members().has(a.id) || !q || `${a.fullName} ${a.login}`.toLowerCase().includes(q));
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const parsed = calibrationBody.safeParse({ title: title(), memberIds: [...members()], evaluationIds: [...reports()] });
    setErrors(parsed.success ? {} : fieldErrors(zodIssues(parsed.error)));
    if (!parsed.success) return;
    setBusy(true);
    try {
      if (s) await api('PUT', `/campaigns/${props.campaignId}/calibrations/${s.id}`, parsed.data);
      else await api('POST', `/campaigns/${props.campaignId}/calibrations`, parsed.data);
      props.onSaved();
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiFailure) setErrors(fieldErrors(error.issues));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={submit} novalidate aria-labelledby="calibration-form-title">
      <h3 id="calibration-form-title">{s ? t('calibration.editTitle', { name: s.title }) : t('calibration.addTitle')}</h3>
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
      <Field id="calibration-session-title" label={t('calibration.sessionTitle')} error={errors().title}>
        <input {...describedBy('calibration-session-title', errors().title)} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <div class="grid-2">
        <fieldset class="field">
          <legend id="calibration-members">{t('calibration.members')}</legend>
          <label for="calibration-member-search" class="visually-hidden">{t('common.search')}</label>
          <input id="calibration-member-search" type="search" placeholder={t('common.search')} value={memberQuery()} onInput={(e) => setMemberQuery(e.currentTarget.value)} />
          <div class="checklist" role="group" aria-labelledby="calibration-members">
            <For each={shownAccounts()}>
              {(a) => (
                <label>
                  <input type="checkbox" checked={members().has(a.id)} onChange={(e) => setMembers(toggle(members(), a.id, e.currentTarget.checked))} />
                  <span>{a.fullName} <span class="muted small">({a.login})</span></span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
        <fieldset class="field">
          <legend id="calibration-reports">{t('calibration.reports')}</legend>
          <div class="checklist" role="group" aria-labelledby="calibration-reports">
            <For each={props.evaluations}>
              {(e) => (
                <label>
                  <input type="checkbox" checked={reports().has(e.id)} onChange={(ev) => setReports(toggle(reports(), e.id, ev.currentTarget.checked))} />
                  <span>{e.fullName} <span class="muted small">— {e.position}, {e.unitName}</span></span>
                </label>
              )}
            </For>
          </div>
        </fieldset>
      </div>
      <div class="row">
        <button type="submit" disabled={busy()}>{t('calibration.save')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
