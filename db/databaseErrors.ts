/** The code better-sqlite3 or PostgreSQL gave an error, if it is one of theirs. */
function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Unique-constraint refusals as better-sqlite3 and PostgreSQL name them. */
const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATIONS.has(codeOf(error) ?? '');
}

/** PostgreSQL's refusal of text its encoding cannot hold: in practice a NUL character, which SQLite stores. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

export function isUnstorableText(error: unknown): boolean {
  return UNSTORABLE_TEXT.has(codeOf(error) ?? '');
}
