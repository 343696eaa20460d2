import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Tables as both SQLite and PostgreSQL hold them: ids are text (random UUIDs made by the application),
 * timestamps are ISO-8601 text, booleans are 0/1 integers — better-sqlite3 binds neither Dates nor booleans.
 */

export interface UnitTable {
  id: string;
  name: string;
  parent_id: string | null;
  created_at: string;
}

export interface PersonTable {
  id: string;
  full_name: string;
  position: string;
  unit_id: string;
  category: string;
  manager_id: string | null;
  email: string | null;
  /** Personnel number from HR's own records: what a re-import matches people on. Unique when present. */
  employee_no: string | null;
  /** ISO date of appointment to the current position (§6: less than a month in the period → not evaluated). */
  appointed_on: string | null;
  /** An absence kind (shared/rules/absence.ts) with its ISO date range; `dismissed` has only a start. */
  absence: string | null;
  absent_from: string | null;
  absent_until: string | null;
  created_at: string;
  updated_at: string;
  /** The account that last set `manager_id`: it gains no evaluator's right by it (shared/access/reportAccess.ts). */
  manager_set_by: string | null;
  /** The account that last set `email`: it holds every link e-mailed there (link_holder). */
  email_set_by: string | null;
}

export interface UserTable {
  id: string;
  login: string;
  full_name: string;
  role: string;
  password_hash: string;
  created_at: string;
  /** The staff member this account belongs to (their own report, those they evaluate). */
  person_id: string | null;
  /** An HR officer's grant to read reports (§21); 0 or 1. */
  can_read_reports: Generated<number>;
  /** The second factor's TOTP secret, sealed (server/security/secretBox.ts); null when sign-in asks for none. */
  totp_secret: string | null;
  /** A secret being set up, sealed likewise: asked for at sign-in only once a code from it has been confirmed. */
  totp_pending: string | null;
  /** The time step of the last code accepted: that code and earlier ones are refused (no replay). */
  totp_last_step: number | null;
  /** The account that linked this one to `person_id`: linking one's own account gives no report right. */
  person_linked_by: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen database opens no session. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface CampaignTable {
  id: string;
  name: string;
  year: number;
  methodology_id: string;
  deadline: string;
  status: string;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  archived_at: string | null;
  /** When its results and training aggregates were kept (closing, or the first view of an older campaign). */
  results_kept_at: string | null;
  /** The check value of its answer key (server/security/answerKeys.ts checkOf); null before it had one. */
  answer_key_check: string | null;
}

/** One evaluated person in one campaign, with the facts the report must keep after the staff list changes. */
export interface EvaluationTable {
  id: string;
  campaign_id: string;
  person_id: string;
  form_key: string;
  full_name: string;
  position: string;
  unit_name: string;
  category: string;
  /** §6–7: the absence kind for which the person is evaluated without their own participation, or null. */
  without_participation: string | null;
  /**
   * The direct manager when the campaign opened (or when the person was added to an open one): the evaluator,
   * who may read the report (§2, §21). Fixed then: a later change of manager gives no one this report.
   */
  evaluator_id: string | null;
  /** The account that had set that manager: it gains no evaluator's right by it. */
  evaluator_set_by: string | null;
}

/** Who is asked about whom, and whether it was answered (once) — never the answers. */
export interface InvitationTable {
  id: string;
  evaluation_id: string;
  respondent_id: string;
  relation: string;
  answered: Generated<number>;
}

/**
 * A live link of an invitation, as the hash of its token. An invitation may have several (a reminder adds
 * one, the earlier keeps working); re-issuing replaces them all. No time column: see docs/threat-model.md.
 */
export interface LinkTable {
  token_hash: string;
  invitation_id: string;
}

/**
 * One submitted questionnaire. No link, respondent or time reference; the id is random so that neither
 * the key nor SQLite's rowid (which it aliases) follows submission order.
 */
export interface ResponseTable {
  id: ColumnType<number, number, never>;
  evaluation_id: string;
  is_self: number;
  /**
   * The respondent's group only when at least 3 of that group were assigned (else 'other'), narrowed at
   * closing to the groups the report may show; null for the self-assessment (shared/scoring/respondentGroup.ts).
   */
  respondent_group: string | null;
  /** JSON object: statement id → scale value. */
  answers: string;
}

/**
 * A questionnaire answered while its campaign is open, sealed (AES-256-GCM) under the campaign's key, which is
 * kept outside the database (server/security/answerKeys.ts) and destroyed when the campaign closes. The box holds
 * the self mark, the group and the answers, padded to one length for every answer of its form: a copy of the
 * database pairs an invitation only with ciphertext of a fixed size. Closing opens the boxes and writes
 * `response` rows in random order under fresh keys.
 */
export interface AnswerBoxTable {
  id: ColumnType<number, number, never>;
  evaluation_id: string;
  box: string;
}

/**
 * A staff account that held a readable link of an invitation: it saw it listed or printed, or it set the
 * address the link was e-mailed to. Such an answer does not count toward a report that account reads
 * (shared/access/reportThreshold.ts): whoever may have answered in a respondent's place learns nothing from it.
 */
export interface LinkHolderTable {
  invitation_id: string;
  user_id: string;
}

/**
 * One staff action: who, what, on which record, when. Respondents' actions are never recorded here, so the
 * log cannot tell who answered or when.
 */
export interface AuditEntryTable {
  seq: Generated<number>;
  at: string;
  user_id: string | null;
  user_login: string;
  /** The API route acted on, e.g. `POST /campaigns/:id/open`; shared/audit/auditActions.ts names it. */
  action: string;
  /** The route's parameters (ids of the records acted on), as JSON. */
  target: string | null;
  /** What the action changed, as JSON, when the route says (never a password, token or answer). */
  details: string | null;
  /** SHA-256 chaining the entry to the one before it (db/auditChain.ts), so edits show. */
  hash: string | null;
}

/** A date the administrator made a day off or a working day (shared/rules/workingDays.ts), with the act behind it. */
export interface CalendarOverrideTable {
  id: string;
  date: string;
  /** `dayOff` or `working`. */
  kind: string;
  note: string;
  created_by: string;
  created_at: string;
}

/**
 * One message for one invitation: an e-mail (invitation or reminder) or a printed sheet. Its state and
 * outcome only — the link it carried is never stored.
 */
export interface DeliveryTable {
  id: string;
  invitation_id: string;
  /** `invitation` | `reminder` */
  kind: string;
  /** `email` | `print` */
  channel: string;
  /** The occasion: `invitation`, `manual:<date>` or `auto:<working days before the deadline>`. */
  slot: string;
  /** `pending` | `sending` | `sent` | `failed` */
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  /** The origin the link is built on (the site address HR used), not the link. */
  link_origin: string;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** A campaign's automatic reminders: the working days before the deadline on which they go out. */
export interface ReminderScheduleTable {
  campaign_id: string;
  /** JSON array of whole numbers, e.g. [5, 1]. */
  days_before: string;
  link_origin: string;
  updated_at: string;
  /** The organisation's day (ISO date) the schedule was last applied; saving the schedule clears it. */
  checked_on: string | null;
}

/** A calibration session (§38–43): the reports put before it are readable by its participants. */
export interface CalibrationSessionTable {
  id: string;
  campaign_id: string;
  title: string;
  created_at: string;
}

export interface CalibrationMemberTable {
  session_id: string;
  user_id: string;
}

export interface CalibrationReportTable {
  session_id: string;
  evaluation_id: string;
}

/** An evaluation's result, kept when its campaign closes (shared/training/evaluationResult.ts). */
export interface EvaluationResultTable {
  evaluation_id: string;
  /** `ready` | `insufficient` (under the response threshold: no scores). */
  status: string;
  response_count: number;
  /** JSON object: competency id → score. */
  scores: string | null;
  overall: number | null;
  /** JSON array of the weakest competencies' ids. */
  weakest: string | null;
}

/** Per campaign and unit: evaluated persons and ready reports (shared/training/trainingNeeds.ts UnitTally). */
export interface TrainingUnitTable {
  campaign_id: string;
  unit_name: string;
  evaluated: number;
  ready: number;
}

/** Per campaign, unit and competency: persons scored and the sum of their scores in hundredths. */
export interface TrainingCellTable {
  campaign_id: string;
  unit_name: string;
  competency_id: string;
  persons: number;
  hundredths: number;
}

/** Per campaign, competency and score (hundredths): how many persons got it, and of them how many among their weakest. */
export interface TrainingScoreTable {
  campaign_id: string;
  competency_id: string;
  hundredths: number;
  persons: number;
  weakest: number;
}

/** A person scored in a competency, at their place (`ordinal`) in the campaign's order by unit and name. */
export interface TrainingMemberTable {
  campaign_id: string;
  competency_id: string;
  ordinal: number;
  evaluation_id: string;
  hundredths: number;
  /** 1 when the competency is among the person's weakest. */
  weakest: number;
}

/** A course group HR released to the trainers: its names become visible to them (§37). */
export interface TrainingReleaseTable {
  id: string;
  campaign_id: string;
  competency_id: string;
  /** shared/training/criterion.ts: `weakest` or `below:3.50`. */
  criterion: string;
  released_by: string | null;
  released_by_name: string;
  released_at: string;
}

export interface Database {
  unit: UnitTable;
  person: PersonTable;
  app_user: UserTable;
  user_session: SessionTable;
  campaign: CampaignTable;
  evaluation: EvaluationTable;
  invitation: InvitationTable;
  link: LinkTable;
  response: ResponseTable;
  answer_box: AnswerBoxTable;
  link_holder: LinkHolderTable;
  audit_entry: AuditEntryTable;
  calibration_session: CalibrationSessionTable;
  calibration_member: CalibrationMemberTable;
  calibration_report: CalibrationReportTable;
  calendar_override: CalendarOverrideTable;
  delivery: DeliveryTable;
  reminder_schedule: ReminderScheduleTable;
  evaluation_result: EvaluationResultTable;
  training_release: TrainingReleaseTable;
  training_unit: TrainingUnitTable;
  training_cell: TrainingCellTable;
  training_score: TrainingScoreTable;
  training_member: TrainingMemberTable;
}

export type UnitRow = Selectable<UnitTable>;
export type PersonRow = Selectable<PersonTable>;
export type UserRow = Selectable<UserTable>;
export type CampaignRow = Selectable<CampaignTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type CalendarOverrideRow = Selectable<CalendarOverrideTable>;
export type NewPerson = Insertable<PersonTable>;
export type AuditEntryRow = Selectable<AuditEntryTable>;
