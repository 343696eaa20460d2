import { Hono } from 'hono';
import { loginBody } from '../../shared/schemas/api.ts';
import { recordAction } from '../http/auditTrail.ts';
import { parseBody } from '../http/parseBody.ts';
import { endSession, requireUser, startSession, type AppEnv } from '../http/session.ts';
import { authenticate } from '../services/accounts.ts';
import { describeUser, sessionUserOf } from '../services/currentUser.ts';
import type { AppDeps } from './deps.ts';

export function authRoutes({ conn: { db }, now }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await parseBody(c, loginBody);
      const user = await authenticate(db, body.login, body.password);
      await startSession(c, db, user.id);
      await recordAction(db, now(), user, 'POST /auth/login');
      return c.json({ user: await describeUser(db, sessionUserOf(user)) });
    })
    .post('/logout', async (c) => {
      const user = await endSession(c, db);
      if (user) await recordAction(db, now(), user, 'POST /auth/logout');
      return c.body(null, 204);
    })
    .get('/me', requireUser(db), async (c) => c.json({ user: await describeUser(db, c.get('user')) }));
}
