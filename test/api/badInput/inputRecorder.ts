import type { Context } from 'hono';
import type { z } from 'zod';

/** What a route was seen to read: the Zod schemas of its body and query, or an uploaded file. */
export interface RouteInputs {
  body?: z.ZodType;
  query?: z.ZodType;
  file?: true;
}

/**
 * Filled by the wrapped server/http/parseBody.ts and uploadedFile.ts (vi.mock in badInput.test.ts) as requests
 * run, keyed `METHOD /api/path` as the app's route table names routes. So the fuzz learns each route's real
 * schema by watching it parse, and a new route is fuzzed with its own schema without being listed anywhere.
 */
export const seenInputs = new Map<string, RouteInputs>();

/** Bodies each schema accepted (while the database was seeded): valid starting points to spoil one field of. */
export const acceptedBodies = new Map<z.ZodType, unknown[]>();

export function recordAccepted(schema: z.ZodType, body: unknown): void {
  const seen = acceptedBodies.get(schema) ?? [];
  if (seen.length < 20) acceptedBodies.set(schema, [...seen, body]);
}

export function recordInput(c: Context, input: RouteInputs): void {
  const key = `${c.req.method} ${c.req.routePath}`;
  seenInputs.set(key, { ...seenInputs.get(key), ...input });
}
