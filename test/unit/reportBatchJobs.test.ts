import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../server/http/apiError.ts';
import type { ReportRenderer } from '../../server/pdf/reportRenderer.ts';
import { ReportBatchJobs } from '../../server/services/reportBatchJobs.ts';
import type { BatchCandidate } from '../../shared/reports/batchSelection.ts';

const viewer = { id: 'u1', login: 'head', fullName: 'Head', role: 'hr_head', personId: null, personLinkedBy: null, canReadReports: false };
const candidate = (n: number, fullName: string) => ({ evaluationId: `e${n}`, fullName, personId: `p${n}`, evaluatorId: null, evaluatorSetBy: null, unitId: null, answered: 3, held: 0, inViewersCalibration: false }) satisfies BatchCandidate;
const plan = (included: BatchCandidate[]) =>
  ({
    campaign: { id: 'c1', name: '360 2025', year: 2025 },
    unitName: null,
    selection: { included, insufficient: 1, forbidden: 0 },
  }) as unknown as Parameters<ReportBatchJobs['start']>[1];

/** Prints each report as its id's bytes, reporting progress as it goes. */
const fakeRenderer = {
  combined: async (_user: string, ids: readonly string[], _locale: string, onProgress: (n: number) => void) => {
    ids.forEach((_, i) => onProgress(i + 1));
    return new TextEncoder().encode(ids.join('+'));
  },
  each: async (_user: string, ids: readonly string[], _locale: string, onEach: (i: number, pdf: Uint8Array) => void) => {
    ids.forEach((id, i) => onEach(i, new TextEncoder().encode(id)));
  },
} as unknown as ReportRenderer;

describe('background batches of reports', () => {
  it('run in order, hand the file to the one who started them, and forget it a quarter of an hour after', async () => {
    let now = 0;
    const jobs = new ReportBatchJobs(fakeRenderer, () => now);
    const started = jobs.start(viewer, plan([candidate(1, 'Айгүл'), candidate(2, 'Бақыт')]), 'pdf', 'kk');
    expect(started).toMatchObject({ status: 'queued', total: 2, insufficient: 1, downloadUrl: null, fileName: '360 2025.pdf' });
    await jobs.settled();
    expect(jobs.progress('u1', 'c1', started.id)).toMatchObject({ status: 'done', done: 2, downloadUrl: `/api/campaigns/c1/report-batches/${started.id}/file` });
    expect(new TextDecoder().decode(jobs.file('u1', 'c1', started.id).bytes)).toBe('e1+e2');
    expect(() => jobs.progress('someone else', 'c1', started.id)).toThrow(ApiError);
    expect(() => jobs.progress('u1', 'another campaign', started.id)).toThrow(ApiError);
    now += 15 * 60_000 - 1;
    expect(jobs.progress('u1', 'c1', started.id).status).toBe('done');
    now += 1;
    expect(() => jobs.progress('u1', 'c1', started.id)).toThrow(expect.objectContaining({ status: 404, code: 'reportBatch.notFound' }));
  });

  it('zip one file per person, named after them, two of one name kept apart', async () => {
    const jobs = new ReportBatchJobs(fakeRenderer);
    const started = jobs.start(viewer, plan([candidate(1, 'Айгүл'), candidate(2, 'Айгүл'), candidate(3, 'Бақыт')]), 'zip', 'ru');
    await jobs.settled();
    const entries = unzipSync(jobs.file('u1', 'c1', started.id).bytes);
    expect(Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]))).toEqual({
      'Айгүл — 2025.pdf': 'e1',
      'Айгүл — 2025 (2).pdf': 'e2',
      'Бақыт — 2025.pdf': 'e3',
    });
  });

  it('say why a batch failed, and offer no file for it', async () => {
    const failing = { combined: async () => { throw new ApiError(503, 'pdf.unavailable', { path: '/x' }); } } as unknown as ReportRenderer;
    const jobs = new ReportBatchJobs(failing);
    const started = jobs.start(viewer, plan([candidate(1, 'Айгүл')]), 'pdf', 'en');
    await jobs.settled();
    expect(jobs.progress('u1', 'c1', started.id)).toMatchObject({ status: 'failed', downloadUrl: null, error: { code: 'pdf.unavailable' } });
    expect(() => jobs.file('u1', 'c1', started.id)).toThrow(expect.objectContaining({ code: 'reportBatch.notReady' }));
  });
});
