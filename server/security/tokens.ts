import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: the whole content of a respondent link or a session cookie. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this hash. A fast hash suffices: 256-bit tokens cannot be guessed from it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
