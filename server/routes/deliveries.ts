import { Hono, type Context } from 'hono';
import { chosenInvitationsBody, reminderScheduleBody } from '../../shared/schemas/deliveries.ts';
import { auditDetails } from '../http/auditTrail.ts';
import { linkOrigin } from '../http/linkOrigin.ts';
import { parseBody } from '../http/parseBody.ts';
import type { AppEnv } from '../http/session.ts';
import { smtpMailer } from '../mail/mailer.ts';
import * as deliveries from '../services/deliveries.ts';
import { DeliveryWorker } from '../services/deliveryWorker.ts';
import { printSheets } from '../services/sheets.ts';
import type { AppDeps } from './deps.ts';

/** Invitations by e-mail, reminders and printed sheets; sending is queued and answered with 202 at once. */
export function deliveryRoutes({ conn: { db }, config, now, deliveryWorker }: AppDeps) {
  const worker = deliveryWorker ?? new DeliveryWorker(db, smtpMailer(config.mail));
  const origin = (c: Context) => linkOrigin(config, c);
  const queued = (c: Context<AppEnv>, count: number) => {
    auditDetails(c, { count });
    return c.json({ queued: count }, 202);
  };
  return new Hono<AppEnv>()
    .get('/campaigns/:id/deliveries', async (c) => c.json(await deliveries.deliveryOverview(db, worker, c.req.param('id'))))
    .post('/campaigns/:id/deliveries/invitations', async (c) => {
      const { invitationIds } = await parseBody(c, chosenInvitationsBody);
      return queued(c, await deliveries.sendInvitations(db, worker, c.req.param('id'), invitationIds, origin(c)));
    })
    .post('/campaigns/:id/deliveries/retry', async (c) => queued(c, await deliveries.retryFailed(db, worker, c.req.param('id'))))
    .post('/campaigns/:id/deliveries/reminders', async (c) =>
      queued(c, await deliveries.remindNow(db, worker, c.req.param('id'), origin(c), now(), config.timeZone)),
    )
    .put('/campaigns/:id/deliveries/schedule', async (c) => {
      const { daysBefore } = await parseBody(c, reminderScheduleBody);
      await deliveries.saveSchedule(db, c.req.param('id'), daysBefore, origin(c));
      return c.body(null, 204);
    })
    .post('/campaigns/:id/sheets', async (c) => {
      const { invitationIds } = await parseBody(c, chosenInvitationsBody);
      const printed = await printSheets(db, c.req.param('id'), invitationIds, origin(c), c.get('user').id);
      auditDetails(c, { count: printed.sheets.length });
      return c.json(printed, 201);
    });
}
