import { useParams, type RouteSectionProps } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ReportAccess } from '../../../../shared/access/reportAccess.ts';
import { findMethodology } from '../../../../shared/methodology/registry.ts';
import type { Report360 } from '../../../../shared/scoring/report360.ts';
import type { ReportAnalysis } from '../../../../shared/scoring/reportAnalysis.ts';
import { api, errorText } from '../../common/api.ts';
import { formatScore, l, t } from '../../common/i18n.ts';
import { RadarChart } from '../components/RadarChart.tsx';
import { AgreementSection } from '../components/report/AgreementSection.tsx';
import { ChangeSection, type ChangePayload } from '../components/report/ChangeSection.tsx';
import { GroupsSection } from '../components/report/GroupsSection.tsx';
import { SelfGapsSection } from '../components/report/SelfGapsSection.tsx';
import { StatementMeansSection } from '../components/report/StatementMeansSection.tsx';
import { StrengthsSection } from '../components/report/StrengthsSection.tsx';
import { ReportPdfButton } from '../components/ReportPdfButton.tsx';
import { ReportViewerBar } from '../components/ReportViewerBar.tsx';
import './report.css';

interface ReportPayload {
  evaluation: { id: string; fullName: string; position: string; unitName: string; category: string };
  campaign: { id: string; name: string; year: number };
  methodologyId: string;
  report: Report360;
  analysis: ReportAnalysis | null;
  change: ChangePayload | null;
  access: ReportAccess;
}

/**
 * Annex 7 (heads) / Annex 8 (employees): the competency table, the radar chart and the result line, then what
 * the person can act on. Given `eid`, one report among several on the print page. The article says
 * `data-report-ready="true"` once everything, the chart included, is drawn: the server prints it as PDF then.
 */
export default function ReportPage(props: Partial<RouteSectionProps> & { eid?: string }) {
  const params = useParams<{ eid: string }>();
  const [data] = createResource(() => props.eid ?? params.eid, (eid) => api<ReportPayload>('GET', `/evaluations/${eid}/report`));
  const [chartDrawn, setChartDrawn] = createSignal(false);

  return (
    <Show when={!data.error && data()} fallback={<Show when={data.error} fallback={<p role="status">{t('common.loading')}</p>}><p class="alert" role="alert">{errorText(data.error)}</p></Show>}>
      {(d) => {
        const form = () => findMethodology(d().methodologyId)!.forms[d().report.formKey];
        const name = (id: string) => l(form().competencies.find((c) => c.id === id)!.name);
        const strongest = () => new Set(d().analysis?.strongest ?? []);
        const ready = () => d().report.status !== 'ready' || chartDrawn();
        return (
          <article class="report" data-report-ready={ready() ? 'true' : 'false'}>
            <ReportViewerBar access={d().access} campaign={d().campaign} />
            <p class="annex muted small">{t('report.campaign', { name: d().campaign.name, year: d().campaign.year })}</p>
            <h1>{l(form().reportTitle)}</h1>
            <p><strong>{t('report.person')}:</strong> {d().evaluation.fullName}, {d().evaluation.position}, {d().evaluation.unitName}</p>
            <Switch>
              <Match when={d().report.status === 'insufficient' && d().report}>
                {(r) => {
                  const { required, heldByReader } = r() as { required: number; heldByReader?: number };
                  return (
                    <p class="warning" role="status">
                      {heldByReader ? t('report.insufficientHeld', { count: r().responseCount, held: heldByReader, required }) : t('report.insufficient', { count: r().responseCount, required })}
                    </p>
                  );
                }}
              </Match>
              <Match when={d().report.status === 'ready' && (d().report as Extract<Report360, { status: 'ready' }>)}>
                {(r) => (
                  <>
                    <div class="report-body">
                      <div class="table-wrap">
                        <table class="report-table">
                          <thead>
                            <tr><th scope="col">{t('report.number')}</th><th scope="col">{t('report.competency')}</th><th scope="col" class="num">{t('report.score')}</th><th scope="col" class="num">{t('report.self')}</th></tr>
                          </thead>
                          <tbody>
                            <For each={r().competencies}>
                              {(c, i) => (
                                <tr classList={{ weakest: c.weakest, strongest: strongest().has(c.id) }} data-testid="competency-row" data-competency={c.id}>
                                  <td>{i() + 1}</td>
                                  <td>
                                    {name(c.id)}
                                    <Show when={c.weakest}> <span class="weak-mark">▼ {t('report.weakest')}</span></Show>
                                    <Show when={strongest().has(c.id)}> <span class="strong-mark">▲ {t('reportContent.strongest')}</span></Show>
                                  </td>
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
                      </div>
                      <RadarChart
                        title={t('report.chart')}
                        labels={r().competencies.map((c) => name(c.id))}
                        series={[
                          { label: t('report.chartOthers'), values: r().competencies.map((c) => c.score) },
                          ...(r().selfOverall === null ? [] : [{ label: t('report.chartSelf'), values: r().competencies.map((c) => c.self), dashed: true }]),
                        ]}
                        onRendered={() => setChartDrawn(true)}
                      />
                    </div>
                    <p class="small">{t('report.responses', { count: r().responseCount })}</p>
                    <p class="small">▼ {t('report.weakestLegend')}</p>
                    <p class="small">▲ {t('reportContent.strongestLegend')}</p>
                    <p class="small muted">{l(findMethodology(d().methodologyId)!.reportNote)}</p>
                    <div class="toolbar no-print">
                      <button type="button" class="secondary" onClick={() => window.print()}>{t('report.print')}</button>
                      <ReportPdfButton evaluationId={d().evaluation.id} />
                    </div>
                    <Show when={d().analysis}>
                      {(a) => (
                        <>
                          <StrengthsSection strongest={a().strongest} weakest={r().competencies.filter((c) => c.weakest).map((c) => c.id)} name={name} />
                          <SelfGapsSection gaps={a().selfGaps} hasSelf={r().selfOverall !== null} name={name} />
                          <AgreementSection agreement={a().agreement} bands={a().agreementBands} name={name} />
                          <GroupsSection report={r()} groups={a().groups} minAnswers={a().minGroupAnswers} name={name} />
                          <ChangeSection report={r()} change={d().change} year={d().campaign.year} required={findMethodology(d().methodologyId)!.rules.minResponsesForReport} name={name} />
                          <StatementMeansSection form={form()} statements={a().statements} />
                        </>
                      )}
                    </Show>
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
