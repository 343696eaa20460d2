import { z } from 'zod';
import { DAY_KINDS } from '../rules/calendarOverride.ts';
import { isoDate, text, year } from './fields.ts';

export const calendarOverrideBody = z.strictObject({
  date: isoDate,
  kind: z.enum(DAY_KINDS, { error: 'invalid' }),
  /** The act behind the change, e.g. the Minister's order with its date. */
  note: text(300),
});

export const calendarYearParam = z.coerce.number({ error: 'invalidYear' }).pipe(year);

export type CalendarOverrideBody = z.infer<typeof calendarOverrideBody>;
