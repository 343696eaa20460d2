import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, validationError } from './apiError.ts';

/** Reads a JSON body and validates it; a malformed or invalid body is a 400 that names every problem. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  // The media type itself, parameters (a charset) aside: application/jsonp or application/json5 is not JSON.
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new ApiError(415, 'body.notJson');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'body.invalidJson');
  }
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** Validates the query string; a bad parameter is a 400 that names it. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query(), { reportInput: true });
  if (!result.success) throw validationError(result.error);
  return result.data;
}
