import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { DB } from '../../db/connect.ts';
import { deleteSession, findSessionUser, insertSession } from '../../db/repositories/accounts.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { ApiError } from './apiError.ts';

export const SESSION_COOKIE = 'b360_session';
const SESSION_HOURS = 12;

export interface SessionUser {
  id: string;
  login: string;
  fullName: string;
  role: string;
  /** The staff member the account belongs to, if any. */
  personId: string | null;
  /** The account that linked it to that staff member: itself, and the link gives no report right. */
  personLinkedBy: string | null;
  /** An HR officer's grant to read reports (§21). */
  canReadReports: boolean;
}

export type AppEnv = {
  Variables: {
    user: SessionUser;
    /** Filled by handlers for the audit trail (server/http/auditTrail.ts). */
    auditDetails?: Record<string, unknown>;
    auditRead?: boolean;
  };
};

function cookieOptions(c: Context) {
  const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
  return { httpOnly: true, sameSite: 'Strict', secure, path: '/' } as const;
}

export async function startSession(c: Context, db: DB, userId: string): Promise<void> {
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await insertSession(db, hashToken(token), userId, expires.toISOString());
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(c), expires });
}

/** Signs out; returns whose session it was, if it was still valid. */
export async function endSession(c: Context, db: DB): Promise<SessionUser | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  const user = token ? await findSessionUser(db, hashToken(token), new Date().toISOString()) : undefined;
  if (token) await deleteSession(db, hashToken(token));
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
  return user;
}

/** The stored id of the session this request carries (the hash of its cookie), if any. */
export function currentSessionId(c: Context): string | null {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? hashToken(token) : null;
}

/** Loads the signed-in user, or refuses with 401. */
export function requireUser(db: DB): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? await findSessionUser(db, hashToken(token), new Date().toISOString()) : undefined;
    if (!user) throw new ApiError(401, 'auth.required');
    c.set('user', user);
    await next();
  };
}
