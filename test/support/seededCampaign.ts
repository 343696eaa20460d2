import type { DB } from '../../db/connect.ts';
import { newId, nowIso, randomRowId } from '../../db/ids.ts';
import { almaty2023 } from '../../shared/methodology/almaty2023/index.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import { storedGroup } from '../../shared/scoring/respondentGroup.ts';

/** A fixed pseudo-random sequence (mulberry32): the same campaign on every run. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

const UNITS = ['Қаржы бөлімі', 'Заң бөлімі', 'Әкімшілік бөлім', 'Ұйымдастыру бөлімі', 'Бухгалтерия', 'Аппарат'];
const NAMES = ['Әлия', 'Бауыржан', 'Гүлнар', 'Дәурен', 'Ерлан', 'Жанар', 'Зарина', 'Ильяс', 'Қайрат', 'Ләззат', 'Мұрат', 'Өмірзақ', 'Ұлжан', 'Арман', 'Айгүл'];

/**
 * An open campaign of `evaluated` people written straight into the database, every questionnaire answered
 * with seeded marks: units of unequal size (so some heatmap cells are hidden), one in seven a head of unit,
 * one in eleven with only two respondents (an insufficient report), namesakes across units, and groups that
 * closing keeps or folds. Returns the campaign's id.
 */
export async function seedAnsweredCampaign(db: DB, evaluated: number, seed = 360): Promise<string> {
  const random = seeded(seed);
  const stamp = nowIso();
  const unitId = newId();
  await db.insertInto('unit').values({ id: unitId, name: 'Аппарат', parent_id: null, created_at: stamp }).execute();
  const campaignId = newId();
  await db.insertInto('campaign').values({ id: campaignId, name: `Seeded ${evaluated}`, year: 2025, methodology_id: almaty2023.id, deadline: '2026-01-10', status: 'open', created_at: stamp, opened_at: stamp }).execute();
  const people = Array.from({ length: evaluated }, (_, n) => ({
    id: newId(),
    fullName: `${NAMES[Math.floor(random() * NAMES.length)]} ${NAMES[n % NAMES.length]}`,
    // Unit sizes fall off: the last units get one or two people, whose cells stay hidden.
    unitName: UNITS[Math.min(UNITS.length - 1, Math.floor(Math.sqrt(random()) * UNITS.length))]!,
    formKey: (n % 7 === 0 ? 'head' : 'employee') as FormKey,
  }));
  const BATCH = 200;
  for (let start = 0; start < people.length; start += BATCH) {
    const batch = people.slice(start, start + BATCH);
    await db.insertInto('person').values(batch.map((p) => ({ id: p.id, full_name: p.fullName, position: 'Маман', unit_id: unitId, category: p.formKey === 'head' ? 'E-2' : 'E-4', manager_id: null, email: null, created_at: stamp, updated_at: stamp }))).execute();
  }
  for (let start = 0; start < people.length; start += BATCH) {
    const batch = people.slice(start, start + BATCH);
    await db
      .insertInto('evaluation')
      .values(batch.map((p) => ({ id: p.id, campaign_id: campaignId, person_id: p.id, form_key: p.formKey, full_name: p.fullName, position: 'Маман', unit_name: p.unitName, category: p.formKey === 'head' ? 'E-2' : 'E-4', without_participation: null, evaluator_id: null })))
      .execute();
    const invitations = [];
    const responses = [];
    for (const [k, p] of batch.entries()) {
      const n = start + k;
      const relations = n % 11 === 0 ? ['peer', 'peer'] : n % 2 === 0 ? ['subordinate', 'subordinate', 'subordinate', 'peer'] : ['peer', 'peer', 'peer', 'manager', 'peer'];
      const lean = Object.fromEntries(almaty2023.forms[p.formKey].competencies.map((c) => [c.id, 1 + Math.floor(random() * 5)]));
      const answers = () =>
        JSON.stringify(
          Object.fromEntries(almaty2023.forms[p.formKey].competencies.flatMap((c) => c.statements.map((s) => [s.id, Math.min(5, Math.max(1, lean[c.id]! + Math.floor(random() * 3) - 1))]))),
        );
      invitations.push({ id: newId(), evaluation_id: p.id, respondent_id: p.id, relation: 'self', answered: 1 });
      responses.push({ id: randomRowId(), evaluation_id: p.id, is_self: 1, respondent_group: null, answers: answers() });
      relations.forEach((relation, r) => {
        invitations.push({ id: newId(), evaluation_id: p.id, respondent_id: people[(n + r + 1) % people.length]!.id, relation, answered: 1 });
        responses.push({ id: randomRowId(), evaluation_id: p.id, is_self: 0, respondent_group: storedGroup(relation, relations.filter((x) => x === relation).length, 3), answers: answers() });
      });
    }
    for (let i = 0; i < invitations.length; i += BATCH) await db.insertInto('invitation').values(invitations.slice(i, i + BATCH)).execute();
    for (let i = 0; i < responses.length; i += BATCH) await db.insertInto('response').values(responses.slice(i, i + BATCH)).execute();
  }
  return campaignId;
}
