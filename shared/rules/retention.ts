import type { Rules360 } from '../methodology/types.ts';
import type { CampaignDates } from './campaignSchedule.ts';

/** §15: the evaluation ends on the campaign's closing day, or on its deadline if that is later. */
export function retentionStart(dates: CampaignDates): string {
  return dates.closedOn && dates.closedOn > dates.deadline ? dates.closedOn : dates.deadline;
}

/**
 * The last day the records are kept: the same date `years` later. 29 February moves to 1 March, the later
 * of the two possible readings, so that nothing is removed early.
 */
export function keptUntil(dates: CampaignDates, rules: Pick<Rules360, 'retentionYears'>): string {
  const [y, m, d] = retentionStart(dates).split('-').map(Number);
  return new Date(Date.UTC(y! + rules.retentionYears, m! - 1, d!)).toISOString().slice(0, 10);
}

/** Whether the records may be removed on `today` (the local date): their last day has passed. */
export function isPastRetention(dates: CampaignDates, today: string, rules: Pick<Rules360, 'retentionYears'>): boolean {
  return today > keptUntil(dates, rules);
}
