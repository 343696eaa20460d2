/**
 * The shape every methodology generation must fit. A methodology is versioned data: the product loads it,
 * screens and rules read it, and no screen carries its own copy of a competency or a statement.
 */

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every language the product speaks. Kazakh is the legal original. */
export type Localized = Record<Locale, string>;

/** Which questionnaire and report an evaluated person gets; decided by their position category. */
export type FormKey = 'head' | 'employee';

export interface Statement {
  /** Stable across releases: stored answers refer to it. */
  id: string;
  text: Localized;
}

export interface Competency {
  /** Stable across releases and shared between forms where the law names the same competency. */
  id: string;
  name: Localized;
  statements: readonly Statement[];
}

export interface ScaleLevel {
  value: number;
  label: Localized;
}

export interface Form360 {
  key: FormKey;
  /** Annex number of the questionnaire in the legal text (5 for heads, 6 for employees in seed 002). */
  questionnaireAnnex: number;
  /** Annex number of the report form (7 for heads, 8 for employees in seed 002). */
  reportAnnex: number;
  /** Questionnaire title, e.g. «Құрылымдық бөлімшелер басшыларының 360 әдісімен бағалау парағы». */
  title: Localized;
  /** Report title, e.g. «Қызметшіні 360 әдісімен бағалау нәтижесі (құрылымдық бөлімшелердің басшылары үшін)». */
  reportTitle: Localized;
  /** The «Құрметті респондент!» introduction, one entry per paragraph, the salutation first. */
  intro: readonly Localized[];
  competencies: readonly Competency[];
}

export interface Rules360 {
  /** Fewest and most respondents besides the self-assessment (§36). */
  minRespondents: number;
  maxRespondents: number;
  /** A report opens only with at least this many non-self responses (anonymity threshold). */
  minResponsesForReport: number;
  /** How many lowest-scoring competencies a report marks as the weakest (training needs, §37). */
  weakestCount: number;
  /** How many highest-scoring competencies a report marks as the strongest. */
  strongestCount: number;
  /**
   * A blind spot is a competency the person rates at least this many points above the respondents' mean;
   * a hidden strength, at least this many below. The report states it.
   */
  selfGapThreshold: number;
  /**
   * Agreement among respondents on a competency, from the standard deviation of their competency marks:
   * high up to `highMaxSd`, moderate up to `moderateMaxSd`, low above.
   */
  agreementBands: { highMaxSd: number; moderateMaxSd: number };
  /** Deadline: this day of the month following the reporting year (§5, §34). */
  deadlineDayOfNextMonth: number;
  /** Results are shown to the evaluated person within this many working days after the evaluation (§12). */
  resultsWithinWorkingDays: number;
  /** Evaluation records are kept this many years after the evaluation ends (§15). */
  retentionYears: number;
}

export interface Methodology {
  /** Stable id stored with every campaign, e.g. 'almaty-2023'. */
  id: string;
  title: Localized;
  /** The legal act it transcribes. */
  source: string;
  /** Position categories of heads of structural units / state bodies (§2.4); everyone else is an employee. */
  headCategories: readonly string[];
  scale: readonly ScaleLevel[];
  forms: Readonly<Record<FormKey, Form360>>;
  rules: Rules360;
  /** Explanatory note printed under the report table (Annexes 7–8). */
  reportNote: Localized;
}
