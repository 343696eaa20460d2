import { describe, expect, it } from 'vitest';
import { reportAccess, type ReportSubject, type ReportViewer } from '../../shared/access/reportAccess.ts';

const subject: ReportSubject = { personId: 'p-aigerim', evaluatorId: 'p-manager', inViewersCalibration: false };
const viewer = (role: string, personId: string | null = null, canReadReports = false): ReportViewer => ({ role, personId, canReadReports });

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
