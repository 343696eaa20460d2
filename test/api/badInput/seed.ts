import { sql } from 'kysely';
import { createUser } from '../../../server/services/accounts.ts';
import type { FormKey } from '../../../shared/methodology/types.ts';
import { openWithRelations, type Assigned } from '../../support/campaignWithRelations.ts';
import { seedUnit } from '../../support/fixtures.ts';
import { signInAs } from '../../support/signIn.ts';
import type { TestApp } from '../../support/testApp.ts';
import type { Actor } from './routeTable.ts';

export interface Seeded {
  cookies: Record<Actor, string | null>;
  /** Ids of existing records, by table. */
  idsByTable: Record<string, string[]>;
  /** Link tokens that open nothing new (answered, or of the closed campaign) and logins. */
  strings: string[];
  /** Link tokens still waiting for an answer, all to questionnaires of one form. */
  liveTokens: string[];
  liveForm: FormKey;
}

const must = async (res: Promise<{ status: number; body: unknown }>, status: number) => {
  const { status: got, body } = await res;
  if (got !== status) throw new Error(`seeding: ${got} ${JSON.stringify(body)}`);
  return body as any;
};

/**
 * A database like a real one: a unit with a sub-unit and people; last year's campaign closed with a report,
 * its training needs released and a calibration session; this year's open and partly answered, with a
 * reminder schedule; a draft; a calendar change; accounts of every kind.
 */
export async function seedRealistic(t: TestApp): Promise<Seeded> {
  const admin = await signInAs(t, 'admin', 'fuzz-admin');
  const hrHead = await signInAs(t, 'hr_head', 'fuzz-head');
  const as = (cookie: string) => async (method: string, path: string, body?: unknown) => {
    const res = await t.call(method, path, body, { cookie });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };

  const { unit, head, employees } = await seedUnit(t, 8);
  const sub = (await must(t.json('POST', '/units', { name: 'Сектор <b>бюджет</b>', parentId: unit.id }), 201)).unit;
  for (const fullName of ['Ғалым Әбенов', "O'Brien Д'Артаньян", 'Zoë \u202Eтест']) {
    await must(t.json('POST', '/people', { fullName, position: 'Бас маман', unitId: sub.id, category: 'E-3', managerId: head.id, email: null }), 201);
  }
  const employeeAccount = (await must(as(hrHead)('POST', '/accounts', { login: 'fuzz-employee', fullName: 'Қызметкер 1', role: 'employee', personId: employees[0]!.id }), 201)).account;
  await must(as(hrHead)('PUT', `/accounts/${employeeAccount.id}`, { fullName: 'Қызметкер Бір', role: 'employee', personId: employees[0]!.id, canReadReports: false }), 200);
  await must(as(hrHead)('POST', '/accounts/for-people', { personIds: [employees[1]!.id] }), 201);
  await createUser(t.conn.db, { login: 'fuzz-trainer', fullName: 'Trainer', role: 'trainer', password: 'fuzz-trainer-password' });

  const peers = (ids: string[]): Assigned[] => ids.map((personId) => ({ personId, relation: 'peer' }));
  const last = await openWithRelations(t, employees[0]!.id, [{ personId: head.id, relation: 'manager' }, ...peers([employees[1]!.id, employees[2]!.id, employees[3]!.id])], {
    year: 2024,
    deadline: '2025-12-31',
  });
  for (const who of ['self', head.id, employees[1]!.id, employees[2]!.id]) await last.answer(who, (ci, si) => 2 + ((ci + si) % 4));
  await must(last.close(), 204);
  await must(as(hrHead)('POST', `/training/${last.campaignId}/releases`, { competencyId: 'ethics', criterion: 'weakest' }), 201);
  await must(as(hrHead)('POST', `/campaigns/${last.campaignId}/calibrations`, { title: 'Калибрлеу', memberIds: [employeeAccount.id], evaluationIds: [last.evaluationId] }), 201);

  const now = await openWithRelations(t, employees[4]!.id, peers([employees[5]!.id, employees[6]!.id, employees[7]!.id]));
  await now.answer('self', () => 4);
  await now.answer(employees[5]!.id, () => 3);
  await must(t.json('PUT', `/campaigns/${now.campaignId}/deliveries/schedule`, { daysBefore: [5, 1] }), 204);

  const draft = (await must(t.json('POST', '/campaigns', { name: 'Жоба 2026', year: 2026 }), 201)).id;
  await must(t.json('PUT', `/campaigns/${draft}`, { name: 'Жоба 2026 (2)', deadline: '2027-01-11' }), 204);
  await must(t.json('POST', `/campaigns/${draft}/evaluations`, { personIds: [head.id] }), 201);
  await must(t.json('POST', `/campaigns/${draft}/units`, { unitId: sub.id, includeSubunits: false }), 201);
  await must(as(admin)('POST', '/calendar/overrides', { date: '2025-12-31', kind: 'dayOff', note: 'Order No. 1 of 1 December 2025' }), 201);

  return {
    cookies: { anonymous: null, admin, hrHead, hr: t.cookie },
    idsByTable: await idsByTable(t),
    strings: [
      last.token('self'),
      last.token(employees[3]!.id),
      now.token('self'),
      now.token(employees[5]!.id),
      ...(await t.conn.db.selectFrom('app_user').select('login').execute()).map((u) => u.login),
    ],
    liveTokens: [now.token(employees[6]!.id), now.token(employees[7]!.id)],
    liveForm: (await t.conn.db.selectFrom('evaluation').select('form_key').where('id', '=', now.evaluationId).executeTakeFirstOrThrow()).form_key as FormKey,
  };
}

/** Every text `id` of every table, by table. */
async function idsByTable(t: TestApp): Promise<Record<string, string[]>> {
  const names =
    t.conn.dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'id'`.execute(t.conn.db)
      : await sql<{ name: string }>`select m.name from sqlite_master as m, pragma_table_info(m.name) as c where m.type = 'table' and c.name = 'id'`.execute(t.conn.db);
  const out: Record<string, string[]> = {};
  for (const { name } of names.rows) {
    const ids = (await t.conn.db.selectFrom(name as never).select('id' as never).execute()).map((r) => (r as { id: unknown }).id).filter((id): id is string => typeof id === 'string');
    if (ids.length) out[name] = ids;
  }
  return out;
}
