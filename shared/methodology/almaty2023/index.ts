import type { Methodology } from '../types.ts';
import { employeeForm } from './employeeForm.ts';
import { headForm } from './headForm.ts';
import { scale } from './scale.ts';

export { COMPETENCY_IDS, EMPLOYEE_COMPETENCY_IDS, competencyNames, type CompetencyId } from './competencies.ts';

/**
 * Seed 002: the methodology of the Almaty city akimat (resolution No. 2/315 of 25 May 2023), the model in force.
 * The 360 part: §34–37 and Annexes 5–8.
 */
export const almaty2023: Methodology = {
  id: 'almaty-2023',
  title: {
    kk: 'Алматы қаласы әкімдігінің «Б» корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау әдістемесі',
    ru: 'Методика оценки деятельности административных государственных служащих корпуса «Б» акимата города Алматы',
    en: 'Methodology for evaluating the performance of B corps administrative civil servants of the Almaty city akimat',
  },
  source: 'Almaty city akimat resolution No. 2/315 of 25 May 2023',
  /** §2.4: D-3 (heads of structural units), D-O-1, E-1, E-2. */
  headCategories: ['D-3', 'D-O-1', 'E-1', 'E-2'],
  scale,
  forms: { head: headForm, employee: employeeForm },
  rules: {
    minRespondents: 3,
    maxRespondents: 7,
    minResponsesForReport: 3,
    weakestCount: 2,
    strongestCount: 2,
    // Not in the resolution: the product's choices, on the 1–5 scale, stated on every report.
    selfGapThreshold: 1,
    agreementBands: { highMaxSd: 0.5, moderateMaxSd: 1 },
    deadlineDayOfNextMonth: 10,
    resultsWithinWorkingDays: 2,
    retentionYears: 3,
  },
  reportNote: {
    kk: 'Әрбір құзырет бойынша бағалаудың орташа қорытынды нәтижелерін есептеу автоматты режимде әрбір респонденттің баллдарын қосу және респонденттердің санына бөлу (өзін-өзі бағалаудан басқа) арқылы жүзеге асырылады.',
    ru: 'Средние итоговые результаты оценки по каждой компетенции рассчитываются в автоматическом режиме путем сложения баллов каждого респондента и деления на количество респондентов (за исключением самооценки).',
    en: 'The mean final score for each competency is calculated automatically by adding up the points of every respondent and dividing by the number of respondents (self-assessment excluded).',
  },
};
