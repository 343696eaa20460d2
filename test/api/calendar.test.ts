import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs } from '../support/signIn.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

let t: TestApp;
let admin: string;
/** A request as the administrator. */
const asAdmin = async (method: string, path: string, body?: unknown) => {
  const res = await t.call(method, path, body, { cookie: admin });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
};

beforeEach(async () => {
  t = await createTestApp();
  admin = await signInAs(t, 'admin', 'root');
});

describe('the working-day calendar API', () => {
  it('shows HR a year’s holidays, substitute days and known transfers with their sources', async () => {
    const { status, body } = await t.json('GET', '/calendar/2025');
    expect(status).toBe(200);
    expect(body.daysOff).toEqual(expect.arrayContaining(['2025-01-01', '2025-01-02', '2025-01-03', '2025-03-10', '2025-03-21', '2025-03-24', '2025-09-01']));
    expect(body.workingWeekends).toEqual(['2025-01-05']);
    const on = (date: string) => body.entries.filter((e: { date: string }) => e.date === date);
    expect(on('2025-03-21')).toEqual([expect.objectContaining({ origin: 'holiday', kind: 'dayOff', effective: true, name: expect.objectContaining({ en: 'Nauryz' }) })]);
    expect(on('2025-03-10')[0]).toMatchObject({ origin: 'holiday', substitute: true });
    expect(on('2025-01-05')[0]).toMatchObject({ origin: 'transfer', kind: 'working', pairedWith: '2025-01-03', sources: expect.arrayContaining([expect.stringMatching(/^https:\/\//)]) });
    expect(body.workingDays).toBeGreaterThan(240);
    expect(body.workingDays).toBeLessThan(255);
  });

  it('lets only the administrator change the calendar; the change wins and can be removed', async () => {
    const transfer = { date: '2026-12-19', kind: 'working', note: 'Приказ о переносе дня отдыха с субботы 19 декабря на пятницу 18 декабря 2026 года' };
    const refused = await t.json('POST', '/calendar/overrides', transfer);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.forbidden');

    expect((await asAdmin('POST', '/calendar/overrides', transfer)).status).toBe(201);
    const dayOff = await asAdmin('POST', '/calendar/overrides', { ...transfer, date: '2026-12-18', kind: 'dayOff' });
    expect(dayOff.status).toBe(201);
    // A holiday the administrator knows is not kept this year (date-holidays may lag behind the law).
    expect((await asAdmin('POST', '/calendar/overrides', { date: '2026-03-16', kind: 'working', note: 'Календарь на 2026 год, egov.kz' })).status).toBe(201);

    const year = (await t.json('GET', '/calendar/2026')).body;
    expect(year.workingWeekends).toContain('2026-12-19');
    expect(year.daysOff).toContain('2026-12-18');
    expect(year.daysOff).not.toContain('2026-03-16');
    const march16 = year.entries.filter((e: { date: string }) => e.date === '2026-03-16');
    expect(march16.map((e: { origin: string; effective: boolean }) => [e.origin, e.effective])).toEqual([['holiday', false], ['override', true]]);
    const added = year.entries.find((e: { date: string }) => e.date === '2026-12-19');
    expect(added).toMatchObject({ origin: 'override', kind: 'working', effective: true, override: { note: transfer.note, createdBy: 'admin root' } });

    expect((await t.json('DELETE', `/calendar/overrides/${dayOff.body.id}`)).status).toBe(403);
    expect((await asAdmin('DELETE', `/calendar/overrides/${dayOff.body.id}`)).status).toBe(204);
    expect((await asAdmin('DELETE', `/calendar/overrides/${dayOff.body.id}`)).body.error.code).toBe('calendar.notFound');
    expect((await t.json('GET', '/calendar/2026')).body.daysOff).not.toContain('2026-12-18');
  });

  it('refuses changes that change nothing, a second change of a date, and bad input', async () => {
    const note = 'Test';
    expect((await asAdmin('POST', '/calendar/overrides', { date: '2026-12-19', kind: 'dayOff', note })).body.error).toMatchObject({ code: 'calendar.alreadyDayOff', details: { date: '2026-12-19' } });
    expect((await asAdmin('POST', '/calendar/overrides', { date: '2025-01-03', kind: 'dayOff', note })).body.error.code).toBe('calendar.alreadyDayOff');
    expect((await asAdmin('POST', '/calendar/overrides', { date: '2026-12-15', kind: 'working', note })).body.error.code).toBe('calendar.alreadyWorking');
    expect((await asAdmin('POST', '/calendar/overrides', { date: '2026-12-15', kind: 'dayOff', note })).status).toBe(201);
    const twice = await asAdmin('POST', '/calendar/overrides', { date: '2026-12-15', kind: 'dayOff', note });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('calendar.duplicate');

    const bad = await asAdmin('POST', '/calendar/overrides', { date: '2026-02-30', kind: 'holiday', note: ' ', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`).sort()).toEqual(['(body):unknownField', 'date:invalidDate', 'kind:invalid', 'note:required']);
    expect((await t.json('GET', '/calendar/nineteen')).status).toBe(400);
    expect((await t.json('GET', '/calendar/1999')).body.error.issues[0].code).toBe('invalidYear');
    expect((await t.call('GET', '/calendar/2025', undefined, { cookie: null })).status).toBe(401);
    expect((await t.json('GET', '/calendar/2026')).body.entries.filter((e: { origin: string }) => e.origin === 'override')).toHaveLength(1);
  });
});

describe('a campaign’s results date (§12)', () => {
  it('counts 2 working days after the deadline, with the administrator’s changes', async () => {
    const id = (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id;
    // The deadline, 10 January 2026, is a Saturday: results are due on Tuesday 13 January.
    expect((await t.json('GET', `/campaigns/${id}/schedule`)).body).toEqual({ deadlineIsWorkingDay: false, evaluationEnd: '2026-01-10', resultsDueBy: '2026-01-13' });
    await asAdmin('POST', '/calendar/overrides', { date: '2026-01-12', kind: 'dayOff', note: 'Test transfer' });
    expect((await t.json('GET', `/campaigns/${id}/schedule`)).body.resultsDueBy).toBe('2026-01-14');
    expect((await t.json('GET', `/campaigns/${crypto.randomUUID()}/schedule`)).body.error.code).toBe('campaign.notFound');
  });

  it('keeps a deadline within the reporting year and the next, so the count always ends', async () => {
    const late = await t.json('POST', '/campaigns', { name: '360 2025', year: 2025, deadline: '9999-12-31' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'campaign.deadlineTooLate', details: { year: 2026 } });
    expect((await t.json('POST', '/campaigns', { name: '360 2025', year: 2025, deadline: '2027-01-01' })).body.error.code).toBe('campaign.deadlineTooLate');
    const id = (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025, deadline: '2026-12-31' })).body.id;
    expect((await t.json('GET', `/campaigns/${id}/schedule`)).body.resultsDueBy).toBe('2027-01-06');
    expect((await t.json('PUT', `/campaigns/${id}`, { name: '360 2025', deadline: '9999-12-31' })).body.error.code).toBe('campaign.deadlineTooLate');

    // A campaign saved before the range was checked: refused at once instead of counting days for ever.
    await t.conn.db.updateTable('campaign').set({ deadline: '9999-12-31' }).where('id', '=', id).execute();
    const schedule = await t.json('GET', `/campaigns/${id}/schedule`);
    expect(schedule.status).toBe(422);
    expect(schedule.body.error.code).toBe('campaign.deadlineTooLate');
  });
});
