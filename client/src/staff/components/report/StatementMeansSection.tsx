import { For } from 'solid-js';
import type { Form360 } from '../../../../../shared/methodology/types.ts';
import type { StatementMean } from '../../../../../shared/scoring/statementMeans.ts';
import { formatScore, l, t } from '../../../common/i18n.ts';

/** Every statement's mean over respondents, grouped under its competency, the self-assessment beside. */
export function StatementMeansSection(props: { form: Form360; statements: StatementMean[] }) {
  const mean = (id: string) => props.statements.find((s) => s.id === id);
  return (
    <section class="report-section statements page-break" aria-labelledby="statements-title">
      <h2 id="statements-title">{t('reportContent.statementsTitle')}</h2>
      <p class="small muted">{t('reportContent.statementsNote')}</p>
      <div class="table-wrap">
        <table class="report-table statements-table">
          <caption class="visually-hidden">{t('reportContent.statementsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reportContent.statement')}</th>
              <th scope="col" class="num">{t('reportContent.mean')}</th>
              <th scope="col" class="num">{t('report.self')}</th>
            </tr>
          </thead>
          <For each={props.form.competencies}>
            {(c) => (
              <tbody>
                <tr class="competency-heading"><th scope="rowgroup" colspan="3">{l(c.name)}</th></tr>
                <For each={c.statements}>
                  {(s) => (
                    <tr data-testid="statement-row" data-statement={s.id}>
                      <th scope="row" class="statement-text">{l(s.text)}</th>
                      <td class="num" data-testid="statement-mean">{formatScore(mean(s.id)!.mean)}</td>
                      <td class="num muted">{mean(s.id)!.self === null ? t('common.none') : formatScore(mean(s.id)!.self!)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            )}
          </For>
        </table>
      </div>
    </section>
  );
}
