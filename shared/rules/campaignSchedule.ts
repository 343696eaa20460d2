import type { Rules360 } from '../methodology/types.ts';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from './workingDays.ts';

/** A campaign's dates: its deadline, and the local day it closed (null while it has not). */
export interface CampaignDates {
  deadline: string;
  closedOn: string | null;
}

export interface ResultsSchedule {
  deadlineIsWorkingDay: boolean;
  /** The day the evaluation ended (or will end): the closing day, or the deadline while the campaign is not closed. */
  evaluationEnd: string;
  /** §12: the last day by which every evaluated person must have seen their result. */
  resultsDueBy: string;
}

export function resultsSchedule(calendar: WorkingCalendar, dates: CampaignDates, rules: Pick<Rules360, 'resultsWithinWorkingDays'>): ResultsSchedule {
  const evaluationEnd = dates.closedOn ?? dates.deadline;
  return {
    deadlineIsWorkingDay: isWorkingDay(calendar, dates.deadline),
    evaluationEnd,
    resultsDueBy: addWorkingDays(calendar, evaluationEnd, rules.resultsWithinWorkingDays),
  };
}
