import { For, Show } from 'solid-js';
import type { GroupResult } from '../../../../../shared/scoring/groupBreakdown.ts';
import type { Report360 } from '../../../../../shared/scoring/report360.ts';
import { formatScore, t } from '../../../common/i18n.ts';

/** The scores of each respondent group that may be shown apart, beside all respondents'. */
export function GroupsSection(props: {
  report: Extract<Report360, { status: 'ready' }>;
  groups: GroupResult[];
  minAnswers: number;
  name: (id: string) => string;
}) {
  const groupScore = (g: GroupResult, id: string) => g.competencies.find((c) => c.id === id)!.score;
  return (
    <section class="report-section" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('reportContent.groupsTitle')}</h2>
      <p class="small muted">{t('reportContent.groupsRule', { min: props.minAnswers })}</p>
      <Show when={props.groups.length > 0} fallback={<p data-testid="no-groups">{t('reportContent.noGroups')}</p>}>
        <div class="table-wrap">
          <table class="report-table" data-testid="group-table">
            <caption class="visually-hidden">{t('reportContent.groupsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.competency')}</th>
                <th scope="col" class="num">{t('reportContent.allRespondents', { count: props.report.responseCount })}</th>
                <For each={props.groups}>{(g) => <th scope="col" class="num" data-testid="group-column">{t(`reportContent.group.${g.group}`, { count: g.responseCount })}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.report.competencies}>
                {(c) => (
                  <tr>
                    <th scope="row">{props.name(c.id)}</th>
                    <td class="num">{formatScore(c.score)}</td>
                    <For each={props.groups}>{(g) => <td class="num">{formatScore(groupScore(g, c.id))}</td>}</For>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('report.overall')}</th>
                <td class="num"><strong>{formatScore(props.report.overall)}</strong></td>
                <For each={props.groups}>{(g) => <td class="num"><strong>{formatScore(g.overall)}</strong></td>}</For>
              </tr>
            </tfoot>
          </table>
        </div>
      </Show>
    </section>
  );
}
