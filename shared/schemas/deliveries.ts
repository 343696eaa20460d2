import { z } from 'zod';
import { MAX_DAYS_BEFORE, MAX_POINTS } from '../rules/reminderSchedule.ts';
import { id } from './fields.ts';

/** Without invitationIds: every invitation that has not had one; with them: these, again (new links). */
export const chosenInvitationsBody = z.strictObject({
  invitationIds: z.array(id).min(1, { error: 'required' }).max(10000, { error: 'invalid' }).optional(),
});

export const reminderScheduleBody = z.strictObject({
  /** Working days before the deadline on which reminders go out; empty for none. */
  daysBefore: z
    .array(z.int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(MAX_DAYS_BEFORE, { error: 'invalid' }), { error: 'invalid' })
    .max(MAX_POINTS, { error: 'invalid' }),
});
