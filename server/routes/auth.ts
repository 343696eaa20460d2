import { Hono } from 'hono';
import { loginBody } from '../../shared/schemas/api.ts';
import { ApiError } from '../http/apiError.ts';
import { recordAction } from '../http/auditTrail.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { parseBody } from '../http/parseBody.ts';
import { endSession, requireUser, startSession, type AppEnv } from '../http/session.ts';
import { SignInThrottle } from '../security/signInThrottle.ts';
import { authenticate } from '../services/accounts.ts';
import { describeUser, sessionUserOf } from '../services/currentUser.ts';
import type { AppDeps } from './deps.ts';

export function authRoutes({ conn: { db }, config, now }: AppDeps) {
  const throttle = new SignInThrottle(now);
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await parseBody(c, loginBody);
      const address = clientAddress(c, config.trustProxy);
      // Checked before the password, so a locked login answers the same whether the password was right or not.
      const retryAt = throttle.retryAt(body.login, address);
      if (retryAt) {
        const seconds = Math.ceil((retryAt.getTime() - now().getTime()) / 1000);
        c.header('Retry-After', String(seconds));
        throw new ApiError(429, 'auth.tooManyAttempts', { minutes: Math.ceil(seconds / 60), retryAt: retryAt.toISOString() });
      }
      const user = await authenticate(db, body.login, body.password).catch((error: unknown) => {
        if (error instanceof ApiError) throttle.recordFailure(body.login, address);
        throw error;
      });
      throttle.recordSuccess(body.login, address);
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
