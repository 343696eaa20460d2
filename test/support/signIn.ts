import { createUser, type Role } from '../../server/services/accounts.ts';
import type { TestApp } from './testApp.ts';

/** Creates an account of `role` and returns its session cookie, for requests made as that user. */
export async function signInAs(t: TestApp, role: Role, login = `${role}-user`): Promise<string> {
  const password = `${login}-password`;
  await createUser(t.conn.db, { login, fullName: `${role} ${login}`, role, password });
  const res = await t.call('POST', '/auth/login', { login, password }, { cookie: null });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}
