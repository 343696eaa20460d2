import { isUnstorableText } from '../../db/databaseErrors.ts';
import { ApiError } from './apiError.ts';

/**
 * A NUL character sent in a name, a login or a search reaches PostgreSQL only as a value it refuses to store or
 * compare. That is the request's fault, not the server's: a 400 naming it, where it would otherwise be a 500.
 */
export function unstorableText(error: unknown): ApiError | null {
  return isUnstorableText(error) ? new ApiError(400, 'text.nulCharacter') : null;
}
