import { z } from 'zod';
import { RELATIONS } from '../rules/respondentRelation.ts';
import { ABSENCES } from '../rules/absence.ts';
import { category, id, isoDate, totpCode, optionalCode, optionalDate, optionalEmail, optionalId, text, year } from './fields.ts';

export const loginBody = z.strictObject({
  login: text(100),
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
  /** The second factor's code, for accounts that have one; asked for once the password proved right. */
  code: totpCode.optional(),
});

export const unitBody = z.strictObject({ name: text(), parentId: optionalId });

export const personBody = z
  .strictObject({
    fullName: text(),
    position: text(),
    unitId: id,
    category,
    managerId: optionalId,
    email: optionalEmail,
    employeeNo: optionalCode,
    appointedOn: optionalDate,
    absence: z.union([z.literal(''), z.null(), z.enum(ABSENCES, { error: 'invalid' })]).default(null).transform((v) => (v ? v : null)),
    absentFrom: optionalDate,
    absentUntil: optionalDate,
  })
  .superRefine((p, ctx) => {
    if (p.absence && !p.absentFrom) ctx.addIssue({ code: 'custom', path: ['absentFrom'], message: 'required' });
    if (!p.absence && (p.absentFrom || p.absentUntil)) ctx.addIssue({ code: 'custom', path: ['absence'], message: 'required' });
    if (p.absentFrom && p.absentUntil && p.absentUntil < p.absentFrom) ctx.addIssue({ code: 'custom', path: ['absentUntil'], message: 'dateOrder' });
  });

export const campaignCreateBody = z.strictObject({
  name: text(),
  year,
  /** Defaults to the methodology's deadline for the year (§5). */
  deadline: isoDate.optional(),
  methodologyId: z.string().max(64).optional(),
});

export const campaignUpdateBody = z.strictObject({ name: text(), deadline: isoDate });

export const addEvaluationsBody = z.strictObject({
  personIds: z.array(id).min(1, { error: 'required' }).max(1000, { error: 'tooLong' }),
});

export const respondentsBody = z.strictObject({
  respondents: z
    .array(z.strictObject({ personId: id, relation: z.enum(RELATIONS.filter((r) => r !== 'self') as ['manager', 'subordinate', 'peer']) }))
    .max(50, { error: 'tooLong' }),
});

export const issueLinksBody = z.strictObject({
  /** Re-issue these invitations' links (the old ones stop working); without it, links go to every invitation lacking one. */
  invitationIds: z.array(id).max(10000).optional(),
});

/** A link token: 32 random bytes in base64url. */
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'invalid' });

export const respondOpenBody = z.strictObject({ token: linkToken });

/**
 * Statement id → scale value. A record silently drops a `__proto__` key (whatever its value), which would let
 * a submission through with a key it never checked: that key is refused like any unknown field.
 */
const answers = z.preprocess(
  (raw, ctx) => {
    if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, '__proto__')) ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'unknownField', input: raw });
    return raw;
  },
  z.record(z.string().min(1).max(80), z.number().int()).refine((a) => Object.keys(a).length <= 200, { error: 'tooLong' }),
);

export const respondSubmitBody = z.strictObject({ token: linkToken, answers });

export type PersonBody = z.infer<typeof personBody>;
export type CampaignCreateBody = z.infer<typeof campaignCreateBody>;
