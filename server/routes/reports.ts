import { Hono } from 'hono';
import { reportsReachableBy } from '../../db/repositories/reportAccess.ts';
import { readsNoReports, reportingPerson } from '../../shared/access/reportAccess.ts';
import { auditRead } from '../http/auditTrail.ts';
import type { AppEnv } from '../http/session.ts';
import { readReport } from '../services/reports.ts';
import type { AppDeps } from './deps.ts';

/** Reports, for whoever §21 lets read them; every reading is written to the audit log. */
export function reportRoutes({ conn: { db } }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/evaluations/:eid/report', async (c) => {
      const report = await readReport(db, c.get('user'), c.req.param('eid'));
      auditRead(c, { name: report.evaluation.fullName, access: report.access });
      return c.json(report);
    })
    .get('/my/reports', async (c) => {
      const user = c.get('user');
      return c.json({ reports: readsNoReports(user) ? [] : await reportsReachableBy(db, user.id, reportingPerson(user)) });
    });
}
