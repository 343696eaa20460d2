/**
 * §16, §21: results are strictly confidential — only the evaluated person, the evaluator, the head of HR and
 * the participants of a calibration session may know them. An HR officer reads reports only when granted.
 * The answer is why the viewer may read the report (written to the audit log), or null.
 */
export type ReportAccess = 'own' | 'evaluator' | 'hrHead' | 'granted' | 'calibration';

export interface ReportViewer {
  role: string;
  /** The staff member the account belongs to, if any. */
  personId: string | null;
  /** An HR officer's grant to read reports. */
  canReadReports: boolean;
}

export interface ReportSubject {
  personId: string;
  /** The direct manager when the person was added to the campaign: the evaluator (§2). */
  evaluatorId: string | null;
  /** Whether the report was put before a calibration session the viewer takes part in. */
  inViewersCalibration: boolean;
}

export function reportAccess(viewer: ReportViewer, subject: ReportSubject): ReportAccess | null {
  if (viewer.personId !== null && viewer.personId === subject.personId) return 'own';
  if (viewer.personId !== null && viewer.personId === subject.evaluatorId) return 'evaluator';
  if (viewer.role === 'hr_head') return 'hrHead';
  if (viewer.role === 'hr' && viewer.canReadReports) return 'granted';
  if (subject.inViewersCalibration) return 'calibration';
  return null;
}
