import { Hono } from 'hono';
import { listCampaigns } from '../../db/repositories/campaigns.ts';
import {
  addEvaluationsBody,
  campaignCreateBody,
  campaignUpdateBody,
  issueLinksBody,
  respondentsBody,
} from '../../shared/schemas/api.ts';
import { localDate } from '../../shared/rules/campaignDeadline.ts';
import { auditDetails } from '../http/auditTrail.ts';
import { linkOrigin } from '../http/linkOrigin.ts';
import { parseBody } from '../http/parseBody.ts';
import type { AppEnv } from '../http/session.ts';
import { closeCampaign } from '../services/campaignClosing.ts';
import * as campaigns from '../services/campaigns.ts';
import type { RouteDeps } from './deps.ts';

export function campaignRoutes({ conn: { db }, config, now, answerKeys }: RouteDeps) {
  return new Hono<AppEnv>()
    .get('/campaigns', async (c) => c.json({ campaigns: await listCampaigns(db) }))
    .post('/campaigns', async (c) => {
      const body = await parseBody(c, campaignCreateBody);
      const id = await campaigns.createCampaign(db, body);
      auditDetails(c, { name: body.name, year: body.year });
      return c.json({ id }, 201);
    })
    .get('/campaigns/:id', async (c) => c.json(await campaigns.campaignDetail(db, c.req.param('id'))))
    .put('/campaigns/:id', async (c) => {
      await campaigns.updateCampaign(db, c.req.param('id'), await parseBody(c, campaignUpdateBody));
      return c.body(null, 204);
    })
    .post('/campaigns/:id/open', async (c) => {
      await campaigns.openCampaign(db, answerKeys, c.req.param('id'), now());
      return c.body(null, 204);
    })
    .post('/campaigns/:id/close', async (c) => {
      await closeCampaign(db, answerKeys, c.req.param('id'), now());
      return c.body(null, 204);
    })
    .post('/campaigns/:id/archive', async (c) => {
      await campaigns.archiveCampaign(db, c.req.param('id'), now());
      return c.body(null, 204);
    })
    .post('/campaigns/:id/evaluations', async (c) => {
      const { personIds } = await parseBody(c, addEvaluationsBody);
      const ids = await campaigns.addEvaluations(db, c.req.param('id'), personIds, localDate(now(), config.timeZone));
      auditDetails(c, { count: ids.length });
      return c.json({ ids }, 201);
    })
    .get('/campaigns/:id/evaluations/:eid', async (c) => c.json(await campaigns.evaluationDetail(db, c.req.param('id'), c.req.param('eid'))))
    .delete('/campaigns/:id/evaluations/:eid', async (c) => {
      await campaigns.removeEvaluation(db, c.req.param('id'), c.req.param('eid'));
      return c.body(null, 204);
    })
    .put('/campaigns/:id/evaluations/:eid/respondents', async (c) => {
      const { respondents } = await parseBody(c, respondentsBody);
      await campaigns.setRespondents(db, c.req.param('id'), c.req.param('eid'), respondents);
      auditDetails(c, { count: respondents.length });
      return c.body(null, 204);
    })
    .post('/campaigns/:id/links', async (c) => {
      const { invitationIds } = await parseBody(c, issueLinksBody);
      const origin = linkOrigin(config, c);
      const links = await campaigns.issueLinks(db, c.req.param('id'), invitationIds, origin, c.get('user').id);
      auditDetails(c, { count: links.length });
      return c.json({ links }, 201);
    });
}
