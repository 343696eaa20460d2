import { sql } from 'kysely';
import type { DB } from '../connect.ts';
import { newId, nowIso } from '../ids.ts';

/**
 * Deliveries of invitations and reminders. Every claim goes through the unique (invitation, channel, slot)
 * or a conditional update of the row's status, so concurrent requests or processes never send one message twice.
 */
export type DeliveryKind = 'invitation' | 'reminder';
export const INVITATION_SLOT = 'invitation';
const ACTIVE = ['pending', 'sending'];

/** Unanswered invitations of a campaign whose respondent has an e-mail address, optionally only `only`. */
function mailableInvitations(db: DB, campaignId: string, only: readonly string[] | null) {
  let query = db
    .selectFrom('invitation as i')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('person as p', 'p.id', 'i.respondent_id')
    .select('i.id')
    .where('e.campaign_id', '=', campaignId)
    .where('i.answered', '=', 0)
    .where('p.email', 'is not', null)
    .where('p.email', '<>', '');
  if (only) query = query.where('i.id', 'in', only.length ? only : ['']);
  return query;
}

function newRow(invitationId: string, kind: DeliveryKind, channel: 'email' | 'print', slot: string, status: string, origin: string) {
  const stamp = nowIso();
  return { id: newId(), invitation_id: invitationId, kind, channel, slot, status, attempts: 0, last_error: null, link_origin: origin, created_at: stamp, updated_at: stamp, sent_at: null };
}

/**
 * Queues one e-mail in `slot` for each mailable invitation that has none there yet; returns how many were
 * queued. The unique key decides races: a row another request inserted first is left alone.
 */
export async function queueNew(db: DB, campaignId: string, kind: DeliveryKind, slot: string, origin: string): Promise<number> {
  const ids = (await mailableInvitations(db, campaignId, null).execute()).map((r) => r.id);
  let queued = 0;
  for (const invitationId of ids) {
    const inserted = await db
      .insertInto('delivery')
      .values(newRow(invitationId, kind, 'email', slot, 'pending', origin))
      .onConflict((oc) => oc.columns(['invitation_id', 'channel', 'slot']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) queued += 1;
  }
  return queued;
}

/** The chosen invitations that can be mailed; the caller refuses the request when some cannot. */
export async function mailableAmong(db: DB, campaignId: string, invitationIds: readonly string[]): Promise<string[]> {
  return (await mailableInvitations(db, campaignId, invitationIds).execute()).map((r) => r.id);
}

/** HR's explicit re-send: queues the invitation e-mail again unless it is already queued or being sent. */
export async function requeueInvitations(db: DB, invitationIds: readonly string[], origin: string): Promise<number> {
  let queued = 0;
  for (const invitationId of invitationIds) {
    const row = await db
      .insertInto('delivery')
      .values(newRow(invitationId, 'invitation', 'email', INVITATION_SLOT, 'pending', origin))
      .onConflict((oc) =>
        oc
          .columns(['invitation_id', 'channel', 'slot'])
          .doUpdateSet({ status: 'pending', attempts: 0, last_error: null, link_origin: origin, updated_at: nowIso() })
          .where('delivery.status', 'not in', ACTIVE),
      )
      .returning('id')
      .executeTakeFirst();
    if (row) queued += 1;
  }
  return queued;
}

/** Puts a campaign's failed e-mails back in the queue. */
export async function requeueFailed(db: DB, campaignId: string): Promise<number> {
  const result = await db
    .updateTable('delivery')
    .set({ status: 'pending', attempts: 0, updated_at: nowIso() })
    .where('status', '=', 'failed')
    .where('channel', '=', 'email')
    .where('invitation_id', 'in', (eb) =>
      eb.selectFrom('invitation as i').innerJoin('evaluation as e', 'e.id', 'i.evaluation_id').select('i.id').where('e.campaign_id', '=', campaignId),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The oldest queued delivery, if any. */
export async function nextPending(db: DB): Promise<string | undefined> {
  const row = await db.selectFrom('delivery').select('id').where('status', '=', 'pending').orderBy('created_at').orderBy('id').executeTakeFirst();
  return row?.id;
}

/** Takes a queued delivery for sending; false when another worker took it first. */
export async function claim(db: DB, id: string): Promise<boolean> {
  const result = await db.updateTable('delivery').set({ status: 'sending', updated_at: nowIso() }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface DeliveryJob {
  id: string;
  kind: DeliveryKind;
  invitationId: string;
  answered: boolean;
  isSelf: boolean;
  respondentName: string;
  email: string | null;
  evaluatedName: string;
  campaignName: string;
  campaignStatus: string;
  deadline: string;
  origin: string;
}

export async function deliveryJob(db: DB, id: string): Promise<DeliveryJob | undefined> {
  const row = await db
    .selectFrom('delivery as d')
    .innerJoin('invitation as i', 'i.id', 'd.invitation_id')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('campaign as c', 'c.id', 'e.campaign_id')
    .innerJoin('person as p', 'p.id', 'i.respondent_id')
    .select([
      'd.id', 'd.kind', 'd.link_origin as origin', 'i.id as invitationId', 'i.answered', 'i.relation', 'p.full_name as respondentName', 'p.email',
      'e.full_name as evaluatedName', 'c.name as campaignName', 'c.status as campaignStatus', 'c.deadline',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { answered, relation, kind, ...rest } = row;
  return { ...rest, kind: kind as DeliveryKind, answered: answered === 1, isSelf: relation === 'self', email: rest.email || null };
}

/**
 * Replaces an invitation's link hash, only while it is unanswered and its campaign open: the previous link
 * stops working. False when the invitation no longer qualifies.
 */
export async function replaceTokenHash(db: DB, invitationId: string, tokenHash: string): Promise<boolean> {
  const result = await db
    .updateTable('invitation')
    .set({ token_hash: tokenHash })
    .where('id', '=', invitationId)
    .where('answered', '=', 0)
    .where('evaluation_id', 'in', (eb) =>
      eb.selectFrom('evaluation as e').innerJoin('campaign as c', 'c.id', 'e.campaign_id').select('e.id').where('c.status', '=', 'open'),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordAttempt(db: DB, id: string, attempts: number, error: string): Promise<void> {
  await db.updateTable('delivery').set({ attempts, last_error: error, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function finish(db: DB, id: string, outcome: { status: 'sent' | 'failed'; attempts: number; error: string | null }): Promise<void> {
  const stamp = nowIso();
  await db
    .updateTable('delivery')
    .set({ status: outcome.status, attempts: outcome.attempts, last_error: outcome.error, updated_at: stamp, ...(outcome.status === 'sent' && { sent_at: stamp }) })
    .where('id', '=', id)
    .execute();
}

/** A delivery no longer needed: the invitation was answered or the campaign closed before it went out. */
export async function drop(db: DB, id: string): Promise<void> {
  await db.deleteFrom('delivery').where('id', '=', id).execute();
}

/** At start-up: sends cut off by a stop are failures HR can see and retry (whether they left is unknown). */
export async function failInterrupted(db: DB, error: string): Promise<number> {
  const result = await db.updateTable('delivery').set({ status: 'failed', last_error: error, updated_at: nowIso() }).where('status', '=', 'sending').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface SheetTarget {
  invitationId: string;
  respondentName: string;
  evaluatedName: string;
  relation: string;
}

/** Unanswered invitations to print: the chosen ones, or those of respondents without e-mail not printed yet. */
export async function sheetTargets(db: DB, campaignId: string, only: readonly string[] | null): Promise<SheetTarget[]> {
  let query = db
    .selectFrom('invitation as i')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('person as p', 'p.id', 'i.respondent_id')
    .select(['i.id as invitationId', 'p.full_name as respondentName', 'e.full_name as evaluatedName', 'i.relation'])
    .where('e.campaign_id', '=', campaignId)
    .where('i.answered', '=', 0);
  if (only) {
    query = query.where('i.id', 'in', only.length ? only : ['']);
  } else {
    query = query
      .where((eb) => eb.or([eb('p.email', 'is', null), eb('p.email', '=', '')]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('delivery as d').select('d.id').whereRef('d.invitation_id', '=', 'i.id').where('d.channel', '=', 'print'))));
  }
  return query.orderBy('p.full_name').orderBy('e.full_name').execute();
}

/** Stores the printed sheets' link hashes and records them as delivered on paper, all or none. */
export async function recordPrinted(db: DB, pairs: ReadonlyArray<{ invitationId: string; tokenHash: string }>, origin: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const p of pairs) {
      await trx.updateTable('invitation').set({ token_hash: p.tokenHash }).where('id', '=', p.invitationId).where('answered', '=', 0).execute();
      const stamp = nowIso();
      await trx
        .insertInto('delivery')
        .values({ ...newRow(p.invitationId, 'invitation', 'print', INVITATION_SLOT, 'sent', origin), attempts: 1, sent_at: stamp })
        .onConflict((oc) =>
          oc.columns(['invitation_id', 'channel', 'slot']).doUpdateSet((eb) => ({ attempts: eb('delivery.attempts', '+', 1), updated_at: stamp, sent_at: stamp, link_origin: origin })),
        )
        .execute();
    }
  });
}

export interface InvitationDelivery {
  invitationId: string;
  respondentName: string;
  email: string | null;
  evaluatedName: string;
  relation: string;
  answered: boolean;
  /** The invitation e-mail's status, or null when none was sent. */
  emailStatus: string | null;
  printed: boolean;
}

export async function invitationDeliveries(db: DB, campaignId: string): Promise<InvitationDelivery[]> {
  const rows = await db
    .selectFrom('invitation as i')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('person as p', 'p.id', 'i.respondent_id')
    .leftJoin('delivery as m', (j) => j.onRef('m.invitation_id', '=', 'i.id').on('m.channel', '=', 'email').on('m.slot', '=', INVITATION_SLOT))
    .leftJoin('delivery as s', (j) => j.onRef('s.invitation_id', '=', 'i.id').on('s.channel', '=', 'print').on('s.slot', '=', INVITATION_SLOT))
    .select(['i.id as invitationId', 'p.full_name as respondentName', 'p.email', 'e.full_name as evaluatedName', 'i.relation', 'i.answered', 'm.status as emailStatus', 's.id as printId'])
    .where('e.campaign_id', '=', campaignId)
    .orderBy('p.full_name')
    .orderBy('e.full_name')
    .execute();
  return rows.map(({ answered, printId, email, ...r }) => ({ ...r, email: email || null, answered: answered === 1, printed: printId !== null }));
}

export interface FailedDelivery {
  id: string;
  invitationId: string;
  kind: string;
  respondentName: string;
  email: string | null;
  evaluatedName: string;
  attempts: number;
  error: string | null;
  updatedAt: string;
}

export async function failedDeliveries(db: DB, campaignId: string): Promise<FailedDelivery[]> {
  const rows = await db
    .selectFrom('delivery as d')
    .innerJoin('invitation as i', 'i.id', 'd.invitation_id')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('person as p', 'p.id', 'i.respondent_id')
    .select(['d.id', 'd.invitation_id as invitationId', 'd.kind', 'p.full_name as respondentName', 'p.email', 'e.full_name as evaluatedName', 'd.attempts', 'd.last_error as error', 'd.updated_at as updatedAt'])
    .where('e.campaign_id', '=', campaignId)
    .where('d.status', '=', 'failed')
    .orderBy('d.updated_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, email: r.email || null, attempts: Number(r.attempts) }));
}

/** Queued or in-flight e-mails of a campaign: what the progress display waits on. */
export async function activeCount(db: DB, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('delivery as d')
    .innerJoin('invitation as i', 'i.id', 'd.invitation_id')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('e.campaign_id', '=', campaignId)
    .where('d.status', 'in', ACTIVE)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getSchedule(db: DB, campaignId: string): Promise<number[]> {
  const row = await db.selectFrom('reminder_schedule').select('days_before').where('campaign_id', '=', campaignId).executeTakeFirst();
  return row ? (JSON.parse(row.days_before) as number[]) : [];
}

export async function saveSchedule(db: DB, campaignId: string, daysBefore: readonly number[], origin: string): Promise<void> {
  const values = { days_before: JSON.stringify(daysBefore), link_origin: origin, updated_at: nowIso() };
  await db
    .insertInto('reminder_schedule')
    .values({ campaign_id: campaignId, ...values })
    .onConflict((oc) => oc.column('campaign_id').doUpdateSet(values))
    .execute();
}

export interface ScheduledCampaign {
  campaignId: string;
  deadline: string;
  daysBefore: number[];
  origin: string;
}

/** Open campaigns with automatic reminders. */
export async function scheduledCampaigns(db: DB): Promise<ScheduledCampaign[]> {
  const rows = await db
    .selectFrom('reminder_schedule as r')
    .innerJoin('campaign as c', 'c.id', 'r.campaign_id')
    .select(['c.id as campaignId', 'c.deadline', 'r.days_before', 'r.link_origin as origin'])
    .where('c.status', '=', 'open')
    .execute();
  return rows.map(({ days_before, ...r }) => ({ ...r, daysBefore: JSON.parse(days_before) as number[] })).filter((r) => r.daysBefore.length > 0);
}
