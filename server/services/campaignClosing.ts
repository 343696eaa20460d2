import type { DB } from '../../db/connect.ts';
import { closeAndSeal, compactAfterSeal } from '../../db/repositories/campaignSeal.ts';
import { campaignHasBoxes, campaignStatuses, overdueCampaignIds } from '../../db/repositories/campaigns.ts';
import { localDate } from '../../shared/rules/campaignDeadline.ts';
import type { StoredGroup } from '../../shared/scoring/respondentGroup.ts';
import { shownGroups } from '../../shared/scoring/shownGroups.ts';
import { ApiError } from '../http/apiError.ts';
import { openBox } from '../security/answerBox.ts';
import type { AnswerKeys } from '../security/answerKeys.ts';
import { loadCampaign, methodologyOf } from './campaigns.ts';
import { keepCampaignResults } from './evaluationResults.ts';

/**
 * Closes an open campaign: in one transaction it turns closed and its answer boxes become plain answers in random
 * order under fresh keys (db/repositories/campaignSeal.ts); then its answer key is destroyed, so that what any
 * copy kept of the open campaign — ciphertext beside the invitations it answered — never opens again. Only then
 * is the close reported. A box that does not open (its key lost) leaves the campaign open, refused with a code
 * that says so. The results the training views read are kept last (and on first use, were that cut short).
 */
async function closeOpen(db: DB, answerKeys: AnswerKeys, id: string, now: Date): Promise<'closed' | 'notOpen'> {
  const campaign = await loadCampaign(db, id);
  const methodology = methodologyOf(campaign.methodology_id);
  const key = answerKeys.keyOf(id);
  const outcome = await closeAndSeal(db, id, now.toISOString(), {
    openBox: (evaluationId, box) => {
      if (!key) throw new ApiError(409, 'campaign.answerKeyMissing', { dir: answerKeys.dir });
      try {
        return openBox(key, evaluationId, box);
      } catch {
        throw new ApiError(409, 'campaign.answerBoxUnreadable', { dir: answerKeys.dir });
      }
    },
    keptGroups: (groups) => shownGroups(groups as StoredGroup[], methodology.rules.minResponsesForReport),
  });
  if (outcome === 'notOpen') return outcome;
  await finishSeal(db, answerKeys, id, outcome.rewrotePlain);
  await keepCampaignResults(db, id, methodology);
  return 'closed';
}

/**
 * What follows the sealing transaction: the key is destroyed; where answers had been stored in plain (a version
 * before answer boxes), the superseded rows are compacted away too — a reader holding the SQLite file (a backup)
 * can keep that from happening, and the close then says so rather than report success; closing again finishes it.
 */
async function finishSeal(db: DB, answerKeys: AnswerKeys, id: string, compact: boolean): Promise<void> {
  answerKeys.destroy(id);
  if (compact && !(await compactAfterSeal(db))) throw new ApiError(503, 'campaign.sealIncomplete');
}

/**
 * HR's close. Closing a campaign that is closed already finishes what an interrupted close left: its key is
 * destroyed and the database compacted — so a close refused with `campaign.sealIncomplete` is simply asked again.
 */
export async function closeCampaign(db: DB, answerKeys: AnswerKeys, id: string, now = new Date()): Promise<void> {
  const campaign = await loadCampaign(db, id);
  if (campaign.status === 'closed' || campaign.status === 'archived') {
    if (campaign.status === 'closed') return finishSeal(db, answerKeys, id, true);
    throw new ApiError(409, 'campaign.notOpen');
  }
  if (campaign.status !== 'open' || (await closeOpen(db, answerKeys, id, now)) === 'notOpen') throw new ApiError(409, 'campaign.notOpen');
}

/** Closes every open campaign whose deadline day has ended; run at start and then every minute. */
export async function closeOverdueCampaigns(db: DB, answerKeys: AnswerKeys, now: Date, timeZone: string): Promise<string[]> {
  const closed: string[] = [];
  for (const id of await overdueCampaignIds(db, localDate(now, timeZone))) {
    if ((await closeOpen(db, answerKeys, id, now)) === 'closed') closed.push(id);
  }
  return closed;
}

export interface KeyCheck {
  /** Keys of campaigns closed (or removed) that an interrupted close had left: destroyed now. */
  destroyed: string[];
  /** Open campaigns that had no key and no answer yet (opened by a version before answer boxes): given one. */
  made: string[];
  /** Open campaigns holding sealed answers whose key is missing: nobody can answer, nor close them, until it is restored. */
  missing: string[];
}

/**
 * At start and every minute: destroys the keys of campaigns no longer open (a close cut short, records removed);
 * gives a key to an open campaign that has none
 * and no sealed answer; names the open campaigns whose key is lost. A draft's key is left alone: it may be one
 * being opened right now.
 */
export async function checkAnswerKeys(db: DB, answerKeys: AnswerKeys): Promise<KeyCheck> {
  const statuses = await campaignStatuses(db);
  const check: KeyCheck = { destroyed: [], made: [], missing: [] };
  for (const id of answerKeys.known()) {
    const status = statuses.get(id);
    if (status === 'open' || status === 'draft') continue;
    answerKeys.destroy(id);
    check.destroyed.push(id);
  }
  for (const [id, status] of statuses) {
    if (status !== 'open' || answerKeys.keyOf(id)) continue;
    if (await campaignHasBoxes(db, id)) check.missing.push(id);
    else {
      answerKeys.create(id);
      check.made.push(id);
    }
  }
  return check;
}
