/**
 * §16, §21: results are strictly confidential — only the evaluated person, the evaluator, the head of HR and
 * the participants of a calibration session may know them. An HR officer reads reports only when granted.
 * The answer is why the viewer may read the report (written to the audit log), or null.
 */
export type ReportAccess = 'own' | 'evaluator' | 'hrHead' | 'granted' | 'calibration';

export interface ReportViewer {
  /** The account's id. */
  id: string;
  role: string;
  /** The staff member the account belongs to, if any. */
  personId: string | null;
  /** The account that linked it to that staff member. */
  personLinkedBy: string | null;
  /** An HR officer's grant to read reports. */
  canReadReports: boolean;
}

export interface ReportSubject {
  personId: string;
  /** The direct manager when the campaign opened: the evaluator (§2). */
  evaluatorId: string | null;
  /** The account that had made them the manager. */
  evaluatorSetBy: string | null;
  /** Whether the report was put before a calibration session the viewer takes part in. */
  inViewersCalibration: boolean;
}

/**
 * Issue 11: no one gains a report by editing data they control. The administrator keeps accounts and reads no
 * result at all; an account linked to a staff member by itself is not that staff member for any report; the one
 * who made someone's manager is not their evaluator by it.
 */
export function reportAccess(viewer: ReportViewer, subject: ReportSubject): ReportAccess | null {
  if (readsNoReports(viewer)) return null;
  const person = reportingPerson(viewer);
  if (person !== null && person === subject.personId) return 'own';
  if (person !== null && person === subject.evaluatorId && subject.evaluatorSetBy !== viewer.id) return 'evaluator';
  if (viewer.role === 'hr_head') return 'hrHead';
  if (viewer.role === 'hr' && viewer.canReadReports) return 'granted';
  if (subject.inViewersCalibration) return 'calibration';
  return null;
}

/** The administrator keeps accounts and the calendar: §21 names no such reader. */
export const readsNoReports = (viewer: Pick<ReportViewer, 'role'>): boolean => viewer.role === 'admin';

/** The staff member an account reads reports as: none when it was linked to them by itself. */
export const reportingPerson = (viewer: Pick<ReportViewer, 'id' | 'personId' | 'personLinkedBy'>): string | null =>
  viewer.personLinkedBy === viewer.id ? null : viewer.personId;
