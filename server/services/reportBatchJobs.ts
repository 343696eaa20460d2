import { randomUUID } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Locale } from '../../shared/methodology/types.ts';
import { batchFileName, distinctNames, reportFileName } from '../../shared/reports/pdfFileNames.ts';
import { ApiError } from '../http/apiError.ts';
import type { SessionUser } from '../http/session.ts';
import type { ReportRenderer } from '../pdf/reportRenderer.ts';
import type { planReportBatch } from './reportPdf.ts';

export type BatchFormat = 'pdf' | 'zip';
type BatchPlan = Awaited<ReturnType<typeof planReportBatch>>;

interface Job {
  id: string;
  userId: string;
  campaignId: string;
  format: BatchFormat;
  fileName: string;
  total: number;
  done: number;
  insufficient: number;
  forbidden: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  error: ReturnType<ApiError['toJSON']>['error'] | null;
  file: Uint8Array | null;
  /** When the job may be forgotten: set once it has finished. */
  expiresAt: number | null;
}

/** How long a finished batch waits to be downloaded. */
const KEEP_MS = 15 * 60_000;

/**
 * Batches of reports printed in the background, one at a time (printing is heavy; the machine is shared with
 * the answering respondents). Jobs live in memory only: each belongs to the user who started it, and a
 * finished one is forgotten after a quarter of an hour — a restart forgets them all, which costs a re-print.
 */
export class ReportBatchJobs {
  private readonly jobs = new Map<string, Job>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly renderer: ReportRenderer,
    private readonly clock: () => number = Date.now,
  ) {}

  start(viewer: SessionUser, plan: BatchPlan, format: BatchFormat, locale: Locale) {
    this.forgetExpired();
    const { campaign, unitName, selection } = plan;
    const job: Job = {
      id: randomUUID(),
      userId: viewer.id,
      campaignId: campaign.id,
      format,
      fileName: batchFileName(campaign.name, campaign.year, unitName, format),
      total: selection.included.length,
      done: 0,
      insufficient: selection.insufficient,
      forbidden: selection.forbidden,
      status: 'queued',
      error: null,
      file: null,
      expiresAt: null,
    };
    this.jobs.set(job.id, job);
    const ids = selection.included.map((c) => c.evaluationId);
    const names = distinctNames(selection.included.map((c) => reportFileName(c.fullName, campaign.year)));
    this.queue = this.queue.then(async () => {
      job.status = 'running';
      try {
        job.file = format === 'pdf' ? await this.renderer.combined(viewer.id, ids, locale, (drawn) => (job.done = drawn)) : await this.zip(viewer.id, ids, names, locale, job);
        job.done = job.total;
        job.status = 'done';
      } catch (error) {
        job.status = 'failed';
        job.error = (error instanceof ApiError ? error : new ApiError(503, 'pdf.renderFailed', { reason: String(error) })).toJSON().error;
      } finally {
        job.expiresAt = this.clock() + KEEP_MS;
      }
    });
    return this.view(job);
  }

  /** A job's progress, for the user who started it in that campaign; nobody else learns it exists. */
  progress(userId: string, campaignId: string, jobId: string) {
    return this.view(this.find(userId, campaignId, jobId));
  }

  file(userId: string, campaignId: string, jobId: string) {
    const job = this.find(userId, campaignId, jobId);
    if (job.status !== 'done' || !job.file) throw new ApiError(409, 'reportBatch.notReady');
    return { bytes: job.file, fileName: job.fileName, format: job.format, count: job.total };
  }

  /** Waits for every queued batch (for tests and shutdown). */
  settled(): Promise<void> {
    return this.queue;
  }

  private async zip(userId: string, ids: string[], names: string[], locale: Locale, job: Job): Promise<Uint8Array> {
    const entries: Record<string, Uint8Array> = {};
    await this.renderer.each(userId, ids, locale, (index, pdf) => {
      entries[names[index]!] = pdf;
      job.done = index + 1;
    });
    // PDFs are compressed already: stored as they are.
    return zipSync(entries, { level: 0 });
  }

  private find(userId: string, campaignId: string, jobId: string): Job {
    this.forgetExpired();
    const job = this.jobs.get(jobId);
    if (!job || job.userId !== userId || job.campaignId !== campaignId) throw new ApiError(404, 'reportBatch.notFound');
    return job;
  }

  private forgetExpired(): void {
    const now = this.clock();
    for (const [id, job] of this.jobs) if (job.expiresAt !== null && job.expiresAt <= now) this.jobs.delete(id);
  }

  private view(job: Job) {
    return {
      id: job.id,
      status: job.status,
      format: job.format,
      fileName: job.fileName,
      done: job.done,
      total: job.total,
      insufficient: job.insufficient,
      forbidden: job.forbidden,
      downloadUrl: job.status === 'done' ? `/api/campaigns/${job.campaignId}/report-batches/${job.id}/file` : null,
      error: job.error,
    };
  }
}
