import type { Localized } from '../types.ts';

/** The competencies of §35, in the order §35 lists them for heads of structural units. */
export const COMPETENCY_IDS = [
  'activity_management',
  'effective_communications',
  'ethics',
  'change_management',
  'result_orientation',
  'independence_decisions',
  'team_management',
  'leadership',
  'cooperation',
  'promptness',
  'self_development',
  'initiative',
] as const;

export type CompetencyId = (typeof COMPETENCY_IDS)[number];

/** The eight competencies §35 names for B corps employees, in §35 order. */
export const EMPLOYEE_COMPETENCY_IDS = [
  'effective_communications',
  'ethics',
  'change_management',
  'result_orientation',
  'independence_decisions',
  'cooperation',
  'promptness',
  'self_development',
] as const satisfies readonly CompetencyId[];

/**
 * Competency names, shared by both questionnaires. The Kazakh names follow §35 (and the report forms of
 * Annexes 7–8), not the occasional variants in the questionnaire tables («Нәтижеге бейімделу»,
 * «Команданы басқару», «Бастамашылық»).
 */
export const competencyNames: Readonly<Record<CompetencyId, Localized>> = {
  activity_management: {
    kk: 'Қызметті басқару',
    ru: 'Управление деятельностью',
    en: 'Activity management',
  },
  effective_communications: {
    kk: 'Тиімді коммуникацияларды құру',
    ru: 'Построение эффективных коммуникаций',
    en: 'Building effective communications',
  },
  ethics: {
    kk: 'Әдеп нормалары мен қағидаларын ұстану',
    ru: 'Следование этическим нормам и принципам',
    en: 'Following ethical norms and principles',
  },
  change_management: {
    kk: 'Өзгерістерді басқару',
    ru: 'Управление изменениями',
    en: 'Managing change',
  },
  result_orientation: {
    kk: 'Нәтижеге бағдарлану',
    ru: 'Ориентация на результат',
    en: 'Result orientation',
  },
  independence_decisions: {
    kk: 'Дербестік және шешімдерді қабылдау дағдылары',
    ru: 'Самостоятельность и навыки принятия решений',
    en: 'Independence and decision-making skills',
  },
  team_management: {
    kk: 'Топты басқару',
    ru: 'Управление командой',
    en: 'Team management',
  },
  leadership: {
    kk: 'Көшбасшылық қасиеттер',
    ru: 'Лидерские качества',
    en: 'Leadership qualities',
  },
  cooperation: {
    kk: 'Ынтымақтастық',
    ru: 'Сотрудничество',
    en: 'Cooperation',
  },
  promptness: {
    kk: 'Жеделділік',
    ru: 'Оперативность',
    en: 'Promptness',
  },
  self_development: {
    kk: 'Өзін-өзі дамыту',
    ru: 'Саморазвитие',
    en: 'Self-development',
  },
  initiative: {
    kk: 'Бастамашылдық',
    ru: 'Инициативность',
    en: 'Initiative',
  },
};
