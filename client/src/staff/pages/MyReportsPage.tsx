import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import type { ReadableReport } from '../../../../db/repositories/reportAccess.ts';
import { api, errorText } from '../../common/api.ts';
import { t } from '../../common/i18n.ts';

/** The reports a staff member's account reaches (§21): their own, those they evaluate, their calibration sessions'. */
export function MyReportsPage() {
  const [reports] = createResource(async () => (await api<{ reports: ReadableReport[] }>('GET', '/my/reports')).reports);
  return (
    <>
      <h1>{t('myReports.title')}</h1>
      <p class="muted">{t('myReports.intro')}</p>
      <Show when={reports.error}><p class="alert" role="alert">{errorText(reports.error)}</p></Show>
      <Show when={reports()} fallback={<Show when={reports.loading}><p role="status">{t('common.loading')}</p></Show>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{t('myReports.empty')}</p>}>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr><th scope="col">{t('myReports.campaign')}</th><th scope="col">{t('myReports.person')}</th><th scope="col">{t('myReports.why')}</th><th scope="col">{t('common.actions')}</th></tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(r) => (
                      <tr data-testid="my-report">
                        <td>{t('report.campaign', { name: r.campaignName, year: r.year })}</td>
                        <td>{r.fullName}<br /><span class="muted small">{r.position}, {r.unitName}</span></td>
                        <td class="small">{t(`access.${r.access}`)}</td>
                        <td><A class="button" href={`/reports/${r.evaluationId}`} aria-label={`${t('myReports.open')}: ${r.fullName}`}>{t('myReports.open')}</A></td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
    </>
  );
}
