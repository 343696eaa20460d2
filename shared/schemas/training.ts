import { z } from 'zod';
import { LOCALES } from '../methodology/types.ts';
import { criterionKey, parseCriterion } from '../training/criterion.ts';

/** `weakest` or `below:<score>`; normalised so that `below:3.5` and `below:3.50` name one group. */
const criterion = z
  .string()
  .max(20, { error: 'tooLong' })
  .transform((key, ctx) => {
    const parsed = parseCriterion(key);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'invalid' });
      return z.NEVER;
    }
    return criterionKey(parsed);
  });

export const trainingQuery = z.strictObject({
  criterion: criterion.default('weakest'),
  lang: z.enum(LOCALES, { error: 'invalid' }).optional(),
});

/** A course group is read a page at a time: 100,000 people may fall in one. */
export const COURSE_GROUP_PAGE = 50;

export const courseGroupQuery = z.strictObject({
  criterion: criterion.default('weakest'),
  offset: z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(10_000_000, { error: 'invalid' }).default(0),
  limit: z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(500, { error: 'invalid' }).default(COURSE_GROUP_PAGE),
});

export const releaseBody = z.strictObject({
  competencyId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'tooLong' }),
  criterion,
});
