import { z } from 'zod';
import { newPasswordProblem, PASSWORD_MAX_LENGTH } from '../rules/newPassword.ts';
import { totpCode } from './fields.ts';

const password = z.string({ error: 'required' }).min(1, { error: 'required' }).max(PASSWORD_MAX_LENGTH, { error: 'tooLong' });

/** A signed-in account changing its own password; `login` is its own, which the new password may not be. */
export const passwordChangeBody = (login: string) =>
  z.strictObject({ currentPassword: password, newPassword: z.string({ error: 'required' }) }).superRefine((body, ctx) => {
    const problem = newPasswordProblem(body.newPassword, { current: body.currentPassword, login });
    if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
  });

export const totpCodeBody = z.strictObject({ code: totpCode });

export type PasswordChangeBody = z.infer<ReturnType<typeof passwordChangeBody>>;

/** Starting a second factor's setup takes nothing, and says so: a request carrying anything else is refused. */
export const totpSetupBody = z.strictObject({});
