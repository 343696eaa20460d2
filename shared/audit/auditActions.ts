/**
 * Audit entries name the API route acted on; this table gives each route its sentence in the catalogues
 * (`audit.action.*`). A test keeps it complete: every state-changing staff route has a name.
 */
export const AUDIT_ACTIONS = {
  'POST /auth/login': 'audit.action.signIn',
  'POST /auth/logout': 'audit.action.signOut',
  'POST /auth/password': 'audit.action.ownPassword',
  'POST /auth/totp/setup': 'audit.action.secondFactorSetup',
  'POST /auth/totp/confirm': 'audit.action.secondFactorOn',
  'POST /auth/totp/off': 'audit.action.secondFactorOff',
  'GET /evaluations/:eid/report': 'audit.action.reportRead',
  'GET /evaluations/:eid/report.pdf': 'audit.action.reportPdf',
  'POST /units': 'audit.action.unitCreate',
  'PUT /units/:id': 'audit.action.unitUpdate',
  'DELETE /units/:id': 'audit.action.unitDelete',
  'POST /people': 'audit.action.personCreate',
  'PUT /people/:id': 'audit.action.personUpdate',
  'DELETE /people/:id': 'audit.action.personDelete',
  'POST /staff-import/preview': 'audit.action.importPreview',
  'POST /staff-import/apply': 'audit.action.importApply',
  'POST /campaigns': 'audit.action.campaignCreate',
  'PUT /campaigns/:id': 'audit.action.campaignUpdate',
  'POST /campaigns/:id/open': 'audit.action.campaignOpen',
  'POST /campaigns/:id/close': 'audit.action.campaignClose',
  'POST /campaigns/:id/archive': 'audit.action.campaignArchive',
  'POST /calendar/overrides': 'audit.action.calendarAdd',
  'DELETE /calendar/overrides/:id': 'audit.action.calendarRemove',
  'POST /campaigns/:id/evaluations': 'audit.action.evaluationsAdd',
  'POST /campaigns/:id/units': 'audit.action.unitAdd',
  'DELETE /campaigns/:id/evaluations/:eid': 'audit.action.evaluationRemove',
  'PUT /campaigns/:id/evaluations/:eid/respondents': 'audit.action.respondentsSet',
  'POST /campaigns/:id/links': 'audit.action.linksIssue',
  'POST /campaigns/:id/deliveries/invitations': 'audit.action.invitationsSend',
  'POST /campaigns/:id/deliveries/retry': 'audit.action.deliveriesRetry',
  'POST /campaigns/:id/deliveries/reminders': 'audit.action.remindersSend',
  'PUT /campaigns/:id/deliveries/schedule': 'audit.action.reminderSchedule',
  'POST /campaigns/:id/sheets': 'audit.action.sheetsPrint',
  'GET /training/:campaignId/groups': 'audit.action.trainingGroupsRead',
  'GET /training/:campaignId/groups/:competencyId': 'audit.action.trainingGroupPageRead',
  'GET /training/:campaignId/export': 'audit.action.trainingExport',
  'POST /training/:campaignId/releases': 'audit.action.trainingRelease',
  'DELETE /training/:campaignId/releases/:releaseId': 'audit.action.trainingWithdraw',
  'POST /accounts': 'audit.action.accountCreate',
  'POST /accounts/for-people': 'audit.action.accountsForPeople',
  'PUT /accounts/:id': 'audit.action.accountUpdate',
  'POST /accounts/:id/password': 'audit.action.accountPassword',
  'DELETE /accounts/:id/totp': 'audit.action.accountSecondFactorRemove',
  'DELETE /accounts/:id': 'audit.action.accountDelete',
  'POST /campaigns/:id/calibrations': 'audit.action.calibrationCreate',
  'PUT /campaigns/:id/calibrations/:sid': 'audit.action.calibrationUpdate',
  'DELETE /campaigns/:id/calibrations/:sid': 'audit.action.calibrationDelete',
  'POST /campaigns/:id/report-batches': 'audit.action.reportBatch',
} as const;

export type AuditActionKey = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

export function auditActionKey(action: string): AuditActionKey | undefined {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS] : undefined;
}

/** Figures an entry's details may carry, each with its label (`audit.detail.*`). */
export const AUDIT_DETAILS = ['year', 'count', 'leftOut', 'created', 'updated', 'unchanged', 'skipped', 'unitsCreated'] as const;
export type AuditDetail = (typeof AUDIT_DETAILS)[number];
export const isAuditDetail = (key: string): key is AuditDetail => (AUDIT_DETAILS as readonly string[]).includes(key);
