import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { InvitationView } from '../../../../db/repositories/campaigns.ts';
import type { EvaluationRow } from '../../../../db/schema.ts';
import { DEFAULT_METHODOLOGY_ID, findMethodology } from '../../../../shared/methodology/registry.ts';
import type { Absence } from '../../../../shared/rules/absence.ts';
import type { Proposal } from '../../../../shared/rules/proposeRespondents.ts';
import { inferRelation, type Relation } from '../../../../shared/rules/respondentRelation.ts';
import { checkRespondentSet } from '../../../../shared/rules/respondentSet.ts';
import { translate } from '../../../../shared/i18n/translate.ts';
import { api, errorText } from '../../common/api.ts';
import { locale, t } from '../../common/i18n.ts';
import { LinksPanel, type IssuedLink } from '../components/LinksPanel.tsx';
import { fetchPeople, type Person } from '../data.ts';
import { createConfirm } from '../components/createConfirm.tsx';

interface Detail {
  evaluation: EvaluationRow;
  managerId: string | null;
  invitations: InvitationView[];
}
type Choice = { personId: string; relation: Exclude<Relation, 'self'> };
const RELATION_CHOICES = ['manager', 'subordinate', 'peer'] as const;

export function RespondentsPage() {
  const confirmation = createConfirm();
  const params = useParams<{ id: string; eid: string }>();
  const rules = findMethodology(DEFAULT_METHODOLOGY_ID)!.rules;
  const [detail, { refetch }] = createResource(() => `${params.id}/${params.eid}`, () => api<Detail>('GET', `/campaigns/${params.id}/evaluations/${params.eid}`));
  const [people] = createResource(fetchPeople);
  const [proposal] = createResource(
    () => `${params.id}/${params.eid}`,
    () => api<{ proposals: Array<Proposal & { fullName: string }>; short: boolean }>('GET', `/campaigns/${params.id}/evaluations/${params.eid}/proposal`),
  );
  const [choices, setChoices] = createSignal<Choice[]>([]);
  const [candidate, setCandidate] = createSignal('');
  const [failure, setFailure] = createSignal<unknown>(null);
  const [saved, setSaved] = createSignal(false);
  const [links, setLinks] = createSignal<IssuedLink[] | null>(null);

  createEffect(() => {
    const d = detail();
    if (d) setChoices(d.invitations.filter((i) => i.relation !== 'self').map((i) => ({ personId: i.respondentId, relation: i.relation as Choice['relation'] })));
  });

  const evaluated = () => detail()?.evaluation;
  const byId = createMemo(() => new Map((people() ?? []).map((p) => [p.id, p])));
  const invitationOf = (personId: string) => detail()?.invitations.find((i) => i.respondentId === personId);
  const structural = (p: Person) => ({ id: p.id, managerId: p.managerId });

  const proposedIds = createMemo(() => new Map((proposal()?.proposals ?? []).map((p) => [p.personId, p])));
  /** The proposal (shared/rules/proposeRespondents.ts, computed by the server) first, in its order; then everyone else. */
  const candidates = createMemo(() => {
    const e = evaluated();
    if (!e) return [];
    const chosen = new Set(choices().map((c) => c.personId));
    const open = (p: Person) => p.id !== e.person_id && !chosen.has(p.id);
    const proposed = (proposal()?.proposals ?? []).map((x) => byId().get(x.personId)).filter((p): p is Person => Boolean(p) && open(p!));
    const rest = (people() ?? []).filter((p) => open(p) && !proposedIds().has(p.id));
    return [...proposed, ...rest];
  });
  const marker = (p: Person) => {
    const proposed = proposedIds().get(p.id);
    return proposed ? (proposed.widened ? '☆ ' : '★ ') : '';
  };
  /** Replaces the choice with the proposal; those who already answered stay, since they cannot be removed. */
  const useProposed = () => {
    const answered = choices().filter((c) => invitationOf(c.personId)?.answered);
    const kept = new Set(answered.map((c) => c.personId));
    setChoices([...answered, ...(proposal()?.proposals ?? []).filter((p) => !kept.has(p.personId)).map((p) => ({ personId: p.personId, relation: p.relation }))]);
    setSaved(false);
  };

  const problems = createMemo(() => {
    const e = evaluated();
    return e ? checkRespondentSet(e.person_id, choices().map((c) => c.personId), rules) : [];
  });

  const add = () => {
    const p = byId().get(candidate());
    const me = evaluated() && byId().get(evaluated()!.person_id);
    if (!p) return;
    setChoices([...choices(), { personId: p.id, relation: me ? inferRelation(structural(me), structural(p)) : 'peer' }]);
    setCandidate('');
    setSaved(false);
  };
  const setRelation = (personId: string, relation: Choice['relation']) => {
    setChoices(choices().map((c) => (c.personId === personId ? { ...c, relation } : c)));
    setSaved(false);
  };
  const removeChoice = (personId: string) => {
    setChoices(choices().filter((c) => c.personId !== personId));
    setSaved(false);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    try {
      await api('PUT', `/campaigns/${params.id}/evaluations/${params.eid}/respondents`, { respondents: choices() });
      setSaved(true);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  const reissue = async (invitation: InvitationView) => {
    if (!(await confirmation.ask({ title: t('links.reissue'), body: t('links.reissueConfirm', { name: invitation.respondentName }), confirmLabel: t('links.reissue') }))) return;
    try {
      setLinks((await api<{ links: IssuedLink[] }>('POST', `/campaigns/${params.id}/links`, { invitationIds: [invitation.id] })).links);
      await refetch();
    } catch (error) {
      setFailure(error);
    }
  };

  const linkStatus = (i: InvitationView | undefined) =>
    !i ? t('respondents.noLink') : i.answered ? t('respondents.answered') : i.linkIssued ? t('respondents.linkIssued') : t('respondents.noLink');

  return (
    <Show when={evaluated()} fallback={<Show when={detail.error} fallback={<p role="status">{t('common.loading')}</p>}><p class="alert" role="alert">{errorText(detail.error)}</p></Show>}>
      {(e) => (
        <>
          <confirmation.Dialog />
          <p><A href={`/campaigns/${params.id}`}>← {t('campaign.evaluated')}</A></p>
          <h1>{t('respondents.title', { name: e().full_name })}</h1>
          <p class="muted">{e().position}, {e().unit_name} · {t(`form.${e().form_key as 'head' | 'employee'}`)}</p>
          <p class="notice">{t('respondents.hint', { min: rules.minRespondents, max: rules.maxRespondents })}</p>
          <Show when={e().without_participation}>
            {(absence) => <p class="warning" data-testid="without-participation">{t('building.withoutParticipationNote', { absence: t(`absence.${absence() as Absence}`) })}</p>}
          </Show>
          <Show when={links()}>{(l) => <LinksPanel links={l()} fileName="link.csv" onClose={() => setLinks(null)} />}</Show>
          <Show when={detail()!.invitations.some((i) => i.flags.length > 0)}><p class="warning" role="status">{t('respondents.flagsHint')}</p></Show>
          <form onSubmit={save} novalidate aria-labelledby="respondents-list">
            <h2 id="respondents-list">{t('campaign.respondents')} — {t('respondents.chosen', { count: choices().length })}</h2>
            <div class="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('campaign.person')}</th><th scope="col">{t('respondents.relation')}</th><th scope="col">{t('respondents.status')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
                <tbody>
                  <For each={detail()!.invitations.filter((i) => i.relation === 'self')}>
                    {(i) => (
                      <tr>
                        <td>{i.respondentName}</td><td>{t('relation.self')}</td><td>{linkStatus(i)}</td>
                        <td><Show when={i.linkIssued && !i.answered}><button type="button" class="secondary" onClick={() => void reissue(i)}>{t('links.reissue')}</button></Show></td>
                      </tr>
                    )}
                  </For>
                  <For each={choices()}>
                    {(c) => {
                      const person = () => byId().get(c.personId);
                      const invitation = () => invitationOf(c.personId);
                      return (
                        <tr data-testid="respondent-row">
                          <td>
                            {person()?.fullName ?? invitation()?.respondentName}<br /><span class="muted small">{person()?.position}</span>
                            <For each={invitation()?.flags ?? []}>{(flag) => <><br /><span class="flag small" data-testid="respondent-flag">⚑ {t(`respondents.flag.${flag}`)}</span></>}</For>
                          </td>
                          <td>
                            <label class="visually-hidden" for={`rel-${c.personId}`}>{t('respondents.relation')}</label>
                            <select id={`rel-${c.personId}`} value={c.relation} onChange={(ev) => setRelation(c.personId, ev.currentTarget.value as Choice['relation'])}>
                              <For each={RELATION_CHOICES}>{(r) => <option value={r}>{t(`relation.${r}`)}</option>}</For>
                            </select>
                          </td>
                          <td>{linkStatus(invitation())}</td>
                          <td class="row">
                            <button type="button" class="danger" disabled={invitation()?.answered} onClick={() => removeChoice(c.personId)} aria-label={`${t('campaign.remove')}: ${person()?.fullName ?? ''}`}>{t('campaign.remove')}</button>
                            <Show when={invitation()?.linkIssued && !invitation()?.answered}>
                              <button type="button" class="secondary" onClick={() => void reissue(invitation()!)}>{t('links.reissue')}</button>
                            </Show>
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
            <div class="card">
              <label for="candidate">{t('respondents.candidate')}</label>
              <div class="row">
                <select id="candidate" class="field-grow" value={candidate()} onChange={(ev) => setCandidate(ev.currentTarget.value)}>
                  <option value="">{t('respondents.choosePerson')}</option>
                  <For each={candidates()}>
                    {(p) => <option value={p.id}>{marker(p)}{p.fullName} — {p.position}, {p.unitName}</option>}
                  </For>
                </select>
                <button type="button" class="secondary" disabled={!candidate()} onClick={add}>{t('common.add')}</button>
              </div>
              <p class="hint muted small">★ {t('respondents.suggested')}; ☆ {t('building.widened')}</p>
              <Show when={proposal()?.short}>
                <p class="warning" role="status">{t('building.proposalShort', { count: proposal()!.proposals.length })}</p>
              </Show>
              <button type="button" class="secondary" disabled={!proposal() || proposal()!.proposals.length === 0} onClick={useProposed}>{t('building.useProposed')}</button>
            </div>
            <Show when={problems().length > 0}>
              <ul class="warning" aria-live="polite">
                <For each={problems()}>{(p) => { const { code, ...params } = p; return <li>{translate(locale(), `errors.${code}`, params)}</li>; }}</For>
              </ul>
            </Show>
            <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
            <Show when={saved()}><p class="notice" role="status">{t('common.saved')}</p></Show>
            <button type="submit">{t('common.save')}</button>
          </form>
        </>
      )}
    </Show>
  );
}
