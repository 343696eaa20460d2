import { describe, expect, it } from 'vitest';
import { reportAccess, type ReportSubject, type ReportViewer } from '../../shared/access/reportAccess.ts';

const subject: ReportSubject = { personId: 'p-aigerim', evaluatorId: 'p-manager', evaluatorSetBy: 'u-hr', inViewersCalibration: false };
// An account linked to its staff member by the administrator, as accounts are made.
const viewer = (role: string, personId: string | null = null, canReadReports = false, id = `u-${role}-${personId}`): ReportViewer => ({
  id,
  role,
  personId,
  personLinkedBy: personId ? 'u-admin' : null,
  canReadReports,
});

describe('who may read a 360 report (§21)', () => {
  it('lets the evaluated person, the evaluator and the head of HR read it', () => {
    expect(reportAccess(viewer('employee', 'p-aigerim'), subject)).toBe('own');
    expect(reportAccess(viewer('employee', 'p-manager'), subject)).toBe('evaluator');
    expect(reportAccess(viewer('hr_head'), subject)).toBe('hrHead');
  });

  it('lets an HR officer read it only when granted, and a calibration participant only when it was put before them', () => {
    expect(reportAccess(viewer('hr'), subject)).toBeNull();
    expect(reportAccess(viewer('hr', null, true), subject)).toBe('granted');
    expect(reportAccess(viewer('employee', 'p-colleague'), subject)).toBeNull();
    expect(reportAccess(viewer('employee', 'p-colleague'), { ...subject, inViewersCalibration: true })).toBe('calibration');
  });

  it('refuses administrators, trainers and colleagues', () => {
    expect(reportAccess(viewer('admin'), subject)).toBeNull();
    expect(reportAccess(viewer('trainer', 'p-trainer'), subject)).toBeNull();
    expect(reportAccess(viewer('trainer', 'p-trainer', true), subject)).toBeNull();
    // A person with no evaluator recorded is not everybody's evaluatee.
    expect(reportAccess(viewer('employee', 'p-x'), { ...subject, evaluatorId: null })).toBeNull();
  });
});

describe('no one gains a report by editing data they control (issue 11)', () => {
  it('gives the administrator nothing, not even through a staff record or a calibration session', () => {
    expect(reportAccess(viewer('admin', 'p-manager'), subject)).toBeNull();
    expect(reportAccess(viewer('admin', 'p-aigerim'), subject)).toBeNull();
    expect(reportAccess(viewer('admin'), { ...subject, inViewersCalibration: true })).toBeNull();
  });

  it('gives an account that linked itself to a staff member nothing as that staff member', () => {
    const selfLinked: ReportViewer = { id: 'u-x', role: 'hr_head', personId: 'p-manager', personLinkedBy: 'u-x', canReadReports: false };
    // As head of HR it still reads every report — by its role, not by the link.
    expect(reportAccess(selfLinked, subject)).toBe('hrHead');
    expect(reportAccess({ ...selfLinked, role: 'hr' }, subject)).toBeNull();
    expect(reportAccess({ ...selfLinked, role: 'employee', personId: 'p-aigerim' }, subject)).toBeNull();
  });

  it('does not make whoever set the manager the evaluator by it', () => {
    const officer: ReportViewer = { id: 'u-hr', role: 'hr', personId: 'p-manager', personLinkedBy: 'u-admin', canReadReports: false };
    expect(reportAccess(officer, subject)).toBeNull();
    expect(reportAccess(officer, { ...subject, evaluatorSetBy: 'u-someone-else' })).toBe('evaluator');
  });
});
