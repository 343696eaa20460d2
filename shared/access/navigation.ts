import { canKeepAccounts } from './accountRules.ts';
import { canReadAudit, canRunCampaigns } from './roles.ts';
import { seesTrainingNeeds } from './trainingAccess.ts';

/** What the signed-in account is, as far as the screens it is offered depend on it. */
export interface Navigator {
  role: string;
  /** The account belongs to a staff member. */
  linked: boolean;
  /** The account takes part in at least one calibration session. */
  calibrating: boolean;
  canReadReports: boolean;
}

/** "My reports": for a staff member's own account (own report, those they evaluate) and calibration participants. */
export const hasOwnReports = (u: Navigator): boolean => u.linked || u.calibrating;

/** Calibration sessions (§38–43) are run by the head of HR and HR officers granted report reading (§21). */
export const canRunCalibration = (u: Pick<Navigator, 'role' | 'canReadReports'>): boolean =>
  u.role === 'hr_head' || (u.role === 'hr' && u.canReadReports);

/** Where an account lands after signing in: HR on campaigns, a trainer on training needs, a staff member on their reports. */
export function landingPath(u: Navigator): string {
  if (canRunCampaigns(u.role)) return '/campaigns';
  if (u.role === 'trainer') return '/training';
  return '/my/reports';
}

/** Screens by path prefix and who may open them; other paths (reports, "My reports") check on the server. */
const SCREENS: ReadonlyArray<[prefix: string, allowed: (u: Navigator) => boolean]> = [
  ['/campaigns', (u) => canRunCampaigns(u.role)],
  ['/people', (u) => canRunCampaigns(u.role)],
  ['/units', (u) => canRunCampaigns(u.role)],
  ['/import', (u) => canRunCampaigns(u.role)],
  ['/calendar', (u) => canRunCampaigns(u.role)],
  ['/accounts', (u) => canKeepAccounts(u.role)],
  ['/audit', (u) => canReadAudit(u.role)],
  ['/training', (u) => seesTrainingNeeds(u.role)],
];

/** Whether the account may open the screen at `path`; a refused one is told so instead of loading it. */
export function mayOpenScreen(u: Navigator, path: string): boolean {
  const screen = SCREENS.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  return !screen || screen[1](u);
}
