import { For, Show } from 'solid-js';
import type { SelfGap, SelfGaps } from '../../../../../shared/scoring/selfGaps.ts';
import { formatScore, t } from '../../../common/i18n.ts';
import { formatDelta } from './formatDelta.ts';

/** Blind spots and hidden strengths, with the threshold that defines them stated above the tables. */
export function SelfGapsSection(props: { gaps: SelfGaps; hasSelf: boolean; name: (id: string) => string }) {
  const threshold = () => String(props.gaps.threshold);
  return (
    <section class="report-section" aria-labelledby="gaps-title">
      <h2 id="gaps-title">{t('reportContent.gapsTitle')}</h2>
      <p data-testid="self-gap-rule">{t('reportContent.gapsRule', { threshold: threshold() })}</p>
      <Show when={props.hasSelf} fallback={<p class="muted">{t('reportContent.noSelf')}</p>}>
        <GapTable caption={t('reportContent.blindSpots')} gaps={props.gaps.blindSpots} empty={t('reportContent.noBlindSpots', { threshold: threshold() })} testId="blind-spot" name={props.name} />
        <GapTable caption={t('reportContent.hiddenStrengths')} gaps={props.gaps.hiddenStrengths} empty={t('reportContent.noHiddenStrengths', { threshold: threshold() })} testId="hidden-strength" name={props.name} />
      </Show>
    </section>
  );
}

function GapTable(props: { caption: string; gaps: SelfGap[]; empty: string; testId: string; name: (id: string) => string }) {
  return (
    <Show when={props.gaps.length > 0} fallback={<p><strong>{props.caption}:</strong> {props.empty}</p>}>
      <div class="table-wrap">
        <table class="report-table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.competency')}</th>
              <th scope="col" class="num">{t('report.self')}</th>
              <th scope="col" class="num">{t('reportContent.othersMean')}</th>
              <th scope="col" class="num">{t('reportContent.difference')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.gaps}>
              {(g) => (
                <tr data-testid={props.testId} data-competency={g.id}>
                  <th scope="row">{props.name(g.id)}</th>
                  <td class="num">{formatScore(g.self)}</td>
                  <td class="num">{formatScore(g.others)}</td>
                  <td class="num">{formatDelta(g.gap)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
