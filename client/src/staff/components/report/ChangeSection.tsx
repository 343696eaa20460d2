import { For, Show } from 'solid-js';
import type { ChangeSince } from '../../../../../shared/scoring/changeSince.ts';
import type { Report360 } from '../../../../../shared/scoring/report360.ts';
import { formatScore, t } from '../../../common/i18n.ts';
import { deltaArrow, formatDelta } from './formatDelta.ts';

export type ChangePayload = ChangeSince & { campaign: { id: string; name: string; year: number } };

/** Then, now and the signed change per competency and overall, against the person's previous report. */
export function ChangeSection(props: {
  report: Extract<Report360, { status: 'ready' }>;
  change: ChangePayload | null;
  year: number;
  required: number;
  name: (id: string) => string;
}) {
  const now = (id: string) => props.report.competencies.find((c) => c.id === id)!.score;
  return (
    <section class="report-section" aria-labelledby="change-title">
      <h2 id="change-title">{t('reportContent.changeTitle')}</h2>
      <Show when={props.change} fallback={<p class="muted" data-testid="no-change">{t('reportContent.noChange', { required: props.required })}</p>}>
        {(change) => (
          <>
            <p>{t('reportContent.changeAgainst', { name: change().campaign.name, year: change().campaign.year })}</p>
            <div class="table-wrap">
              <table class="report-table" data-testid="change-table">
                <caption class="visually-hidden">{t('reportContent.changeTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('report.competency')}</th>
                    <th scope="col" class="num">{t('reportContent.previousScore', { year: change().campaign.year })}</th>
                    <th scope="col" class="num">{t('reportContent.currentScore', { year: props.year })}</th>
                    <th scope="col" class="num">{t('reportContent.change')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={change().competencies}>
                    {(c) => (
                      <tr data-testid="change-row" data-competency={c.id}>
                        <th scope="row">{props.name(c.id)}</th>
                        <td class="num">{formatScore(c.previous)}</td>
                        <td class="num">{formatScore(now(c.id))}</td>
                        <td class="num delta" data-testid="delta">{formatDelta(c.delta)} <span aria-hidden="true">{deltaArrow(c.delta)}</span></td>
                      </tr>
                    )}
                  </For>
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('report.overall')}</th>
                    <td class="num">{formatScore(change().overall.previous)}</td>
                    <td class="num"><strong>{formatScore(props.report.overall)}</strong></td>
                    <td class="num delta" data-testid="overall-delta"><strong>{formatDelta(change().overall.delta)}</strong> <span aria-hidden="true">{deltaArrow(change().overall.delta)}</span></td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
