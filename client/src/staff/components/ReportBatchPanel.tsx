import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type { campaignProgress } from '../../../../server/services/progress.ts';
import type { ReportBatchJobs } from '../../../../server/services/reportBatchJobs.ts';
import { api, ApiFailure, errorText } from '../../common/api.ts';
import { locale, t } from '../../common/i18n.ts';
import './reportBatch.css';

type Job = ReturnType<ReportBatchJobs['progress']>;
type Progress = Awaited<ReturnType<typeof campaignProgress>>;

const POLL_MS = 700;

/**
 * Every report of a closed campaign, or of one unit with its sub-units, printed by the server in the
 * background: one PDF or a ZIP of one PDF per person, with the progress shown and the file to download.
 */
export function ReportBatchPanel(props: { campaignId: string }) {
  const [progress] = createResource(() => props.campaignId, (id) => api<Progress>('GET', `/campaigns/${id}/progress`));
  const [unitId, setUnitId] = createSignal('');
  const [job, setJob] = createSignal<Job | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const running = () => job()?.status === 'queued' || job()?.status === 'running';
  // 100% only once the file exists: after the last report is drawn the file is still being put together.
  const percent = () => {
    const j = job();
    if (!j) return 0;
    if (j.status === 'done') return 100;
    return j.total === 0 ? 0 : Math.min(99, Math.floor((j.done / j.total) * 100));
  };
  const follow = async (id: string) => {
    try {
      const next = await api<Job>('GET', `/campaigns/${props.campaignId}/report-batches/${id}`);
      setJob(next);
      if (next.status === 'queued' || next.status === 'running') timer = setTimeout(() => void follow(id), POLL_MS);
    } catch (error) {
      setFailure(error);
    }
  };
  const start = async (format: 'pdf' | 'zip') => {
    clearTimeout(timer);
    setFailure(null);
    setJob(null);
    try {
      const started = await api<Job>('POST', `/campaigns/${props.campaignId}/report-batches`, { format, unitId: unitId() || null, lang: locale() });
      setJob(started);
      timer = setTimeout(() => void follow(started.id), POLL_MS);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section class="card" aria-labelledby="report-batch-title">
      <h2 id="report-batch-title">{t('reportBatch.title')}</h2>
      <p class="small muted">{t('reportBatch.intro')}</p>
      <div class="row">
        <label for="report-batch-unit" class="report-batch-label">{t('reportBatch.unit')}</label>
        <select id="report-batch-unit" class="report-batch-unit" value={unitId()} onChange={(e) => setUnitId(e.currentTarget.value)} disabled={running()}>
          <option value="">{t('reportBatch.wholeCampaign')}</option>
          <For each={progress()?.units ?? []}>{(u) => <option value={u.id}>{`${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`}</option>}</For>
        </select>
      </div>
      <div class="toolbar">
        <button type="button" disabled={running()} onClick={() => void start('pdf')}>{t('reportBatch.pdf')}</button>
        <button type="button" class="secondary" disabled={running()} onClick={() => void start('zip')}>{t('reportBatch.zip')}</button>
      </div>
      <Show when={failure()}><p class="alert" role="alert">{errorText(failure())}</p></Show>
      <Show when={job()}>
        {(j) => (
          <div class="report-batch-status">
            <div
              class="report-batch-progress"
              role="progressbar"
              aria-label={t('reportBatch.progressLabel')}
              aria-valuemin="0"
              aria-valuemax="100"
              aria-valuenow={percent()}
              aria-valuetext={t('reportBatch.progress', { done: j().done, total: j().total })}
            >
              <div class="report-batch-bar" style={{ width: `${percent()}%` }} />
            </div>
            <p class="small" aria-live="polite">
              {j().status === 'running' && j().done === j().total ? t('reportBatch.finishing') : t('reportBatch.progress', { done: j().done, total: j().total })}
            </p>
            <Show when={j().insufficient > 0}><p class="small">{t('reportBatch.leftOut', { count: j().insufficient })}</p></Show>
            <Show when={j().forbidden > 0}><p class="small">{t('reportBatch.forbidden', { count: j().forbidden })}</p></Show>
            <Show when={j().error}>{(e) => <p class="alert" role="alert">{errorText(new ApiFailure(0, e().code, e().message, e().details))}</p>}</Show>
            <Show when={j().downloadUrl}>{(url) => <a class="button" href={url()} download={j().fileName}>{t('reportBatch.download', { name: j().fileName })}</a>}</Show>
          </div>
        )}
      </Show>
    </section>
  );
}
