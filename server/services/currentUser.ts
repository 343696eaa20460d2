import type { DB } from '../../db/connect.ts';
import { isCalibrationMember } from '../../db/repositories/calibration.ts';
import { hasSecondFactor } from '../../db/repositories/secondFactor.ts';
import type { UserRow } from '../../db/schema.ts';
import type { SessionUser } from '../http/session.ts';

export const sessionUserOf = (row: UserRow): SessionUser => ({
  id: row.id,
  login: row.login,
  fullName: row.full_name,
  role: row.role,
  personId: row.person_id,
  personLinkedBy: row.person_linked_by,
  canReadReports: row.can_read_reports === 1,
});

/** The signed-in account as the UI needs it to offer its screens (shared/access/navigation.ts); no ids. */
export async function describeUser(db: DB, user: SessionUser) {
  return {
    login: user.login,
    fullName: user.fullName,
    role: user.role,
    linked: user.personId !== null,
    canReadReports: user.canReadReports,
    calibrating: await isCalibrationMember(db, user.id),
    secondFactor: await hasSecondFactor(db, user.id),
  };
}
