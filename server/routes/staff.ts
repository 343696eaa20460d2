import { Hono } from 'hono';
import { listPeople, listUnits } from '../../db/repositories/staff.ts';
import { personBody, unitBody } from '../../shared/schemas/api.ts';
import { auditDetails } from '../http/auditTrail.ts';
import { parseBody } from '../http/parseBody.ts';
import type { AppEnv } from '../http/session.ts';
import * as staff from '../services/staff.ts';
import type { AppDeps } from './deps.ts';

export function staffRoutes({ conn: { db } }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/units', async (c) => c.json({ units: await listUnits(db) }))
    .post('/units', async (c) => {
      const unit = await staff.createUnit(db, await parseBody(c, unitBody));
      auditDetails(c, { name: unit.name });
      return c.json({ unit }, 201);
    })
    .put('/units/:id', async (c) => {
      const body = await parseBody(c, unitBody);
      await staff.updateUnit(db, c.req.param('id'), body);
      auditDetails(c, { name: body.name });
      return c.body(null, 204);
    })
    .delete('/units/:id', async (c) => {
      await staff.deleteUnit(db, c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/people', async (c) => c.json({ people: await listPeople(db) }))
    .post('/people', async (c) => {
      const { person, changes } = await staff.createPerson(db, await parseBody(c, personBody), c.get('user').id);
      auditDetails(c, { name: person.fullName, ...(changes.length && { changes }) });
      return c.json({ person }, 201);
    })
    .put('/people/:id', async (c) => {
      const { person, changes } = await staff.updatePerson(db, c.req.param('id'), await parseBody(c, personBody), c.get('user').id);
      auditDetails(c, { name: person.fullName, ...(changes.length && { changes }) });
      return c.json({ person });
    })
    .delete('/people/:id', async (c) => {
      await staff.deletePerson(db, c.req.param('id'));
      return c.body(null, 204);
    });
}
