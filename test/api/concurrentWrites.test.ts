import { beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, insertUnit } from '../../db/repositories/staff.ts';
import { databaseConflict } from '../../server/http/databaseConflict.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const personBody = (unitId: string, fullName: string, extra: Record<string, unknown> = {}) =>
  ({ fullName, position: 'Маман', unitId, category: 'E-4', managerId: null, email: null, ...extra });
const person = (unitId: string, fullName: string, employeeNo: string | null = null) =>
  ({ ...personBody(unitId, fullName), employeeNo, appointedOn: null, absence: null, absentFrom: null, absentUntil: null });

describe('two requests writing the same record at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });

  it('turns the database’s unique-constraint refusal into a 409, and nothing else', async () => {
    const unit = await insertUnit(t.conn.db, { name: 'Бөлім', parentId: null });
    await insertPerson(t.conn.db, person(unit.id, 'Бірінші', 'T-1'), null);
    const duplicate = await insertPerson(t.conn.db, person(unit.id, 'Екінші', 'T-1'), null).catch((error: unknown) => error);
    expect(databaseConflict(duplicate)?.toJSON()).toEqual({
      error: { code: 'conflict', message: 'Someone changed the same record at the same time; reload and try again.' },
    });
    const missingUnit = await insertPerson(t.conn.db, person(crypto.randomUUID(), 'Үшінші'), null).catch((error: unknown) => error);
    expect(missingUnit).toBeInstanceOf(Error);
    expect(databaseConflict(missingUnit)).toBeNull();
    expect(databaseConflict(new Error('x'))).toBeNull();
  });

  it('answers 409, never 500, when two people get the same personnel number at once', async () => {
    const unit = (await t.json('POST', '/units', { name: 'Табель', parentId: null })).body.unit;
    const [a, b] = await Promise.all([
      t.json('POST', '/people', personBody(unit.id, 'Алғашқы', { employeeNo: 'N-7' })),
      t.json('POST', '/people', personBody(unit.id, 'Соңғы', { employeeNo: 'N-7' })),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(['conflict', 'person.employeeNoTaken']).toContain((a.status === 409 ? a : b).body.error.code);
    const later = await t.json('POST', '/people', personBody(unit.id, 'Кейінгі', { employeeNo: 'N-7' }));
    expect(later.status).toBe(409);
    expect(later.body.error).toMatchObject({ code: 'person.employeeNoTaken', details: { employeeNo: 'N-7' } });
  });

  it('adds each person of a unit once when the whole unit is added twice at once', async () => {
    const unit = (await t.json('POST', '/units', { name: 'Екі рет', parentId: null })).body.unit;
    const head = (await t.json('POST', '/people', { ...personBody(unit.id, 'Бастық'), category: 'E-2' })).body.person;
    for (let i = 1; i <= 4; i++) await t.json('POST', '/people', { ...personBody(unit.id, `Маман ${i}`), managerId: head.id });
    const campaignId = (await t.json('POST', '/campaigns', { name: '360 2025', year: 2025 })).body.id;
    const add = () => t.json('POST', `/campaigns/${campaignId}/units`, { unitId: unit.id });
    const results = await Promise.all([add(), add()]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results[0]!.body.added.length + results[1]!.body.added.length).toBe(5);
    const leftOut = [...results[0]!.body.leftOut, ...results[1]!.body.leftOut];
    expect(leftOut).toHaveLength(5);
    expect(leftOut.every((l: { reason: string }) => l.reason === 'alreadyEvaluated')).toBe(true);
    expect((await t.json('GET', `/campaigns/${campaignId}`)).body.evaluations).toHaveLength(5);
  });
});
