import { Hono } from 'hono';
import { courseGroupQuery, releaseBody, trainingQuery } from '../../shared/schemas/training.ts';
import { auditDetails, auditRead } from '../http/auditTrail.ts';
import { parseBody, parseQuery } from '../http/parseBody.ts';
import type { AppEnv } from '../http/session.ts';
import { releaseGroup, trainingCampaigns, trainingExport, trainingGroupPage, trainingGroups, trainingOverview, withdrawRelease } from '../services/training.ts';
import type { AppDeps } from './deps.ts';

/**
 * Training needs (§37). Outside the HR-only /campaigns prefix on purpose: trainers use these routes, and each
 * service call decides what the viewer may see (shared/access/trainingAccess.ts); staff accounts are refused.
 */
export function trainingRoutes({ conn: { db }, now }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/training', async (c) => c.json({ campaigns: await trainingCampaigns(db, c.get('user')) }))
    .get('/training/:campaignId', async (c) => {
      const q = parseQuery(c, trainingQuery);
      return c.json(await trainingOverview(db, c.get('user'), c.req.param('campaignId'), q.criterion));
    })
    .get('/training/:campaignId/groups', async (c) => {
      const q = parseQuery(c, trainingQuery);
      const result = await trainingGroups(db, c.get('user'), c.req.param('campaignId'), q.criterion);
      auditRead(c, { count: result.groups.reduce((n, g) => n + g.members.length, 0) });
      return c.json(result);
    })
    .get('/training/:campaignId/groups/:competencyId', async (c) => {
      const q = parseQuery(c, courseGroupQuery);
      const page = await trainingGroupPage(db, c.get('user'), c.req.param('campaignId'), c.req.param('competencyId'), q);
      auditRead(c, { count: page.members.length });
      return c.json(page);
    })
    .get('/training/:campaignId/export', async (c) => {
      const q = parseQuery(c, trainingQuery);
      const { file, campaign, names } = await trainingExport(db, c.get('user'), c.req.param('campaignId'), q.criterion, q.lang ?? 'kk');
      auditRead(c, { name: campaign.name, count: names });
      return c.body(file, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="training-needs-${campaign.year}.xlsx"`,
      });
    })
    .post('/training/:campaignId/releases', async (c) => {
      const body = await parseBody(c, releaseBody);
      const released = await releaseGroup(db, c.get('user'), c.req.param('campaignId'), body.competencyId, body.criterion, now());
      auditDetails(c, { name: `${released.campaign.name}: ${released.competencyName} (${body.criterion})` });
      return c.json({ id: released.id }, 201);
    })
    .delete('/training/:campaignId/releases/:releaseId', async (c) => {
      const withdrawn = await withdrawRelease(db, c.get('user'), c.req.param('campaignId'), c.req.param('releaseId'));
      auditDetails(c, { name: `${withdrawn.campaign.name}: ${withdrawn.competencyName} (${withdrawn.release.criterion})` });
      return c.body(null, 204);
    });
}
