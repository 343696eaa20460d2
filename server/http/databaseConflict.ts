import { ApiError } from './apiError.ts';

/** Unique-constraint refusals as better-sqlite3 and PostgreSQL name them. */
const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

/**
 * The services check for duplicates before writing, but two requests at the same moment can both pass the
 * check; the database then refuses the second write. That is the user's race, not a server fault: a 409.
 */
export function databaseConflict(error: unknown): ApiError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && UNIQUE_VIOLATIONS.has(code) ? new ApiError(409, 'conflict') : null;
}
