import SqliteDatabase from 'better-sqlite3';
import { connect } from '../../db/connect.ts';
import { newId, nowIso, randomRowId } from '../../db/ids.ts';
import { boxLength, sealBox } from '../../server/security/answerBox.ts';
import { AnswerKeys, checkOf } from '../../server/security/answerKeys.ts';
import { createUser } from '../../server/services/accounts.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import { storedGroup } from '../../shared/scoring/respondentGroup.ts';

export const HR_HEAD = { login: 'bench-hr-head', password: 'bench-hr-head-password' };

/** People per unit: a national campaign's units, each a row of the heatmap. */
const UNIT_SIZE = 200;
const PEERS = 5;

/** Distinct random questionnaires per form, drawn from for each answer: making 600,000 would take longer than storing them. */
const ANSWER_POOL = 10_000;

const statementsOf = (formKey: FormKey) => almaty2023.forms[formKey].competencies.flatMap((c) => c.statements.map((s) => s.id));

/** Questionnaires in the form's order of statements, as the product seals them (shared/scoring/canonicalAnswers.ts). */
function answerPool(formKey: FormKey): Array<Record<string, number>> {
  const statements = statementsOf(formKey);
  return Array.from({ length: ANSWER_POOL }, () => Object.fromEntries(statements.map((id) => [id, 1 + Math.floor(Math.random() * 5)])));
}

/**
 * An open campaign of `persons` evaluated persons, every one answered by the self-assessment and five peers
 * (6 answers each); one in ten a head of unit (the heads' form), units of 200. The answers are stored as the
 * product stores them while a campaign is open: each in an `answer_box` sealed with the product's own sealBox
 * under the campaign's key, which is made in `answerKeyDir` (where a server with this DATA_DIR reads it), so that
 * closing opens, shuffles and writes them as in production. Written straight into the file with prepared
 * statements in one transaction, no journal and no sync — a bench's data, not an answer anyone waits on:
 * 100,000 persons in about a minute rather than hours of HTTP. The head of HR (HR_HEAD) may read every report
 * and the training view.
 */
export async function writeNationalCampaign(file: string, answerKeyDir: string, persons: number): Promise<{ campaignId: string; evaluationIds: string[] }> {
  const conn = await connect(`sqlite:${file}`);
  await createUser(conn.db, { login: HR_HEAD.login, fullName: 'Bench head of HR', role: 'hr_head', password: HR_HEAD.password });
  await conn.db.destroy();

  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -524288');
  const stamp = nowIso();
  const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const campaignId = newId();
  const personIds = Array.from({ length: persons }, () => newId());
  const evaluationIds = Array.from({ length: persons }, () => newId());
  const pools = { head: answerPool('head'), employee: answerPool('employee') };
  const answers = (formKey: FormKey) => pools[formKey][Math.floor(Math.random() * ANSWER_POOL)]!;
  const scaleValues = almaty2023.scale.map((l) => l.value);
  const lengths = { head: boxLength(statementsOf('head'), scaleValues), employee: boxLength(statementsOf('employee'), scaleValues) };
  // Five peers assigned: every peer's answer keeps its group, as the product's submission decides it.
  const peerGroup = storedGroup('peer', PEERS, almaty2023.rules.minResponsesForReport);
  const key = new AnswerKeys(answerKeyDir).create(campaignId);

  const unit = sqlite.prepare('insert into unit (id, name, parent_id, created_at) values (?, ?, null, ?)');
  const person = sqlite.prepare('insert into person (id, full_name, position, unit_id, category, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const evaluation = sqlite.prepare(
    'insert into evaluation (id, campaign_id, person_id, form_key, full_name, position, unit_name, category) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const invitation = sqlite.prepare('insert into invitation (id, evaluation_id, respondent_id, relation, answered) values (?, ?, ?, ?, 1)');
  const box = sqlite.prepare('insert into answer_box (id, evaluation_id, box) values (?, ?, ?)');
  sqlite.transaction(() => {
    sqlite
      .prepare('insert into campaign (id, name, year, methodology_id, deadline, status, created_at, opened_at, answer_key_check) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(campaignId, 'Bench national campaign', Number(deadline.slice(0, 4)), almaty2023.id, deadline, 'open', stamp, stamp, checkOf(key));
    const unitIds: string[] = [];
    for (let u = 0; u * UNIT_SIZE < persons; u++) {
      unitIds.push(newId());
      unit.run(unitIds[u], `Бөлім ${u + 1}`, stamp);
    }
    for (let n = 0; n < persons; n++) {
      const head = n % 10 === 0;
      person.run(personIds[n], `Қызметкер ${n + 1}`, head ? 'Бөлім басшысы' : 'Маман', unitIds[Math.floor(n / UNIT_SIZE)], head ? 'E-2' : 'E-4', stamp, stamp);
    }
    for (let n = 0; n < persons; n++) {
      const formKey: FormKey = n % 10 === 0 ? 'head' : 'employee';
      const id = evaluationIds[n]!;
      evaluation.run(id, campaignId, personIds[n], formKey, `Қызметкер ${n + 1}`, formKey === 'head' ? 'Бөлім басшысы' : 'Маман', `Бөлім ${Math.floor(n / UNIT_SIZE) + 1}`, formKey === 'head' ? 'E-2' : 'E-4');
      invitation.run(newId(), id, personIds[n], 'self');
      for (let k = 1; k <= PEERS; k++) invitation.run(newId(), id, personIds[(n + k) % persons], 'peer');
    }
    // Boxes have random keys, so the table holds them in no order of evaluation, as submissions leave it.
    // Written in key order (each box given to a random evaluation's slot), so every insert appends.
    const keys = rowKeys(persons * (PEERS + 1));
    const slots = shuffled(persons * (PEERS + 1));
    for (let i = 0; i < keys.length; i++) {
      const n = Math.floor(slots[i]! / (PEERS + 1));
      const isSelf = slots[i]! % (PEERS + 1) === 0;
      const formKey: FormKey = n % 10 === 0 ? 'head' : 'employee';
      box.run(keys[i], evaluationIds[n], sealBox(key, evaluationIds[n]!, { isSelf, group: isSelf ? null : peerGroup, answers: answers(formKey) }, lengths[formKey]));
    }
  })();
  // As the product keeps its database (db/connect.ts sets the rest on every open).
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  return { campaignId, evaluationIds };
}

/** `count` distinct random row keys, ascending. */
function rowKeys(count: number): Float64Array {
  const keys = Float64Array.from({ length: count }, randomRowId).sort();
  for (let i = 1; i < count; i++) if (keys[i]! <= keys[i - 1]!) keys[i] = keys[i - 1]! + 1;
  return keys;
}

/** 0 … count − 1 in random order. */
function shuffled(count: number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
