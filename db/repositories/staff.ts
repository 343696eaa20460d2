import type { DB } from '../connect.ts';
import type { PersonRow, UnitRow } from '../schema.ts';
import { newId, nowIso } from '../ids.ts';

export interface UnitInput {
  name: string;
  parentId: string | null;
}

export interface PersonInput {
  fullName: string;
  position: string;
  unitId: string;
  category: string;
  managerId: string | null;
  email: string | null;
  employeeNo: string | null;
  appointedOn: string | null;
  absence: string | null;
  absentFrom: string | null;
  absentUntil: string | null;
}

export interface PersonView {
  id: string;
  fullName: string;
  position: string;
  unitId: string;
  unitName: string;
  category: string;
  managerId: string | null;
  managerName: string | null;
  email: string | null;
  employeeNo: string | null;
  appointedOn: string | null;
  absence: string | null;
  absentFrom: string | null;
  absentUntil: string | null;
}

export function listUnits(db: DB): Promise<UnitRow[]> {
  return db.selectFrom('unit').selectAll().orderBy('name').execute();
}

export function getUnit(db: DB, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUnit(db: DB, input: UnitInput): Promise<UnitRow> {
  const row = { id: newId(), name: input.name, parent_id: input.parentId, created_at: nowIso() };
  await db.insertInto('unit').values(row).execute();
  return row;
}

export async function updateUnit(db: DB, id: string, input: UnitInput): Promise<void> {
  await db.updateTable('unit').set({ name: input.name, parent_id: input.parentId }).where('id', '=', id).execute();
}

/** The chain of parents above a unit, nearest first; used to refuse a parent that would close a cycle. */
export async function unitAncestors(db: DB, id: string): Promise<string[]> {
  const parents = new Map((await listUnits(db)).map((u) => [u.id, u.parent_id]));
  const chain: string[] = [];
  for (let p = parents.get(id) ?? null; p && !chain.includes(p); p = parents.get(p) ?? null) chain.push(p);
  return chain;
}

export async function unitIsUsed(db: DB, id: string): Promise<boolean> {
  const person = await db.selectFrom('person').select('id').where('unit_id', '=', id).executeTakeFirst();
  const child = await db.selectFrom('unit').select('id').where('parent_id', '=', id).executeTakeFirst();
  return Boolean(person || child);
}

export async function deleteUnit(db: DB, id: string): Promise<void> {
  await db.deleteFrom('unit').where('id', '=', id).execute();
}

function personQuery(db: DB) {
  return db
    .selectFrom('person as p')
    .innerJoin('unit as u', 'u.id', 'p.unit_id')
    .leftJoin('person as m', 'm.id', 'p.manager_id')
    .select([
      'p.id as id',
      'p.full_name as fullName',
      'p.position as position',
      'p.unit_id as unitId',
      'u.name as unitName',
      'p.category as category',
      'p.manager_id as managerId',
      'm.full_name as managerName',
      'p.email as email',
      'p.employee_no as employeeNo',
      'p.appointed_on as appointedOn',
      'p.absence as absence',
      'p.absent_from as absentFrom',
      'p.absent_until as absentUntil',
    ]);
}

export function listPeople(db: DB): Promise<PersonView[]> {
  return personQuery(db).orderBy('p.full_name').orderBy('p.id').execute();
}

export function getPersonView(db: DB, id: string): Promise<PersonView | undefined> {
  return personQuery(db).where('p.id', '=', id).executeTakeFirst();
}

export function getPerson(db: DB, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPersonByEmployeeNo(db: DB, employeeNo: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('employee_no', '=', employeeNo).executeTakeFirst();
}

export async function getPeople(db: DB, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('person').selectAll().where('id', 'in', ids).execute();
}

const personColumns = (input: PersonInput) => ({
  full_name: input.fullName,
  position: input.position,
  unit_id: input.unitId,
  category: input.category,
  manager_id: input.managerId,
  email: input.email,
  employee_no: input.employeeNo,
  appointed_on: input.appointedOn,
  absence: input.absence,
  absent_from: input.absentFrom,
  absent_until: input.absentUntil,
});

/** A new person; `actorId` is the account that set their manager and address (db/schema.ts PersonTable). */
export async function insertPerson(db: DB, input: PersonInput, actorId: string | null): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('person')
    .values({ id, ...personColumns(input), created_at: now, updated_at: now, manager_set_by: input.managerId ? actorId : null, email_set_by: input.email ? actorId : null })
    .execute();
  return id;
}

/** Changes a person; `actorId` becomes the one who set the manager, or the address, where that changes. */
export async function updatePerson(db: DB, id: string, input: PersonInput, actorId: string | null): Promise<void> {
  await db
    .updateTable('person')
    .set((eb) => ({
      ...personColumns(input),
      updated_at: nowIso(),
      manager_set_by: input.managerId === null ? null : eb.case().when('manager_id', '=', input.managerId).then(eb.ref('manager_set_by')).else(actorId).end(),
      email_set_by: input.email === null ? null : eb.case().when('email', '=', input.email).then(eb.ref('email_set_by')).else(actorId).end(),
    }))
    .where('id', '=', id)
    .execute();
}

/** The chain of managers above a person, nearest first; used to refuse a manager that would close a cycle. */
export async function managerChain(db: DB, id: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = id;
  while (current) {
    const row: { manager_id: string | null } | undefined = await db
      .selectFrom('person')
      .select('manager_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.manager_id ?? null;
    if (!current || chain.includes(current)) break;
    chain.push(current);
  }
  return chain;
}

/** A person stays while anyone reports to them, any campaign refers to them or an account belongs to them: history must not break. */
export async function personIsReferenced(db: DB, id: string): Promise<boolean> {
  const checks = await Promise.all([
    db.selectFrom('person').select('id').where('manager_id', '=', id).executeTakeFirst(),
    db.selectFrom('evaluation').select('id').where('person_id', '=', id).executeTakeFirst(),
    db.selectFrom('invitation').select('id').where('respondent_id', '=', id).executeTakeFirst(),
    db.selectFrom('app_user').select('id').where('person_id', '=', id).executeTakeFirst(),
  ]);
  return checks.some(Boolean);
}

export async function deletePerson(db: DB, id: string): Promise<void> {
  await db.deleteFrom('person').where('id', '=', id).execute();
}
