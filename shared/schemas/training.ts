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

export const releaseBody = z.strictObject({
  competencyId: z.string({ error: 'required' }).min(1, { error: 'required' }).max(64, { error: 'tooLong' }),
  criterion,
});
