import { z } from 'zod';

/** Query of the audit log page: newest first, a page at a time. */
export const auditQuery = z.strictObject({
  // `seq` is a 32-bit integer on PostgreSQL, which refuses to compare it with anything larger.
  before: z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).positive({ error: 'invalid' }).max(2147483647, { error: 'invalid' }).optional(),
  user: z.string().trim().max(100, { error: 'tooLong' }).optional(),
  action: z.string().trim().max(200, { error: 'tooLong' }).optional(),
  limit: z.coerce.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'invalid' }).max(500, { error: 'invalid' }).default(100),
});
