import { z } from 'zod';
import { id, text } from './fields.ts';

/** A calibration session (§38–43): its title, its participants (accounts) and the reports put before it. */
export const calibrationBody = z.strictObject({
  title: text(),
  memberIds: z.array(id).max(200, { error: 'tooLong' }).default([]),
  evaluationIds: z.array(id).max(5000, { error: 'tooLong' }).default([]),
});

export type CalibrationBody = z.infer<typeof calibrationBody>;
