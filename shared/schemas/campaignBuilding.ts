import { z } from 'zod';
import { id } from './fields.ts';

/** A unit added to a campaign in one step, with or without the units below it. */
export const addUnitBody = z.strictObject({
  unitId: id,
  includeSubunits: z.boolean({ error: 'invalid' }).default(false),
});

export type AddUnitBody = z.infer<typeof addUnitBody>;
