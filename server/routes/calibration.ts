import { Hono } from 'hono';
import { calibrationBody } from '../../shared/schemas/calibration.ts';
import { auditDetails } from '../http/auditTrail.ts';
import { parseBody } from '../http/parseBody.ts';
import type { AppEnv } from '../http/session.ts';
import * as calibration from '../services/calibration.ts';
import type { AppDeps } from './deps.ts';

/** Calibration sessions of a campaign (§38–43), under the campaigns prefix that only HR reaches. */
export function calibrationRoutes({ conn: { db } }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/campaigns/:id/calibrations', async (c) => c.json(await calibration.listCalibrations(db, c.get('user'), c.req.param('id'))))
    .post('/campaigns/:id/calibrations', async (c) => {
      const body = await parseBody(c, calibrationBody);
      const id = await calibration.createCalibration(db, c.get('user'), c.req.param('id'), body);
      auditDetails(c, { name: body.title, count: body.evaluationIds.length });
      return c.json({ id }, 201);
    })
    .put('/campaigns/:id/calibrations/:sid', async (c) => {
      const body = await parseBody(c, calibrationBody);
      await calibration.updateCalibration(db, c.get('user'), c.req.param('id'), c.req.param('sid'), body);
      auditDetails(c, { name: body.title, count: body.evaluationIds.length });
      return c.body(null, 204);
    })
    .delete('/campaigns/:id/calibrations/:sid', async (c) => {
      const removed = await calibration.deleteCalibration(db, c.get('user'), c.req.param('id'), c.req.param('sid'));
      auditDetails(c, { name: removed.title });
      return c.body(null, 204);
    });
}
