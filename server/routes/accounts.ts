import { Hono } from 'hono';
import { accountCreateBody, accountsForPeopleBody, accountUpdateBody } from '../../shared/schemas/accounts.ts';
import { changesOf } from '../../shared/audit/auditChanges.ts';
import { auditDetails } from '../http/auditTrail.ts';
import { parseBody } from '../http/parseBody.ts';
import type { AppEnv } from '../http/session.ts';
import * as accounts from '../services/accountAdmin.ts';
import type { AppDeps } from './deps.ts';

/**
 * Accounts, for the administrator and the head of HR (server/app.ts guards the prefix; the service checks which
 * roles each may keep). Passwords are generated and returned once; the audit log names logins, never passwords.
 */
export function accountRoutes({ conn: { db } }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/accounts', async (c) => c.json(await accounts.listAccountsFor(db, c.get('user'))))
    .post('/accounts', async (c) => {
      const created = await accounts.createAccount(db, c.get('user'), await parseBody(c, accountCreateBody));
      const { personName, role } = created.account;
      auditDetails(c, { name: created.account.login, changes: changesOf([['role', null, role], ['staffRecord', null, personName]]) });
      return c.json(created, 201);
    })
    .post('/accounts/for-people', async (c) => {
      const { personIds } = await parseBody(c, accountsForPeopleBody);
      const result = await accounts.createAccountsForPeople(db, c.get('user'), personIds);
      auditDetails(c, { count: result.created.length, skipped: result.skipped.length });
      return c.json(result, 201);
    })
    .put('/accounts/:id', async (c) => {
      const { account, changes } = await accounts.updateAccount(db, c.get('user'), c.req.param('id'), await parseBody(c, accountUpdateBody));
      auditDetails(c, { name: account.login, ...(changes.length && { changes }) });
      return c.json({ account });
    })
    .post('/accounts/:id/password', async (c) => {
      const reset = await accounts.resetPassword(db, c.get('user'), c.req.param('id'));
      auditDetails(c, { name: reset.login });
      return c.json(reset);
    })
    .delete('/accounts/:id/totp', async (c) => {
      const account = await accounts.removeSecondFactorOf(db, c.get('user'), c.req.param('id'));
      auditDetails(c, { name: account.login });
      return c.body(null, 204);
    })
    .delete('/accounts/:id', async (c) => {
      const removed = await accounts.deleteAccount(db, c.get('user'), c.req.param('id'));
      auditDetails(c, { name: removed.login });
      return c.body(null, 204);
    });
}
