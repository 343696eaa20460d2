import { parseArgs } from 'node:util';
import { connect } from '../../db/connect.ts';
import { findUserByLogin, setPasswordHash } from '../../db/repositories/accounts.ts';
import { removeSecondFactor } from '../../db/repositories/secondFactor.ts';
import { loadConfig } from '../config.ts';
import { createUser, ROLES, type Role } from '../services/accounts.ts';
import { generatePassword, hashPassword } from '../security/password.ts';

const USAGE = `Usage:
  npm run user -- create <login> [--role hr|hr_head|admin|trainer|employee] [--name "Full name"] [--reports]
      create an account and print its password; --reports lets an HR officer read reports (§21)
  npm run user -- password <login>
      set a new random password and print it
  npm run user -- totp-off <login>
      remove the account's second factor (a lost phone): the password alone signs in until a new one is set up`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string', default: 'hr' }, name: { type: 'string' }, reports: { type: 'boolean', default: false } },
});
const [command, login] = positionals;
if (!login || !['create', 'password', 'totp-off'].includes(command!)) {
  console.error(USAGE);
  process.exit(2);
}

const { db } = await connect(loadConfig().databaseUrl);
try {
  if (command === 'create') {
    if (!(ROLES as readonly string[]).includes(values.role!)) throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
    const created = await createUser(db, { login, fullName: values.name ?? login, role: values.role as Role, canReadReports: values.reports });
    console.log(`Created ${values.role} account.\n  login:    ${created.login}\n  password: ${created.password}`);
  } else {
    const user = await findUserByLogin(db, login);
    if (!user) throw new Error(`No account with login "${login}".`);
    if (command === 'password') {
      const password = generatePassword();
      await setPasswordHash(db, user.id, await hashPassword(password));
      console.log(`New password for ${login}: ${password}\n(Existing sessions of this account were signed out.)`);
    } else {
      const removed = await removeSecondFactor(db, user.id);
      console.log(removed ? `Removed the second factor of ${login}: the password alone signs in until a new one is set up.` : `${login} has no second factor.`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
