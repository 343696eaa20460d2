import { z } from 'zod';
import { LOCALES } from '../methodology/types.ts';
import { optionalId } from './fields.ts';

/** The language a PDF is printed in; the reader's own when the client says it. */
const locale = z.enum(LOCALES, { error: 'invalid' });

export const reportPdfQuery = z.strictObject({ lang: locale.optional() });

/** Every report of the campaign, or of one unit with its sub-units, as one PDF or a ZIP of one PDF per person. */
export const reportBatchBody = z.strictObject({
  format: z.enum(['pdf', 'zip'], { error: 'invalid' }),
  unitId: optionalId,
  lang: locale.optional(),
});
