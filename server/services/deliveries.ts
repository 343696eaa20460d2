import type { DB } from '../../db/connect.ts';
import { getCampaign } from '../../db/repositories/campaigns.ts';
import * as deliveries from '../../db/repositories/deliveries.ts';
import { localDate } from '../../shared/rules/campaignDeadline.ts';
import { duePoint, localHour, REMINDER_HOUR, reminderPoints, type ReminderPoint } from '../../shared/rules/reminderSchedule.ts';
import { ApiError } from '../http/apiError.ts';
import type { DeliveryWorker } from './deliveryWorker.ts';
import { loadWorkingCalendar } from '../calendar/loadWorkingCalendar.ts';

async function loadCampaign(db: DB, id: string) {
  const campaign = await getCampaign(db, id);
  if (!campaign) throw new ApiError(404, 'campaign.notFound');
  return campaign;
}

/** E-mail goes out only from a configured server, for an open campaign (a draft's links would not open yet). */
async function loadMailableCampaign(db: DB, worker: DeliveryWorker, id: string) {
  const campaign = await loadCampaign(db, id);
  if (!worker.enabled) throw new ApiError(409, 'mail.disabled');
  if (campaign.status !== 'open') throw new ApiError(409, 'invitations.notOpen');
  return campaign;
}

/**
 * Queues the invitation e-mail of every mailable invitation not yet e-mailed (links handed out before keep
 * working), or — HR's explicit re-send — of the chosen ones, whose earlier links stop working at once.
 * Returns at once; the worker sends in the background.
 */
export async function sendInvitations(db: DB, worker: DeliveryWorker, campaignId: string, invitationIds: readonly string[] | undefined, origin: string): Promise<number> {
  await loadMailableCampaign(db, worker, campaignId);
  let queued: number;
  if (invitationIds) {
    const wanted = [...new Set(invitationIds)];
    const mailable = await deliveries.mailableAmong(db, campaignId, wanted);
    if (mailable.length !== wanted.length) throw new ApiError(422, 'invitations.notSendable');
    queued = await deliveries.requeueInvitations(db, campaignId, mailable, origin);
  } else {
    queued = await deliveries.queueNew(db, campaignId, 'invitation', deliveries.INVITATION_SLOT, origin);
  }
  void worker.kick();
  return queued;
}

export async function retryFailed(db: DB, worker: DeliveryWorker, campaignId: string): Promise<number> {
  await loadMailableCampaign(db, worker, campaignId);
  const queued = await deliveries.requeueFailed(db, campaignId);
  void worker.kick();
  return queued;
}

/** HR's "remind now": one reminder per unanswered invitation per day, however often the button is pressed. */
export async function remindNow(db: DB, worker: DeliveryWorker, campaignId: string, origin: string, now: Date, timeZone: string): Promise<number> {
  await loadMailableCampaign(db, worker, campaignId);
  const queued = await deliveries.queueNew(db, campaignId, 'reminder', `manual:${localDate(now, timeZone)}`, origin);
  void worker.kick();
  return queued;
}

async function pointsOf(db: DB, deadline: string, daysBefore: readonly number[]): Promise<ReminderPoint[]> {
  const year = Number(deadline.slice(0, 4));
  return reminderPoints(await loadWorkingCalendar(db, [year - 1, year]), deadline, daysBefore);
}

export async function saveSchedule(db: DB, campaignId: string, daysBefore: readonly number[], origin: string): Promise<void> {
  await loadCampaign(db, campaignId);
  await deliveries.saveSchedule(db, campaignId, [...new Set(daysBefore)].sort((a, b) => b - a), origin);
}

/** Everything the invitations panel shows; polled while messages are being sent. */
export async function deliveryOverview(db: DB, worker: DeliveryWorker, campaignId: string) {
  const campaign = await loadCampaign(db, campaignId);
  const [invitations, failures, pending, daysBefore] = await Promise.all([
    deliveries.invitationDeliveries(db, campaignId),
    deliveries.failedDeliveries(db, campaignId),
    deliveries.activeCount(db, campaignId),
    deliveries.getSchedule(db, campaignId),
  ]);
  const withEmail = invitations.filter((i) => i.email).length;
  return {
    mailEnabled: worker.enabled,
    counts: {
      withEmail,
      withoutEmail: invitations.length - withEmail,
      emailed: invitations.filter((i) => i.emailStatus === 'sent').length,
      printed: invitations.filter((i) => i.printed).length,
      failed: failures.length,
      pending,
    },
    invitations,
    failures,
    schedule: { daysBefore, points: await pointsOf(db, campaign.deadline, daysBefore) },
  };
}

/**
 * The scheduled job: queues the reminders of every schedule point whose day it is (from REMINDER_HOUR on),
 * once that day, then sends whatever is queued, including messages a restart left waiting.
 */
export async function sendDueReminders(db: DB, worker: DeliveryWorker, now: Date, timeZone: string): Promise<number> {
  let queued = 0;
  if (worker.enabled && localHour(now, timeZone) >= REMINDER_HOUR) {
    const today = localDate(now, timeZone);
    for (const c of await deliveries.scheduledCampaigns(db, today)) {
      const point = duePoint(await pointsOf(db, c.deadline, c.daysBefore), today);
      queued += await deliveries.applySchedule(db, c, point && `auto:${point.daysBefore}`, today);
    }
  }
  await worker.kick();
  return queued;
}
