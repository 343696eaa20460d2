import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { id, optionalId, text } from './fields.ts';

/** A login: one word (an e-mail or a personnel number will do), at most 100 characters. */
export const accountLogin = text(100).regex(/^\S+$/, { error: 'invalid' });

const role = z.enum(ROLES, { error: 'invalid' });

export const accountCreateBody = z.strictObject({
  login: accountLogin,
  fullName: text(),
  role,
  /** The staff member the account belongs to. */
  personId: optionalId,
  /** An HR officer's grant to read reports (§21). */
  canReadReports: z.boolean({ error: 'invalid' }).default(false),
});

export const accountUpdateBody = z.strictObject({
  fullName: text(),
  role,
  personId: optionalId,
  canReadReports: z.boolean({ error: 'invalid' }).default(false),
});

/** Staff members to give their own accounts in one step. */
export const accountsForPeopleBody = z.strictObject({
  personIds: z.array(id).min(1, { error: 'required' }).max(500, { error: 'tooLong' }),
});

export type AccountCreateBody = z.infer<typeof accountCreateBody>;
export type AccountUpdateBody = z.infer<typeof accountUpdateBody>;
