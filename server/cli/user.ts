import { parseArgs } from 'node:util';
import { connect } from '../../db/connect.ts';
import { findUserByLogin, setPasswordHash } from '../../db/repositories/accounts.ts';
import { loadConfig } from '../config.ts';
import { createUser, ROLES, type Role } from '../services/accounts.ts';
import { generatePassword, hashPassword } from '../security/password.ts';

const USAGE = `Usage:
  npm run user -- create <login> [--role hr|hr_head|admin|trainer|employee] [--name "Full name"] [--reports]
      create an account and print its password; --reports lets an HR officer read reports (§21)
  npm run user -- password <login>
      set a new random password and print it`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string', default: 'hr' }, name: { type: 'string' }, reports: { type: 'boolean', default: false } },
});
const [command, login] = positionals;
if (!login || (command !== 'create' && command !== 'password')) {
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
    const password = generatePassword();
    await setPasswordHash(db, user.id, await hashPassword(password));
    console.log(`New password for ${login}: ${password}\n(Existing sessions of this account were signed out.)`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
