import { Hono } from 'hono';
import { localDate } from '../../shared/rules/campaignDeadline.ts';
import { addUnitBody } from '../../shared/schemas/campaignBuilding.ts';
import { auditDetails } from '../http/auditTrail.ts';
import { parseBody } from '../http/parseBody.ts';
import type { AppEnv } from '../http/session.ts';
import { addUnit, evaluationProposal } from '../services/campaignBuilding.ts';
import { campaignProgress, evaluationRespondents } from '../services/progress.ts';
import type { AppDeps } from './deps.ts';

/** Building a campaign from the structure (whole units, proposed respondents) and following its progress. */
export function campaignBuildingRoutes({ conn: { db }, config, now }: AppDeps) {
  const today = () => localDate(now(), config.timeZone);
  return new Hono<AppEnv>()
    .post('/campaigns/:id/units', async (c) => {
      const result = await addUnit(db, c.req.param('id'), await parseBody(c, addUnitBody), today());
      auditDetails(c, { count: result.added.length, leftOut: result.leftOut.length });
      return c.json(result, 201);
    })
    .get('/campaigns/:id/evaluations/:eid/proposal', async (c) => c.json(await evaluationProposal(db, c.req.param('id'), c.req.param('eid'), today())))
    .get('/campaigns/:id/progress', async (c) => c.json(await campaignProgress(db, c.req.param('id'))))
    .get('/campaigns/:id/progress/:eid', async (c) => c.json(await evaluationRespondents(db, c.req.param('id'), c.req.param('eid'))));
}
