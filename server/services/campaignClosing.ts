import type { DB } from '../../db/connect.ts';
import { closeAndSeal, compactAfterSeal } from '../../db/repositories/campaignSeal.ts';
import { campaignKeyStates, claimKeyCheck, getCampaign, overdueCampaignIds } from '../../db/repositories/campaigns.ts';
import { localDate } from '../../shared/rules/campaignDeadline.ts';
import type { StoredGroup } from '../../shared/scoring/respondentGroup.ts';
import { shownGroups } from '../../shared/scoring/shownGroups.ts';
import { ApiError } from '../http/apiError.ts';
import { openBox } from '../security/answerBox.ts';
import { checkOf, type AnswerKeys } from '../security/answerKeys.ts';
import { loadCampaign, methodologyOf } from './campaigns.ts';
import { keepCampaignResults } from './evaluationResults.ts';

/**
 * Closes an open campaign: in one transaction it turns closed and its answer boxes become plain answers in random
 * order under fresh keys (db/repositories/campaignSeal.ts); then its answer key is destroyed, so that what any
 * copy kept of the open campaign — ciphertext beside the invitations it answered — never opens again. Only then
 * is the close reported. A box that does not open (its key lost or another) leaves the campaign open, refused with
 * a code that says so. The results the training views read are kept last (and on first use, were that cut short).
 */
async function closeOpen(db: DB, answerKeys: AnswerKeys, id: string, now: Date): Promise<'closed' | 'notOpen'> {
  const campaign = await loadCampaign(db, id);
  const methodology = methodologyOf(campaign.methodology_id);
  const key = answerKeys.keyMatching(id, campaign.answer_key_check);
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
  await finishSeal(db, answerKeys, id, outcome.rewrotePlain ? 'first' : null);
  await keepCampaignResults(db, id, methodology);
  return 'closed';
}

/**
 * What follows the sealing transaction: the key is destroyed; where answers had been stored in plain (a version
 * before answer boxes), the superseded rows are compacted away too — a reader holding the SQLite file (a backup)
 * can keep that from happening, and the close then says so rather than report success; closing again finishes it.
 */
async function finishSeal(db: DB, answerKeys: AnswerKeys, id: string, compact: 'first' | 'again' | null): Promise<void> {
  answerKeys.destroy(id);
  if (compact && !(await compactAfterSeal(db, compact === 'again'))) throw new ApiError(503, 'campaign.sealIncomplete');
}

/**
 * HR's close. Closing a campaign that is closed already finishes what an interrupted close left: its key is
 * destroyed and the database compacted — so a close refused with `campaign.sealIncomplete` is simply asked again.
 */
export async function closeCampaign(db: DB, answerKeys: AnswerKeys, id: string, now = new Date()): Promise<void> {
  const campaign = await loadCampaign(db, id);
  if (campaign.status === 'closed') return finishSeal(db, answerKeys, id, 'again');
  if (campaign.status !== 'open' || (await closeOpen(db, answerKeys, id, now)) === 'notOpen') throw new ApiError(409, 'campaign.notOpen');
}

/**
 * Closes every open campaign whose deadline day has ended; run at start and then every minute. One that cannot
 * close (its key lost) is reported and left open; the others close all the same.
 */
export async function closeOverdueCampaigns(db: DB, answerKeys: AnswerKeys, now: Date, timeZone: string): Promise<string[]> {
  const closed: string[] = [];
  for (const id of await overdueCampaignIds(db, localDate(now, timeZone))) {
    try {
      if ((await closeOpen(db, answerKeys, id, now)) === 'closed') closed.push(id);
    } catch (error) {
      console.error(`Campaign ${id} is past its deadline but could not be closed:`, error instanceof ApiError ? error.code : error);
    }
  }
  return closed;
}

export interface KeyCheck {
  /** Keys of closed or archived campaigns that an interrupted close had left: destroyed now. */
  destroyed: string[];
  /** Open campaigns opened by a version before answer keys (no check value): given one now. */
  made: string[];
  /** Open campaigns whose key this server's folder lacks, or holds another one of: nobody can answer them here, nor close them, until it is restored. */
  missing: string[];
}

/**
 * At start and every minute: destroys the keys of campaigns closed or archived (a close cut short); gives a key to
 * an open campaign opened by an earlier version, once (the first server to claim it sets its check value); names
 * the open campaigns whose key this folder does not hold. A key whose campaign the database does not know is left
 * alone — another installation may share the folder — and so is a draft's: it may be one being opened right now.
 */
export async function checkAnswerKeys(db: DB, answerKeys: AnswerKeys): Promise<KeyCheck> {
  const campaigns = await campaignKeyStates(db);
  const check: KeyCheck = { destroyed: [], made: [], missing: [] };
  for (const id of answerKeys.known()) {
    const status = campaigns.get(id)?.status;
    if (status !== 'closed' && status !== 'archived') continue;
    answerKeys.destroy(id);
    check.destroyed.push(id);
  }
  for (const [id, { status, keyCheck }] of campaigns) {
    if (status !== 'open') continue;
    if (keyCheck === null && (await claimKeyCheck(db, id, checkOf(answerKeys.create(id))))) {
      check.made.push(id);
      continue;
    }
    // Claimed by another server meanwhile: its key is the campaign's.
    const current = keyCheck ?? (await getCampaign(db, id))?.answer_key_check ?? null;
    if (!answerKeys.keyMatching(id, current)) check.missing.push(id);
  }
  return check;
}
