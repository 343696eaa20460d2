import type { DB } from '../../db/connect.ts';
import { countCampaignRecords, deleteCampaignRecords, finishedCampaigns, type RecordCounts } from '../../db/repositories/retention.ts';
import { localDate } from '../../shared/rules/campaignDeadline.ts';
import { isPastRetention, keptUntil } from '../../shared/rules/retention.ts';
import { methodologyOf } from './campaigns.ts';

export interface RemovedCampaign extends RecordCounts {
  id: string;
  name: string;
  year: number;
  keptUntil: string;
}

/**
 * §15: removes every campaign whose records are past their retention period, each with all its evaluations,
 * invitations and responses in one transaction. With `dryRun`, only says what it would remove.
 */
export async function applyRetention(db: DB, now: Date, timeZone: string, options: { dryRun?: boolean } = {}): Promise<RemovedCampaign[]> {
  const today = localDate(now, timeZone);
  const removed: RemovedCampaign[] = [];
  for (const c of await finishedCampaigns(db)) {
    const dates = { deadline: c.deadline, closedOn: localDate(new Date(c.closedAt), timeZone) };
    const { rules } = methodologyOf(c.methodologyId);
    if (!isPastRetention(dates, today, rules)) continue;
    const counts = options.dryRun ? await countCampaignRecords(db, c.id) : await deleteCampaignRecords(db, c.id);
    removed.push({ id: c.id, name: c.name, year: c.year, keptUntil: keptUntil(dates, rules), ...counts });
  }
  return removed;
}

/** One line per campaign, for the log and the command line. */
export function describeRemoval(r: RemovedCampaign): string {
  return `${r.name} (${r.year}, kept until ${r.keptUntil}): ${r.evaluations} evaluation(s), ${r.invitations} invitation(s), ${r.responses} response(s)`;
}
