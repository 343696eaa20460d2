import { connect } from '../../db/connect.ts';
import { findUserByLogin } from '../../db/repositories/accounts.ts';
import { listPeople } from '../../db/repositories/staff.ts';
import { loadConfig } from '../config.ts';
import { loadDemo } from '../demo/loadDemo.ts';
import { AnswerKeys } from '../security/answerKeys.ts';
import { createUser } from '../services/accounts.ts';

const config = loadConfig();
const { db } = await connect(config.databaseUrl);
try {
  if ((await listPeople(db)).length > 0) {
    console.error('The database already holds staff; demo data is loaded only into an empty installation.\nUse another DATA_DIR, e.g.: DATA_DIR=demo-data npm run demo && DATA_DIR=demo-data npm start');
    process.exitCode = 1;
  } else {
    const summary = await loadDemo(db, new AnswerKeys(config.answerKeyDir), new Date(), config.timeZone);
    console.log(`Demo data loaded: ${summary.units} units, ${summary.people} people, a closed campaign with reports and an open one (${summary.answers} questionnaires answered).`);
    if (!(await findUserByLogin(db, 'hr'))) {
      const hr = await createUser(db, { login: 'hr', fullName: 'Айгүл Серікова (HR)', role: 'hr', canReadReports: true });
      console.log(`HR account for the demo:\n  login:    ${hr.login}\n  password: ${hr.password}`);
    }
  }
} finally {
  await db.destroy();
}
