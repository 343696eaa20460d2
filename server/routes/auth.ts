import { Hono } from 'hono';
import { SECOND_FACTOR_ROLES } from '../../shared/access/secondFactor.ts';
import { loginBody } from '../../shared/schemas/api.ts';
import { passwordChangeBody, totpCodeBody, totpSetupBody } from '../../shared/schemas/ownAccount.ts';
import { recordAction } from '../http/auditTrail.ts';
import { parseBody } from '../http/parseBody.ts';
import { requireRole } from '../http/requireRole.ts';
import { currentSessionId, endSession, requireUser, startSession, type AppEnv } from '../http/session.ts';
import { throttledCheck } from '../http/throttledCheck.ts';
import { SecretBox } from '../security/secretBox.ts';
import { SignInThrottle } from '../security/signInThrottle.ts';
import { authenticate } from '../services/accounts.ts';
import { describeUser, sessionUserOf } from '../services/currentUser.ts';
import { changeOwnPassword } from '../services/ownPassword.ts';
import { SecondFactors } from '../services/secondFactor.ts';
import type { AppDeps } from './deps.ts';

/**
 * Sign-in and what an account does to its own credentials: its password, its second factor. Outside the staff
 * API's audit trail (a sign-in has no session yet), so these routes write their audit entries themselves.
 */
export function authRoutes({ conn: { db }, config, now, secretBox }: AppDeps) {
  const throttled = throttledCheck(new SignInThrottle(now), now, config.trustProxy);
  const factors = new SecondFactors(db, secretBox ?? SecretBox.fromKeyFile(config.totpKeyFile), now);

  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await parseBody(c, loginBody);
      const user = await throttled(c, body.login, async () => {
        const account = await authenticate(db, body.login, body.password);
        await factors.checkSignIn(account, body.code);
        return account;
      });
      await startSession(c, db, user.id);
      await recordAction(db, now(), user, 'POST /auth/login');
      return c.json({ user: await describeUser(db, sessionUserOf(user)) });
    })
    .post('/logout', async (c) => {
      const user = await endSession(c, db);
      if (user) await recordAction(db, now(), user, 'POST /auth/logout');
      return c.body(null, 204);
    })
    .get('/me', requireUser(db), async (c) => c.json({ user: await describeUser(db, c.get('user')) }))
    .post('/password', requireUser(db), async (c) => {
      const user = c.get('user');
      const body = await parseBody(c, passwordChangeBody(user.login));
      await throttled(c, user.login, () => changeOwnPassword(db, user.id, body, currentSessionId(c)));
      await recordAction(db, now(), user, 'POST /auth/password');
      return c.body(null, 204);
    })
    // The second factor is offered to those who keep the staff list, reports or accounts (shared/access/secondFactor.ts).
    .use('/totp/*', requireUser(db), requireRole(...SECOND_FACTOR_ROLES))
    .post('/totp/setup', async (c) => {
      await parseBody(c, totpSetupBody);
      const setup = await factors.beginSetup(c.get('user'));
      await recordAction(db, now(), c.get('user'), 'POST /auth/totp/setup');
      return c.json(setup);
    })
    .post('/totp/confirm', async (c) => {
      const { code } = await parseBody(c, totpCodeBody);
      await factors.confirmSetup(c.get('user'), code, currentSessionId(c));
      await recordAction(db, now(), c.get('user'), 'POST /auth/totp/confirm');
      return c.body(null, 204);
    })
    .post('/totp/off', async (c) => {
      const { code } = await parseBody(c, totpCodeBody);
      const user = c.get('user');
      await throttled(c, user.login, () => factors.turnOff(user, code));
      await recordAction(db, now(), user, 'POST /auth/totp/off');
      return c.body(null, 204);
    });
}
