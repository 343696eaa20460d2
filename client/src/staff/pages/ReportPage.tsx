import { A, useParams, type RouteSectionProps } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { findMethodology } from '../../../../shared/methodology/registry.ts';
import type { Report360 } from '../../../../shared/scoring/report360.ts';
import { api, errorText } from '../../common/api.ts';
import { formatScore, l, t } from '../../common/i18n.ts';
import { RadarChart } from '../components/RadarChart.tsx';
import { ReportPdfButton } from '../components/ReportPdfButton.tsx';
import './report.css';

interface ReportPayload {
  evaluation: { id: string; fullName: string; position: string; unitName: string; category: string };
  campaign: { id: string; name: string; year: number };
  methodologyId: string;
  report: Report360;
}

/**
 * Annex 7 (heads) / Annex 8 (employees): the competency table, the radar chart and the result line. Given
 * `eid`, one report among several on the print page. Marked `data-report-ready` once its chart is drawn:
 * the server prints it as PDF then.
 */
export default function ReportPage(props: Partial<RouteSectionProps> & { eid?: string }) {
  const params = useParams<{ eid: string }>();
  const [data] = createResource(() => props.eid ?? params.eid, (eid) => api<ReportPayload>('GET', `/evaluations/${eid}/report`));
  const [drawn, setDrawn] = createSignal(false);

  return (
    <Show when={data()} fallback={<Show when={data.error} fallback={<p role="status">{t('common.loading')}</p>}><p class="alert" role="alert">{errorText(data.error)}</p></Show>}>
      {(d) => {
        const form = () => findMethodology(d().methodologyId)!.forms[d().report.formKey];
        const name = (id: string) => l(form().competencies.find((c) => c.id === id)!.name);
        return (
          <article class="report" data-report-ready={drawn() ? 'true' : undefined}>
            <p class="no-print"><A href={`/campaigns/${d().campaign.id}`}>← {d().campaign.name}</A></p>
            <p class="annex muted small">{t('report.campaign', { name: d().campaign.name, year: d().campaign.year })}</p>
            <h1>{l(form().reportTitle)}</h1>
            <p><strong>{t('report.person')}:</strong> {d().evaluation.fullName}, {d().evaluation.position}, {d().evaluation.unitName}</p>
            <Switch>
              <Match when={d().report.status === 'insufficient' && d().report}>
                {(r) => <p class="warning" role="status">{t('report.insufficient', { count: r().responseCount, required: (r() as { required: number }).required })}</p>}
              </Match>
              <Match when={d().report.status === 'ready' && (d().report as Extract<Report360, { status: 'ready' }>)}>
                {(r) => (
                  <>
                    <div class="report-body">
                      <table class="report-table">
                        <thead>
                          <tr><th scope="col">{t('report.number')}</th><th scope="col">{t('report.competency')}</th><th scope="col" class="num">{t('report.score')}</th><th scope="col" class="num">{t('report.self')}</th></tr>
                        </thead>
                        <tbody>
                          <For each={r().competencies}>
                            {(c, i) => (
                              <tr classList={{ weakest: c.weakest }} data-testid="competency-row" data-competency={c.id}>
                                <td>{i() + 1}</td>
                                <td>{name(c.id)}<Show when={c.weakest}> <span class="weak-mark">▼ {t('report.weakest')}</span></Show></td>
                                <td class="num" data-testid="score">{formatScore(c.score)}</td>
                                <td class="num muted" data-testid="self">{c.self === null ? t('common.none') : formatScore(c.self)}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                        <tfoot>
                          <tr>
                            <th scope="row" colspan="2">{t('report.overall')}</th>
                            <td class="num" data-testid="overall"><strong>{formatScore(r().overall)}</strong></td>
                            <td class="num muted">{r().selfOverall === null ? t('common.none') : formatScore(r().selfOverall!)}</td>
                          </tr>
                        </tfoot>
                      </table>
                      <RadarChart
                        title={t('report.chart')}
                        labels={r().competencies.map((c) => name(c.id))}
                        series={[
                          { label: t('report.chartOthers'), values: r().competencies.map((c) => c.score) },
                          ...(r().selfOverall === null ? [] : [{ label: t('report.chartSelf'), values: r().competencies.map((c) => c.self), dashed: true }]),
                        ]}
                        onDrawn={() => setDrawn(true)}
                      />
                    </div>
                    <p class="small">{t('report.responses', { count: r().responseCount })}</p>
                    <p class="small">▼ {t('report.weakestLegend')}</p>
                    <p class="small muted">{l(findMethodology(d().methodologyId)!.reportNote)}</p>
                    <div class="toolbar no-print">
                      <button type="button" class="secondary" onClick={() => window.print()}>{t('report.print')}</button>
                      <ReportPdfButton evaluationId={d().evaluation.id} />
                    </div>
                  </>
                )}
              </Match>
            </Switch>
          </article>
        );
      }}
    </Show>
  );
}
