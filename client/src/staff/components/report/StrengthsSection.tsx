import { For } from 'solid-js';
import { t } from '../../../common/i18n.ts';

/** The strongest and the least developed competencies, as two plain lists. */
export function StrengthsSection(props: { strongest: string[]; weakest: string[]; name: (id: string) => string }) {
  return (
    <section class="report-section page-break" aria-labelledby="strengths-title" data-testid="strengths">
      <h2 id="strengths-title">{t('reportContent.summaryTitle')}</h2>
      <div class="report-columns">
        <div>
          <h3>▲ {t('reportContent.strongestList')}</h3>
          <ul data-testid="strongest-list"><For each={props.strongest}>{(id) => <li>{props.name(id)}</li>}</For></ul>
        </div>
        <div>
          <h3>▼ {t('reportContent.weakestList')}</h3>
          <ul data-testid="weakest-list"><For each={props.weakest}>{(id) => <li>{props.name(id)}</li>}</For></ul>
        </div>
      </div>
    </section>
  );
}
