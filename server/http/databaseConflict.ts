import { isUniqueViolation } from '../../db/databaseErrors.ts';
import { ApiError } from './apiError.ts';

/**
 * The services check for duplicates before writing, but two requests at the same moment can both pass the
 * check; the database then refuses the second write. That is the user's race, not a server fault: a 409.
 */
export function databaseConflict(error: unknown): ApiError | null {
  return isUniqueViolation(error) ? new ApiError(409, 'conflict') : null;
}
