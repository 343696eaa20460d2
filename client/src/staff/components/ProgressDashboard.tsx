import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { campaignProgress, evaluationRespondents } from '../../../../server/services/progress.ts';
import type { Absence } from '../../../../shared/rules/absence.ts';
import type { Relation } from '../../../../shared/rules/respondentRelation.ts';
import { api, errorText } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';
import './progressDashboard.css';

type Progress = Awaited<ReturnType<typeof campaignProgress>>;
type EvaluationLine = Progress['evaluations'][number];
type Respondents = Awaited<ReturnType<typeof evaluationRespondents>>['respondents'];

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));
const rateOf = (e: EvaluationLine) => (e.questionnaires === 0 ? 0 : e.answeredTotal / e.questionnaires);
const STATUS_KEY = { noLink: 'respondents.noLink', linkIssued: 'respondents.linkIssued', answered: 'respondents.answered' } as const;

/** Who was asked about one person and how far each link got, loaded when HR opens the row. */
function RespondentStatus(props: { campaignId: string; evaluationId: string }) {
  const [list] = createResource(
    () => props.evaluationId,
    async (eid) => (await api<{ respondents: Respondents }>('GET', `/campaigns/${props.campaignId}/progress/${eid}`)).respondents,
  );
  return (
    <Show when={list()} fallback={<p role="status" class="small">{list.error ? errorText(list.error) : t('common.loading')}</p>}>
      <ul class="small" data-testid="respondent-status">
        <For each={list()}>{(r) => <li>{r.name} ({t(`relation.${r.relation as Relation}`)}) — {t(STATUS_KEY[r.status])}</li>}</For>
      </ul>
    </Show>
  );
}

/**
 * Response rates of a campaign — overall, per unit of the tree (collapsed sections, so a campaign of a
 * thousand people stays light), per evaluated person — and the reports the anonymity minimum puts at risk.
 */
export function ProgressDashboard(props: { campaignId: string; refresh: unknown }) {
  const [data] = createResource(() => ({ id: props.campaignId, refresh: props.refresh }), ({ id }) => api<Progress>('GET', `/campaigns/${id}/progress`));
  const [query, setQuery] = createSignal('');
  const [show, setShow] = createSignal<'all' | 'below' | 'cannotReach'>('all');
  const [sort, setSort] = createSignal<'name' | 'rate'>('name');
  const [opened, setOpened] = createSignal<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = createSignal<string | null>(null);

  const filtering = () => query().trim() !== '' || show() !== 'all';
  const matches = createMemo(() => {
    const q = query().trim().toLowerCase();
    const keep = (e: EvaluationLine) =>
      (!q || `${e.fullName} ${e.position}`.toLowerCase().includes(q)) &&
      (show() === 'all' || (show() === 'cannotReach' ? e.outlook === 'cannotReach' : e.outlook !== 'reached'));
    const list = (data()?.evaluations ?? []).filter(keep);
    return sort() === 'rate' ? [...list].sort((a, b) => rateOf(a) - rateOf(b) || a.fullName.localeCompare(b.fullName)) : list;
  });
  const byUnit = createMemo(() => {
    const groups = new Map<string | null, EvaluationLine[]>();
    for (const e of matches()) {
      const group = groups.get(e.unitId);
      if (group) group.push(e);
      else groups.set(e.unitId, [e]);
    }
    return groups;
  });
  /** Units shown: all of them, or while filtering only those with a match in their subtree. */
  const visibleUnits = createMemo(() => {
    const units = data()?.units ?? [];
    if (!filtering()) return units.map((u) => ({ unit: u, matched: u.total.evaluated }));
    const matched: number[] = new Array(units.length).fill(0);
    // A unit's subtree is the run of deeper units right after it; walking backwards adds each into its parent.
    const stack: Array<{ depth: number; index: number }> = [];
    for (let i = units.length - 1; i >= 0; i--) {
      let count = byUnit().get(units[i]!.id)?.length ?? 0;
      while (stack.length && stack[stack.length - 1]!.depth > units[i]!.depth) count += matched[stack.pop()!.index]!;
      matched[i] = count;
      stack.push({ depth: units[i]!.depth, index: i });
    }
    return units.map((u, i) => ({ unit: u, matched: matched[i]! })).filter((x) => x.matched > 0);
  });
  const isOpen = (id: string) => opened().has(id) || (filtering() && (byUnit().get(id)?.length ?? 0) > 0);
  const toggleUnit = (id: string, open: boolean) => {
    const next = new Set(opened());
    if (open) next.add(id);
    else next.delete(id);
    setOpened(next);
  };

  const selfText = (e: EvaluationLine) =>
    e.withoutParticipation
      ? t('building.withoutParticipation', { absence: t(`absence.${e.withoutParticipation as Absence}`) })
      : `${t('campaign.self')}: ${e.selfAnswered ? t('campaign.selfDone') : t('campaign.selfPending')}`;

  return (
    <section class="card" aria-labelledby="progress-title" data-testid="progress-dashboard">
      <h2 id="progress-title">{t('progress.title')}</h2>
      <Show when={data()} fallback={<p role="status">{data.error ? errorText(data.error) : t('common.loading')}</p>}>
        {(p) => (
          <Show when={p().totals.evaluated > 0} fallback={<p>{t('progress.empty')}</p>}>
            <p data-testid="progress-rate"><strong>{t('progress.rate', { answered: p().totals.answered, total: p().totals.questionnaires, percent: percent(p().totals.answered, p().totals.questionnaires) })}</strong></p>
            <progress value={p().totals.answered} max={Math.max(1, p().totals.questionnaires)} aria-labelledby="progress-title" class="progress-total" />
            <ul class={p().totals.belowMinimum + p().totals.cannotReach > 0 ? 'warning' : 'notice'}>
              <li data-testid="progress-below">{t('progress.belowMinimum', { min: p().minResponses, count: p().totals.belowMinimum + p().totals.cannotReach })}</li>
              <li data-testid="progress-cannot">{t('progress.cannotReach', { min: p().minResponses, count: p().totals.cannotReach })}</li>
            </ul>
            <div class="row progress-filters">
              <div class="progress-search">
                <label for="progress-search">{t('progress.search')}</label>
                <input id="progress-search" type="search" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
              </div>
              <div>
                <label for="progress-show">{t('progress.show')}</label>
                <select id="progress-show" value={show()} onChange={(e) => setShow(e.currentTarget.value as 'all' | 'below' | 'cannotReach')}>
                  <option value="all">{t('progress.showAll')}</option>
                  <option value="below">{t('progress.showBelow')}</option>
                  <option value="cannotReach">{t('progress.showCannotReach')}</option>
                </select>
              </div>
              <div>
                <label for="progress-sort">{t('progress.sort')}</label>
                <select id="progress-sort" value={sort()} onChange={(e) => setSort(e.currentTarget.value as 'name' | 'rate')}>
                  <option value="name">{t('progress.sortName')}</option>
                  <option value="rate">{t('progress.sortRate')}</option>
                </select>
              </div>
            </div>
            <Show when={visibleUnits().length > 0} fallback={<p>{t('progress.nobody')}</p>}>
              <For each={visibleUnits()}>
                {({ unit, matched }) => (
                  <details
                    data-testid="unit-progress"
                    class="unit-progress"
                    style={{ 'margin-left': `${unit.depth * 1}rem` }}
                    open={isOpen(unit.id)}
                    onToggle={(e) => e.currentTarget.open !== isOpen(unit.id) && toggleUnit(unit.id, e.currentTarget.open)}
                  >
                    <summary>
                      <strong>{unit.name}</strong>{' '}
                      <span class="small">
                        {t('progress.unitSummary', { answered: unit.total.answered, total: unit.total.questionnaires, percent: percent(unit.total.answered, unit.total.questionnaires), evaluated: unit.total.evaluated })}
                      </span>
                      <Show when={unit.total.belowMinimum + unit.total.cannotReach > 0}>
                        {' '}<span class="small error-text">{t('progress.unitWarnings', { count: unit.total.belowMinimum + unit.total.cannotReach })}</span>
                      </Show>
                      <Show when={filtering()}> <span class="muted small">({matched})</span></Show>
                    </summary>
                    <Show when={isOpen(unit.id) && (byUnit().get(unit.id)?.length ?? 0) > 0}>
                      <div class="table-wrap">
                        <table>
                          <thead>
                            <tr><th scope="col">{t('campaign.person')}</th><th scope="col">{t('campaign.answered')}</th><th scope="col">{t('campaign.self')}</th><th scope="col">{t('progress.who')}</th></tr>
                          </thead>
                          <tbody>
                            <For each={byUnit().get(unit.id)}>
                              {(e) => (
                                <tr data-testid="person-progress">
                                  <td>{e.fullName}<br /><span class="muted small">{e.position}</span></td>
                                  <td>
                                    {t('progress.respondentsAnswered', { answered: e.answered, respondents: e.respondents })}
                                    <br />
                                    <span class={e.outlook === 'reached' ? 'small' : 'small error-text'}>{t(`progress.outlook.${e.outlook}`, { min: p().minResponses })}</span>
                                  </td>
                                  <td class="small">{selfText(e)}</td>
                                  <td>
                                    <button
                                      type="button"
                                      class="secondary"
                                      aria-expanded={expanded() === e.id}
                                      aria-label={t('progress.whoFor', { name: e.fullName })}
                                      onClick={() => setExpanded(expanded() === e.id ? null : e.id)}
                                    >
                                      {t('progress.who')}
                                    </button>
                                    <Show when={expanded() === e.id}><RespondentStatus campaignId={props.campaignId} evaluationId={e.id} /></Show>
                                  </td>
                                </tr>
                              )}
                            </For>
                          </tbody>
                        </table>
                      </div>
                    </Show>
                  </details>
                )}
              </For>
            </Show>
          </Show>
        )}
      </Show>
    </section>
  );
}
