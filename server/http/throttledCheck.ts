import type { Context } from 'hono';
import type { SignInThrottle } from '../security/signInThrottle.ts';
import { ApiError } from './apiError.ts';
import { clientAddress } from './clientAddress.ts';

/** Refusals that mean a wrong guess at a password or a code: each counts toward the sign-in throttle. */
const GUESSES = new Set(['auth.invalidCredentials', 'auth.codeRequired', 'auth.codeInvalid', 'auth.codeUsed', 'auth.currentPasswordWrong']);

export type ThrottledCheck = <T>(c: Context, login: string, check: () => Promise<T>) => Promise<T>;

/**
 * Runs a check of a password or a code for `login` under the throttle: refused with 429 while the login or the
 * address is locked (before anything is checked, so a locked login answers alike whether the guess was right or
 * not), counted when it fails as a guess, clearing the login's count (never the address's) when it passes.
 * Sign-in, the own password change and turning off a second factor share one throttle, so none of them is a way
 * around the others.
 */
export function throttledCheck(throttle: SignInThrottle, now: () => Date, trustProxy: boolean): ThrottledCheck {
  return async (c, login, check) => {
    const address = clientAddress(c, trustProxy);
    const retryAt = throttle.retryAt(login, address);
    if (retryAt) {
      const seconds = Math.ceil((retryAt.getTime() - now().getTime()) / 1000);
      c.header('Retry-After', String(seconds));
      throw new ApiError(429, 'auth.tooManyAttempts', { minutes: Math.ceil(seconds / 60), retryAt: retryAt.toISOString() });
    }
    try {
      const result = await check();
      throttle.recordSuccess(login);
      return result;
    } catch (error) {
      if (error instanceof ApiError && GUESSES.has(error.code)) throttle.recordFailure(login, address);
      throw error;
    }
  };
}
