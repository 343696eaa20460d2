import { For } from 'solid-js';
import type { Agreement } from '../../../../../shared/scoring/answerSpread.ts';
import type { ReportAnalysis } from '../../../../../shared/scoring/reportAnalysis.ts';
import { t } from '../../../common/i18n.ts';

const MARK: Record<Agreement, string> = { high: '●●●', moderate: '●●○', low: '●○○' };

/** How far respondents agree on each competency: a band in words, never the spread's figure. */
export function AgreementSection(props: { agreement: ReportAnalysis['agreement']; bands: ReportAnalysis['agreementBands']; name: (id: string) => string }) {
  return (
    <section class="report-section" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t('reportContent.agreementTitle')}</h2>
      <div class="table-wrap">
        <table class="report-table">
          <caption class="visually-hidden">{t('reportContent.agreementTitle')}</caption>
          <thead>
            <tr><th scope="col">{t('report.competency')}</th><th scope="col">{t('reportContent.agreement')}</th></tr>
          </thead>
          <tbody>
            <For each={props.agreement}>
              {(a) => (
                <tr data-testid="agreement-row" data-competency={a.id}>
                  <th scope="row">{props.name(a.id)}</th>
                  <td><span aria-hidden="true" class="agreement-mark">{MARK[a.agreement]}</span> {t(`reportContent.agreement.${a.agreement}`)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <p class="small muted">{t('reportContent.agreementRule', { high: String(props.bands.highMaxSd), moderate: String(props.bands.moderateMaxSd) })}</p>
    </section>
  );
}
