import { Hono } from 'hono';
import { getCampaign } from '../../db/repositories/campaigns.ts';
import { calendarOverrideBody, calendarYearParam } from '../../shared/schemas/calendar.ts';
import { ApiError, validationError } from '../http/apiError.ts';
import { auditDetails } from '../http/auditTrail.ts';
import { parseBody } from '../http/parseBody.ts';
import { requireRole } from '../http/requireRole.ts';
import type { AppEnv } from '../http/session.ts';
import * as calendar from '../services/calendar.ts';
import type { AppDeps } from './deps.ts';

/** The working-day calendar: every staff account reads it, only administrators change it. */
export function calendarRoutes({ conn: { db }, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/calendar/:year', async (c) => {
      const year = calendarYearParam.safeParse(c.req.param('year'));
      if (!year.success) throw validationError(year.error);
      return c.json(await calendar.calendarYear(db, year.data));
    })
    .post('/calendar/overrides', requireRole('admin'), async (c) => {
      const body = await parseBody(c, calendarOverrideBody);
      auditDetails(c, { name: `${body.date} ${body.kind}` });
      return c.json({ id: await calendar.addOverride(db, body, c.get('user').id) }, 201);
    })
    .delete('/calendar/overrides/:id', requireRole('admin'), async (c) => {
      await calendar.removeOverride(db, c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/campaigns/:id/schedule', async (c) => {
      const campaign = await getCampaign(db, c.req.param('id'));
      if (!campaign) throw new ApiError(404, 'campaign.notFound');
      return c.json(await calendar.campaignSchedule(db, campaign, config.timeZone));
    });
}
