import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: the whole content of a respondent link or a session cookie. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this hash. A fast hash suffices: 256-bit tokens cannot be guessed from it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * New links for one response that hands them out: the repository stores what `mint` returns (the hashes),
 * the response carries `tokenOf` (the only readable copy).
 */
export function linkTokens() {
  const tokens = new Map<string, string>();
  return {
    mint: (invitationId: string): string => {
      const token = newToken();
      tokens.set(invitationId, token);
      return hashToken(token);
    },
    tokenOf: (invitationId: string): string => tokens.get(invitationId)!,
  };
}
