import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_MAX_MB } from '../../server/routes/staffImport.ts';
import { READ_MEMORY_MB } from '../../server/staffImport/staffFileReader.ts';
import { checkUnpackedSize } from '../../server/staffImport/zipSize.ts';
import { bulkyWorkbook } from '../support/bulkyWorkbook.ts';
import { openCampaignWithManyLinks } from '../support/manyLinks.ts';
import { csvOf, generateStaff } from '../support/staffFile.ts';
import { startServerProcess } from '../support/serverProcess.ts';
import { createTestApp, type InProcessTestApp } from '../support/testApp.ts';
import { onPostgres } from '../support/testDatabase.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('reading a staff list file beside the respondents', () => {
  let t: InProcessTestApp;
  let token: string;
  beforeEach(async () => {
    t = await createTestApp();
    token = (await openCampaignWithManyLinks(t.conn.db, 6)).links[0]!.token;
  });
  const preview = (file: Uint8Array<ArrayBuffer>, contentType: string) => t.call('POST', '/staff-import/preview', undefined, { raw: file, contentType });
  const openLink = () => t.call('POST', '/respond/open', { token }, { cookie: null });

  it('answers a respondent who asks once the server holds a large file, before the file is read', async () => {
    // 50,000 rows (9 MB), two and a half times what a file may have: all of it is read before that can be said.
    const file = new TextEncoder().encode(csvOf(generateStaff(50_000)));
    const answered: string[] = [];
    let respondentAsks!: () => void;
    const respondent = new Promise<Response>((resolve) => (respondentAsks = () => resolve(openLink().then((res) => (answered.push('respondent'), res)))));
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => controller.enqueue(file),
        // Asked for more than the whole file, the server holds it all: the respondent's request comes next,
        // once the server's thread is free to take it. Read on that thread, the file kept it until done.
        pull: (controller) => {
          controller.close();
          setImmediate(respondentAsks);
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://b360.test/api/staff-import/preview', { method: 'POST', headers: { origin: 'http://b360.test', cookie: t.cookie, 'content-type': 'text/csv' }, body, duplex: 'half' } as RequestInit);
    const previewed = Promise.resolve(t.app.request(request)).then((res) => (answered.push('preview'), res));
    expect((await respondent).status).toBe(200);
    const res = await previewed;
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'import.tooManyRows' } });
    expect(answered).toEqual(['respondent', 'preview']);
  }, 120_000);

  it(`refuses a workbook that reading would take more than ${READ_MEMORY_MB} MB for, and goes on serving`, async () => {
    // Within the upload limit and the unpacked-size limit: only reading it shows what it costs.
    const bomb = bulkyWorkbook(400_000);
    expect(bomb.length).toBeLessThan(IMPORT_MAX_MB * 1024 * 1024);
    await expect(checkUnpackedSize(bomb)).resolves.toBeUndefined();
    const res = await preview(bomb, XLSX);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'import.tooMuchMemory', details: { max: READ_MEMORY_MB } } });
    expect((await openLink()).status).toBe(200);
    // The next file is read by a new reading process.
    const small = await preview(new TextEncoder().encode(csvOf(generateStaff(3))), 'text/csv');
    expect(small.status).toBe(200);
  }, 120_000);
});

// The server as `npm start` runs it, whose reading process is started through tsx: the database plays no part,
// so the PostgreSQL pass of the suite leaves it out.
describe.skipIf(onPostgres)('reading staff files in the running server (tsx server/main.ts)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-staff-files-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('reads a file, refuses one past the memory bound, and reads the next', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const { origin } = server;
      const password = /password: (\S+)/.exec(server.output())![1]!;
      const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const preview = (file: Uint8Array<ArrayBuffer>, contentType: string) =>
        fetch(`${origin}/api/staff-import/preview`, { method: 'POST', headers: { origin, cookie, 'content-type': contentType }, body: file });
      const small = new TextEncoder().encode(csvOf(generateStaff(3)));
      // Made before any request: made between two, it outlasts the 5 s the server keeps an idle connection open.
      const bomb = bulkyWorkbook(400_000);

      const first = await preview(small, 'text/csv');
      expect(first.status).toBe(200);
      expect(((await first.json()) as { counts: { create: number } }).counts.create).toBe(3);
      const refused = await preview(bomb, XLSX);
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({ error: { code: 'import.tooMuchMemory', details: { max: READ_MEMORY_MB } } });
      const next = await preview(small, 'text/csv');
      expect(next.status).toBe(200);
    } finally {
      await server.stop('SIGTERM');
    }
  }, 120_000);
});
