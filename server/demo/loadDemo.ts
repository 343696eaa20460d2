import type { DB } from '../../db/connect.ts';
import { listPeople } from '../../db/repositories/staff.ts';
import { DEFAULT_METHODOLOGY_ID, findMethodology } from '../../shared/methodology/registry.ts';
import { localDate } from '../../shared/rules/campaignDeadline.ts';
import { inferRelation } from '../../shared/rules/respondentRelation.ts';
import type { FormKey } from '../../shared/methodology/types.ts';
import type { AnswerKeys } from '../security/answerKeys.ts';
import { closeCampaign } from '../services/campaignClosing.ts';
import * as campaigns from '../services/campaigns.ts';
import { submitAnswers } from '../services/responses.ts';
import { createPerson, createUnit } from '../services/staff.ts';
import { DEMO_UNITS, demoStaff } from './demoOrganisation.ts';

/** A small deterministic PRNG, so the demo looks the same on every machine. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Staff {
  id: string;
  managerId: string | null;
  unitId: string;
  fullName: string;
}

/** The manager, subordinates, then colleagues of the unit, then others: 3 to 5 people. */
function pickRespondents(person: Staff, everyone: readonly Staff[]) {
  const others = everyone.filter((p) => p.id !== person.id);
  const ordered = [
    ...others.filter((p) => p.id === person.managerId),
    ...others.filter((p) => p.managerId === person.id),
    ...others.filter((p) => p.unitId === person.unitId && p.id !== person.managerId && p.managerId !== person.id),
    ...others.filter((p) => p.unitId !== person.unitId && p.id !== person.managerId && p.managerId !== person.id),
  ];
  return ordered.slice(0, 5).map((p) => ({ personId: p.id, relation: inferRelation(person, p) }));
}

export interface DemoSummary {
  units: number;
  people: number;
  closedCampaignId: string;
  openCampaignId: string;
  answers: number;
}

/**
 * Loads an organisation, a closed campaign of last year with answers, and an open campaign of this year
 * partly answered — all through the same services the API uses, so every rule applies to the demo too.
 */
export async function loadDemo(db: DB, answerKeys: AnswerKeys, today: Date, timeZone: string): Promise<DemoSummary> {
  const random = mulberry32(360);
  const unitIds = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const unit = await createUnit(db, { name: u.name, parentId: u.parent ? unitIds.get(u.parent)! : null });
    unitIds.set(u.key, unit.id);
  }
  const personIds = new Map<string, string>();
  for (const [n, p] of demoStaff().entries()) {
    const { person: created } = await createPerson(db, {
      fullName: p.fullName,
      position: p.position,
      unitId: unitIds.get(p.unit)!,
      category: p.category,
      managerId: p.manager ? personIds.get(p.manager)! : null,
      email: null,
      employeeNo: `D-${String(n + 1).padStart(3, '0')}`,
      appointedOn: `${today.getFullYear() - 3 + (n % 3)}-0${1 + (n % 9)}-15`,
      absence: null,
      absentFrom: null,
      absentUntil: null,
    }, null);
    personIds.set(p.key, created.id);
  }
  const staff = await listPeople(db);
  const methodology = findMethodology(DEFAULT_METHODOLOGY_ID)!;

  // Each person has a profile of true strengths that respondents see, each through their own noise.
  const profile = new Map(staff.map((p) => [p.id, new Map(methodology.forms.head.competencies.map((c) => [c.id, 2.4 + random() * 2.4]))]));
  const answersFor = (personId: string, formKey: FormKey, bias: number) => {
    const answers: Record<string, number> = {};
    for (const c of methodology.forms[formKey].competencies) {
      for (const s of c.statements) {
        const level = profile.get(personId)!.get(c.id)! + bias + (random() - 0.5) * 1.6;
        answers[s.id] = Math.min(5, Math.max(1, Math.round(level)));
      }
    }
    return answers;
  };

  let answerCount = 0;
  const runCampaign = async (year: number, evaluated: readonly Staff[], share: number, submitAt: Date) => {
    const id = await campaigns.createCampaign(db, { name: `360 бағалау ${year}`, year });
    const evaluationIds = await campaigns.addEvaluations(db, id, evaluated.map((p) => p.id), localDate(today, timeZone));
    for (const [i, evaluationId] of evaluationIds.entries()) {
      await campaigns.setRespondents(db, id, evaluationId, pickRespondents(evaluated[i]!, staff));
    }
    await campaigns.openCampaign(db, answerKeys, id);
    const links = await campaigns.issueLinks(db, id, undefined, 'http://demo', null);
    const detail = await campaigns.campaignDetail(db, id);
    const byName = new Map(detail.evaluations.map((e) => [e.fullName, e]));
    for (const link of links) {
      if (random() > share) continue;
      const evaluation = byName.get(link.evaluatedName)!;
      // Self-assessments run a little high, as they tend to.
      const bias = link.relation === 'self' ? 0.6 : 0;
      const token = link.url.slice(link.url.indexOf('#') + 1);
      await submitAnswers(db, answerKeys, token, answersFor(evaluation.personId, evaluation.formKey as FormKey, bias), submitAt, timeZone);
      answerCount += 1;
    }
    return id;
  };

  const thisYear = today.getFullYear();
  // Last year's answers were given early in January, before that campaign's deadline.
  const closedCampaignId = await runCampaign(thisYear - 1, staff, 0.92, new Date(Date.UTC(thisYear, 0, 5, 6)));
  await closeCampaign(db, answerKeys, closedCampaignId);
  const openCampaignId = await runCampaign(thisYear, staff, 0.45, today);

  return { units: DEMO_UNITS.length, people: staff.length, closedCampaignId, openCampaignId, answers: answerCount };
}
