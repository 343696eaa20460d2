import type { DB } from '../../db/connect.ts';
import * as staff from '../../db/repositories/staff.ts';
import type { PersonBody } from '../../shared/schemas/api.ts';
import { changesOf } from '../../shared/audit/auditChanges.ts';
import { ApiError } from '../http/apiError.ts';

async function checkParentUnit(db: DB, unitId: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  if (!(await staff.getUnit(db, parentId))) throw new ApiError(422, 'unit.parentNotFound');
  if (unitId && (parentId === unitId || (await staff.unitAncestors(db, parentId)).includes(unitId))) {
    throw new ApiError(422, 'unit.cycle');
  }
}

export async function createUnit(db: DB, input: staff.UnitInput) {
  await checkParentUnit(db, null, input.parentId);
  return staff.insertUnit(db, input);
}

export async function updateUnit(db: DB, id: string, input: staff.UnitInput): Promise<void> {
  if (!(await staff.getUnit(db, id))) throw new ApiError(404, 'unit.notFound');
  await checkParentUnit(db, id, input.parentId);
  await staff.updateUnit(db, id, input);
}

export async function deleteUnit(db: DB, id: string): Promise<void> {
  if (!(await staff.getUnit(db, id))) throw new ApiError(404, 'unit.notFound');
  if (await staff.unitIsUsed(db, id)) throw new ApiError(409, 'unit.inUse');
  await staff.deleteUnit(db, id);
}

async function checkPerson(db: DB, personId: string | null, input: PersonBody): Promise<void> {
  if (!(await staff.getUnit(db, input.unitId))) throw new ApiError(422, 'person.unitNotFound');
  const holder = input.employeeNo ? await staff.findPersonByEmployeeNo(db, input.employeeNo) : undefined;
  if (holder && holder.id !== personId) throw new ApiError(409, 'person.employeeNoTaken', { employeeNo: input.employeeNo!, name: holder.full_name });
  if (!input.managerId) return;
  if (input.managerId === personId) throw new ApiError(422, 'person.selfManager');
  if (!(await staff.getPerson(db, input.managerId))) throw new ApiError(422, 'person.managerNotFound');
  if (personId && (await staff.managerChain(db, input.managerId)).includes(personId)) {
    throw new ApiError(422, 'person.managerCycle');
  }
}

/** A new staff member; `actorId`, the account adding them, is recorded as having set their manager and address. */
export async function createPerson(db: DB, input: PersonBody, actorId: string | null) {
  await checkPerson(db, null, input);
  const id = await staff.insertPerson(db, input, actorId);
  const person = (await staff.getPersonView(db, id))!;
  return { person, changes: changesOf([['manager', null, person.managerName], ['email', null, person.email]]) };
}

/**
 * Changes a staff member. A changed manager or address is recorded as set by `actorId` (it gains no evaluator's
 * right by it, and holds the links e-mailed there), and returned with its before and after for the audit log.
 */
export async function updatePerson(db: DB, id: string, input: PersonBody, actorId: string | null) {
  const before = await staff.getPersonView(db, id);
  if (!before) throw new ApiError(404, 'person.notFound');
  await checkPerson(db, id, input);
  await staff.updatePerson(db, id, input, actorId);
  const person = (await staff.getPersonView(db, id))!;
  return { person, changes: changesOf([['manager', before.managerName, person.managerName], ['email', before.email, person.email]]) };
}

export async function deletePerson(db: DB, id: string): Promise<void> {
  if (!(await staff.getPerson(db, id))) throw new ApiError(404, 'person.notFound');
  if (await staff.personIsReferenced(db, id)) throw new ApiError(409, 'person.inUse');
  await staff.deletePerson(db, id);
}
