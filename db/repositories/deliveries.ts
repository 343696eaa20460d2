import { sql } from 'kysely';
import type { DB } from '../connect.ts';
import { newId, nowIso } from '../ids.ts';
import { addLinks, removeLinksOf, replaceLinks, type MintLink } from './links.ts';

/**
 * Deliveries of invitations and reminders. Every claim goes through the unique (invitation, channel, slot)
 * or a conditional update of the row's status, so concurrent requests or processes never send one message twice.
 */
export type DeliveryKind = 'invitation' | 'reminder';
export const INVITATION_SLOT = 'invitation';
const ACTIVE = ['pending', 'sending'];

/** Unanswered invitations of a campaign, as `i` with its evaluation `e` and respondent `p`. */
function unanswered(db: DB, campaignId: string) {
  return db
    .selectFrom('invitation as i')
    .innerJoin('evaluation as e', 'e.id', 'i.evaluation_id')
    .innerJoin('person as p', 'p.id', 'i.respondent_id')
    .where('e.campaign_id', '=', campaignId)
    .where('i.answered', '=', 0);
}

/** Unanswered invitations of a campaign whose respondent has an e-mail address, optionally only `only`. */
function mailableInvitations(db: DB, campaignId: string, only: readonly string[] | null) {
  const query = unanswered(db, campaignId).where('p.email', 'is not', null).where('p.email', '<>', '');
  return only ? query.where('i.id', 'in', only.length ? only : ['']) : query;
}

const DELIVERY_COLUMNS = ['id', 'invitation_id', 'kind', 'channel', 'slot', 'status', 'attempts', 'last_error', 'link_origin', 'created_at', 'updated_at', 'sent_at'] as const;

interface NewDeliveries {
  kind: DeliveryKind;
  channel: 'email' | 'print';
  slot: string;
  status: 'pending' | 'sent';
  origin: string;
}

/**
 * The rows of new deliveries, one per invitation the query selects, for an INSERT … SELECT. SQLite and
 * PostgreSQL share no UUID function, so each id joins a fresh random UUID's first half (version nibble
 * included) to the invitation id's second half (62 random bits): a UUID in form, as unlikely to collide.
 */
function deliveryRows(query: ReturnType<typeof unanswered>, d: NewDeliveries) {
  const stamp = nowIso();
  const sent = d.status === 'sent';
  return query.select((eb) => [
    sql<string>`${newId().slice(0, 18)} || substr(i.id, 19)`.as('id'),
    'i.id as invitation_id',
    eb.val(d.kind).as('kind'),
    eb.val(d.channel).as('channel'),
    eb.val(d.slot).as('slot'),
    eb.val(d.status).as('status'),
    sql.lit(sent ? 1 : 0).as('attempts'),
    sql<null>`null`.as('last_error'),
    eb.val(d.origin).as('link_origin'),
    eb.val(stamp).as('created_at'),
    eb.val(stamp).as('updated_at'),
    sent ? eb.val(stamp).as('sent_at') : sql<null>`null`.as('sent_at'),
  ]);
}

/**
 * Queues one e-mail in `slot` for each mailable invitation that has none there yet, in one statement; returns
 * how many were queued. The unique key decides races: a row another request inserted first is left alone.
 */
export async function queueNew(db: DB, campaignId: string, kind: DeliveryKind, slot: string, origin: string): Promise<number> {
  // Leaving out the invitations already queued spares each a conflicting insertion (3× faster on a repeat);
  // the conflict clause stays for rows a concurrent request inserts in between.
  const notQueued = mailableInvitations(db, campaignId, null).where((eb) =>
    eb.not(eb.exists(eb.selectFrom('delivery as d').select('d.id').whereRef('d.invitation_id', '=', 'i.id').where('d.channel', '=', 'email').where('d.slot', '=', slot))),
  );
  const result = await db
    .insertInto('delivery')
    .columns(DELIVERY_COLUMNS)
    .expression(deliveryRows(notQueued, { kind, channel: 'email', slot, status: 'pending', origin }))
    .onConflict((oc) => oc.columns(['invitation_id', 'channel', 'slot']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** The chosen invitations that can be mailed; the caller refuses the request when some cannot. */
export async function mailableAmong(db: DB, campaignId: string, invitationIds: readonly string[]): Promise<string[]> {
  return (await mailableInvitations(db, campaignId, invitationIds).select('i.id').execute()).map((r) => r.id);
}

/**
 * HR's explicit re-send: queues the invitation e-mail again unless it is already queued or being sent. The
 * re-queued invitations' links stop working at once: re-sending is how HR replaces a link that went astray.
 */
export async function requeueInvitations(db: DB, campaignId: string, invitationIds: readonly string[], origin: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const requeued = await trx
      .insertInto('delivery')
      .columns(DELIVERY_COLUMNS)
      .expression(deliveryRows(mailableInvitations(trx, campaignId, invitationIds), { kind: 'invitation', channel: 'email', slot: INVITATION_SLOT, status: 'pending', origin }))
      .onConflict((oc) =>
        oc
          .columns(['invitation_id', 'channel', 'slot'])
          .doUpdateSet({ status: 'pending', attempts: 0, last_error: null, link_origin: origin, updated_at: nowIso() })
          .where('delivery.status', 'not in', ACTIVE),
      )
      .returning('invitation_id')
      .execute();
    await removeLinksOf(trx, requeued.map((r) => r.invitation_id));
    return requeued.length;
  });
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
  /** The account that set the respondent's address: it holds the link sent there (link_holder). */
  emailSetBy: string | null;
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
      'e.full_name as evaluatedName', 'c.name as campaignName', 'c.status as campaignStatus', 'c.deadline', 'p.email_set_by as emailSetBy',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { answered, relation, kind, ...rest } = row;
  return { ...rest, kind: kind as DeliveryKind, answered: answered === 1, isSelf: relation === 'self', email: rest.email || null };
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

/**
 * Claims invitations to print and gives each a new link, in one transaction: the chosen ones (HR's re-issue:
 * their earlier links stop working), or else those of respondents without e-mail that no request has printed
 * — claimed by inserting their print delivery, so that of two concurrent requests each invitation goes to
 * one. Null, with nothing changed, when some chosen invitation cannot be printed.
 */
export async function claimSheets(db: DB, campaignId: string, only: readonly string[] | null, origin: string, mint: MintLink, holderId: string | null): Promise<SheetTarget[] | null> {
  return db.transaction().execute(async (trx) => {
    const details = unanswered(trx, campaignId)
      .select(['i.id as invitationId', 'p.full_name as respondentName', 'e.full_name as evaluatedName', 'i.relation'])
      .orderBy('p.full_name')
      .orderBy('e.full_name');
    const printed = { kind: 'invitation', channel: 'print', slot: INVITATION_SLOT, status: 'sent', origin } as const;
    if (only) {
      const targets = await details.where('i.id', 'in', only.length ? only : ['']).execute();
      if (targets.length !== only.length) return null;
      const ids = targets.map((t) => t.invitationId);
      await replaceLinks(trx, ids, mint, holderId);
      const stamp = nowIso();
      await trx
        .insertInto('delivery')
        .columns(DELIVERY_COLUMNS)
        .expression(deliveryRows(unanswered(trx, campaignId).where('i.id', 'in', ids), printed))
        .onConflict((oc) =>
          oc.columns(['invitation_id', 'channel', 'slot']).doUpdateSet((eb) => ({ attempts: eb('delivery.attempts', '+', 1), updated_at: stamp, sent_at: stamp, link_origin: origin })),
        )
        .execute();
      return targets;
    }
    const withoutEmail = unanswered(trx, campaignId).where((eb) => eb.or([eb('p.email', 'is', null), eb('p.email', '=', '')]));
    const claimed = await trx
      .insertInto('delivery')
      .columns(DELIVERY_COLUMNS)
      .expression(deliveryRows(withoutEmail, printed))
      .onConflict((oc) => oc.columns(['invitation_id', 'channel', 'slot']).doNothing())
      .returning('invitation_id')
      .execute();
    const ids = claimed.map((r) => r.invitation_id);
    if (ids.length === 0) return [];
    await addLinks(trx, ids, mint, holderId);
    return details.where('i.id', 'in', ids).execute();
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

/** Saves a campaign's schedule; the job applies it anew, even on a day it already did (the unique key stops repeats). */
export async function saveSchedule(db: DB, campaignId: string, daysBefore: readonly number[], origin: string): Promise<void> {
  const values = { days_before: JSON.stringify(daysBefore), link_origin: origin, updated_at: nowIso(), checked_on: null };
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

/** Open campaigns with automatic reminders whose schedule has not been applied on `today` yet. */
export async function scheduledCampaigns(db: DB, today: string): Promise<ScheduledCampaign[]> {
  const rows = await db
    .selectFrom('reminder_schedule as r')
    .innerJoin('campaign as c', 'c.id', 'r.campaign_id')
    .select(['c.id as campaignId', 'c.deadline', 'r.days_before', 'r.link_origin as origin'])
    .where('c.status', '=', 'open')
    .where((eb) => eb.or([eb('r.checked_on', 'is', null), eb('r.checked_on', '<>', today)]))
    .execute();
  return rows.map(({ days_before, ...r }) => ({ ...r, daysBefore: JSON.parse(days_before) as number[] })).filter((r) => r.daysBefore.length > 0);
}

/**
 * Applies a campaign's schedule for `today`: queues the reminders of the point due today, if any, and notes
 * the day, both or neither, so the job does not redo an occasion every minute. Returns how many were queued.
 */
export async function applySchedule(db: DB, campaign: ScheduledCampaign, slot: string | null, today: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const queued = slot ? await queueNew(trx, campaign.campaignId, 'reminder', slot, campaign.origin) : 0;
    await trx.updateTable('reminder_schedule').set({ checked_on: today }).where('campaign_id', '=', campaign.campaignId).execute();
    return queued;
  });
}
