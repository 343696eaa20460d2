import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { TrainingRelease } from '../../../../db/repositories/training.ts';
import { findMethodology } from '../../../../shared/methodology/registry.ts';
import type { Methodology } from '../../../../shared/methodology/types.ts';
import { campaignCompetencies } from '../../../../shared/training/campaignCompetencies.ts';
import { criterionKey, parseCriterion, thresholdInScale } from '../../../../shared/training/criterion.ts';
import type { RestrictedRankedCompetency } from '../../../../shared/training/restrictedRanking.ts';
import type { HeatmapRow } from '../../../../shared/training/trainingNeeds.ts';
import { api, errorText } from '../../common/api.ts';
import { formatDate, formatScore, l, locale, t } from '../../common/i18n.ts';
import { CourseGroupMembers, type Member } from '../components/CourseGroupMembers.tsx';
import { createConfirm } from '../components/createConfirm.tsx';
import { describedBy, Field } from '../components/Field.tsx';
import { TrainingHeatmap } from '../components/TrainingHeatmap.tsx';
import './training.css';

interface Overview {
  campaign: { id: string; name: string; year: number; status: string; methodologyId: string };
  view: 'all' | 'released' | 'aggregate';
  criterion: string;
  /** The thresholds offered to a viewer who does not read every report; null: any within the scale. */
  thresholds: number[] | null;
  competencyIds: string[];
  heatmap: HeatmapRow[];
  /** A count is null where it is hidden from the viewer. */
  ranking: RestrictedRankedCompetency[];
  releases: TrainingRelease[];
}

interface Group {
  competencyId: string;
  criterion: string;
  release: TrainingRelease | null;
  /** Everyone in the group; `members` is its first page. */
  count: number;
  members: Member[];
}

/** A criterion in words, e.g. «It is among their 2 weakest». */
function criterionText(methodology: Methodology, key: string): string {
  const criterion = parseCriterion(key)!;
  return criterion.kind === 'weakest'
    ? t('training.criterion.weakest', { count: methodology.rules.weakestCount })
    : t('training.criterion.below', { threshold: formatScore(criterion.threshold) });
}

/**
 * Training needs of one campaign (§37): the units × competencies heatmap and the ranking for everyone who may
 * see them; the course groups with names for HR (who releases them) and, once released, for trainers.
 */
export default function TrainingPage() {
  const params = useParams<{ id: string }>();
  const [criterion, setCriterion] = createSignal('weakest');
  const [mode, setMode] = createSignal<'weakest' | 'below'>('weakest');
  const [threshold, setThreshold] = createSignal('3.5');
  const [thresholdError, setThresholdError] = createSignal('');
  const [failure, setFailure] = createSignal<unknown>(null);
  const confirm = createConfirm();

  const query = () => `criterion=${encodeURIComponent(criterion())}`;
  const [overview, { refetch }] = createResource(() => `${params.id}?${query()}`, (path) => api<Overview>('GET', `/training/${path}`));
  const [groups, { refetch: refetchGroups }] = createResource(
    () => (overview() && overview()!.view !== 'aggregate' ? `${params.id}/groups?${query()}` : null),
    (path) => api<{ groups: Group[] }>('GET', `/training/${path}`),
  );

  const methodology = () => findMethodology(overview()!.campaign.methodologyId)!;
  const competencyName = (id: string) => l(campaignCompetencies(methodology()).find((c) => c.id === id)!.name);
  const scale = () => {
    const values = methodology().scale.map((s) => s.value);
    return { min: Math.min(...values), max: Math.max(...values) };
  };

  const apply = (event: Event) => {
    event.preventDefault();
    setThresholdError('');
    if (mode() === 'weakest') return setCriterion('weakest');
    const parsed = parseCriterion(`below:${threshold().trim().replace(',', '.')}`);
    if (!parsed || parsed.kind !== 'below' || !thresholdInScale(parsed.threshold, methodology().scale.map((s) => s.value))) {
      return setThresholdError(t('errors.training.thresholdOutOfScale', { min: scale().min, max: scale().max }));
    }
    const offered = overview()!.thresholds;
    if (offered && !offered.includes(parsed.threshold)) return setThresholdError(t('errors.training.thresholdNotOffered'));
    setCriterion(criterionKey(parsed));
  };

  const act = async (run: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await run();
      await refetch();
      await refetchGroups();
    } catch (error) {
      setFailure(error);
    }
  };

  const release = async (group: Group) => {
    const words = { competency: competencyName(group.competencyId), criterion: criterionText(methodology(), group.criterion), count: group.count };
    if (!(await confirm.ask({ title: t('training.releaseTitle'), body: t('training.releaseBody', words), confirmLabel: t('training.release') }))) return;
    await act(() => api('POST', `/training/${params.id}/releases`, { competencyId: group.competencyId, criterion: group.criterion }));
  };

  const withdraw = async (r: TrainingRelease) => {
    const words = { competency: competencyName(r.competencyId), criterion: criterionText(methodology(), r.criterion) };
    if (!(await confirm.ask({ title: t('training.withdrawTitle'), body: t('training.withdrawBody', words), confirmLabel: t('training.withdraw') }))) return;
    await act(() => api('DELETE', `/training/${params.id}/releases/${r.id}`));
  };

  const releasedNote = (r: TrainingRelease) => t('training.releasedNote', { name: r.releasedByName, date: formatDate(r.releasedAt.slice(0, 10)) });

  return (
    <Show when={overview()} fallback={<Show when={overview.error} fallback={<p role="status">{t('common.loading')}</p>}><p class="alert" role="alert">{errorText(overview.error)}</p></Show>}>
      {(o) => (
        <>
          <p><A href="/training">← {t('training.back')}</A></p>
          <h1>{t('training.title')}: {t('training.campaign', { name: o().campaign.name, year: o().campaign.year })}</h1>
          <p class="muted">{t('training.heatmapIntro')}</p>
          <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>

          <TrainingHeatmap rows={o().heatmap} competencies={o().competencyIds.map((id) => ({ id, name: competencyName(id) }))} scale={scale()} />

          <h2 id="ranking-title">{t('training.ranking')}</h2>
          <form class="card criterion" onSubmit={apply} novalidate>
            <fieldset>
              <legend>{t('training.criterion')}</legend>
              <label class="choice">
                <input type="radio" name="criterion" value="weakest" checked={mode() === 'weakest'} onChange={() => setMode('weakest')} />
                {t('training.criterion.weakest', { count: methodology().rules.weakestCount })}
              </label>
              <label class="choice">
                <input type="radio" name="criterion" value="below" checked={mode() === 'below'} onChange={() => setMode('below')} />
                {t('training.criterion.belowChoice')}
              </label>
              <Show when={mode() === 'below'}>
                <Show
                  when={o().thresholds}
                  fallback={
                    <Field id="training-threshold" label={t('training.threshold')} error={thresholdError()}>
                      <input {...describedBy('training-threshold', thresholdError())} type="number" inputmode="decimal" step="0.1" min={scale().min} max={scale().max} value={threshold()} onInput={(e) => setThreshold(e.currentTarget.value)} />
                    </Field>
                  }
                >
                  {(offered) => (
                    <Field id="training-threshold" label={t('training.threshold')} hint={t('training.thresholdsOffered')} error={thresholdError()}>
                      <select {...describedBy('training-threshold', thresholdError(), true)} onChange={(e) => setThreshold(e.currentTarget.value)}>
                        <For each={offered()}>{(value) => <option value={String(value)} selected={String(value) === threshold()}>{formatScore(value)}</option>}</For>
                      </select>
                    </Field>
                  )}
                </Show>
              </Show>
            </fieldset>
            <button type="submit">{t('training.apply')}</button>
          </form>
          <div class="table-wrap">
            <table aria-labelledby="ranking-title" data-testid="ranking">
              <thead>
                <tr>
                  <th scope="col">{t('training.rank')}</th>
                  <th scope="col">{t('training.competency')}</th>
                  <th scope="col" class="num">{t('training.persons')}</th>
                  <th scope="col" class="num">{t('training.scored')}</th>
                  <th scope="col" class="num">{t('training.mean')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={o().ranking}>
                  {(r, i) => (
                    <tr data-competency={r.competencyId}>
                      <td>{i() + 1}</td>
                      <th scope="row">{competencyName(r.competencyId)}</th>
                      <td class="num" data-testid="persons">{r.persons ?? t('training.hidden')}</td>
                      <td class="num">{r.scored}</td>
                      <td class="num">{r.mean === null ? t('common.none') : formatScore(r.mean)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <p class="small muted">{criterionText(methodology(), o().criterion)}</p>
          <Show when={o().ranking.some((r) => r.persons === null)}><p class="small muted">{t('training.personsHiddenLegend')}</p></Show>
          <p class="small muted">{t('training.meanLegend')}</p>

          <h2>{t('training.groups')}</h2>
          <Switch>
            <Match when={o().view === 'aggregate'}><p class="notice">{t('training.groupsAggregate')}</p></Match>
            <Match when={o().view === 'all'}><p class="muted">{t('training.groupsIntroAll')}</p></Match>
            <Match when={o().view === 'released'}><p class="muted">{t('training.groupsIntroReleased')}</p></Match>
          </Switch>
          <Show when={groups.error}><p class="alert" role="alert">{errorText(groups.error)}</p></Show>
          <Show when={o().view !== 'aggregate' && groups()}>
            {(g) => (
              <Show when={g().groups.length > 0} fallback={<p>{t(o().view === 'released' ? 'training.noReleased' : 'training.noReleases')}</p>}>
                <For each={g().groups}>
                  {(group) => (
                    <section class="card course-group" data-testid="course-group" data-competency={group.competencyId} aria-labelledby={`group-${group.competencyId}-${group.criterion}`}>
                      <h3 id={`group-${group.competencyId}-${group.criterion}`}>
                        {competencyName(group.competencyId)} <span class="muted small">— {t('training.groupCount', { count: group.count })}</span>
                      </h3>
                      <p class="small muted">{criterionText(methodology(), group.criterion)}<Show when={group.release}>{(r) => <> · {releasedNote(r())}</>}</Show></p>
                      <Show when={o().view === 'all'}>
                        <Show when={group.release} fallback={<button type="button" onClick={() => void release(group)}>{t('training.release')}</button>}>
                          {(r) => <button type="button" class="danger" onClick={() => void withdraw(r())}>{t('training.withdraw')}</button>}
                        </Show>
                      </Show>
                      <CourseGroupMembers campaignId={params.id} competencyId={group.competencyId} criterion={group.criterion} count={group.count} firstPage={group.members} />
                    </section>
                  )}
                </For>
              </Show>
            )}
          </Show>

          <Show when={o().view === 'all'}>
            <h2 id="releases-title">{t('training.releases')}</h2>
            <Show when={o().releases.length > 0} fallback={<p>{t('training.noReleases')}</p>}>
              <div class="table-wrap">
                <table aria-labelledby="releases-title" data-testid="releases">
                  <thead>
                    <tr><th scope="col">{t('training.competency')}</th><th scope="col">{t('training.criterion')}</th><th scope="col">{t('training.releasedBy')}</th><th scope="col">{t('training.releasedAt')}</th><th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th></tr>
                  </thead>
                  <tbody>
                    <For each={o().releases}>
                      {(r) => (
                        <tr>
                          <td>{competencyName(r.competencyId)}</td>
                          <td>{criterionText(methodology(), r.criterion)}</td>
                          <td>{r.releasedByName}</td>
                          <td>{formatDate(r.releasedAt.slice(0, 10))}</td>
                          <td><button type="button" class="danger" onClick={() => void withdraw(r)}>{t('training.withdraw')}</button></td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </Show>

          <p>
            <a class="button secondary" href={`/api/training/${params.id}/export?${query()}&lang=${locale()}`} download="">{t('training.export')}</a>
          </p>
          <confirm.Dialog />
        </>
      )}
    </Show>
  );
}
