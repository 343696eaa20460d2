import { ApiError } from './apiError.ts';

/** PostgreSQL's refusal of text its encoding cannot hold: in practice a NUL character, which SQLite stores. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/**
 * A NUL character sent in a name, a login or a search reaches PostgreSQL only as a value it refuses to store or
 * compare. That is the request's fault, not the server's: a 400 naming it, where it would otherwise be a 500.
 */
export function unstorableText(error: unknown): ApiError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && UNSTORABLE_TEXT.has(code) ? new ApiError(400, 'text.nulCharacter') : null;
}
