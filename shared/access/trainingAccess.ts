/**
 * Training needs (§37) within §21's confidentiality. Those who may read every report (the head of HR, an HR
 * officer granted report reading) see every course group with names and release groups to the trainers; a
 * trainer sees names only in released groups; other HR officers see the aggregates only. The administrator keeps
 * the installation, not results, and sees none. Nobody here reaches an individual report: that stays with
 * shared/access/reportAccess.ts.
 */
export type TrainingView = 'all' | 'released' | 'aggregate';

export function trainingView(viewer: { role: string; canReadReports: boolean }): TrainingView | null {
  if (viewer.role === 'hr_head' || (viewer.role === 'hr' && viewer.canReadReports)) return 'all';
  if (viewer.role === 'trainer') return 'released';
  if (viewer.role === 'hr') return 'aggregate';
  return null;
}

/** Roles that reach the training needs page at all (the navigation shows it to them). */
export const TRAINING_ROLES = ['hr_head', 'hr', 'trainer'] as const;
export const seesTrainingNeeds = (role: string): boolean => (TRAINING_ROLES as readonly string[]).includes(role);
