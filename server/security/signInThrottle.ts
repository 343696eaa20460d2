/**
 * Slows password guessing: after too many failed sign-ins within a window, further attempts for that login,
 * or from that client address, are refused until the lock ends. Kept in memory: a restart forgets, which costs
 * an attacker a restart they cannot cause. A failure is counted under the login as typed, whether or not such an
 * account exists, so the refusal says nothing about which logins are real.
 */
export interface ThrottleLimits {
  /** Failures within `windowMs` that lock a login. */
  perLogin: number;
  /** Failures within `windowMs` that lock a client address: higher, as one office may share an address. */
  perAddress: number;
  windowMs: number;
  lockMs: number;
}

export const SIGN_IN_LIMITS: ThrottleLimits = { perLogin: 5, perAddress: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

interface Tally {
  /** Times of the failures still inside the window, oldest first. */
  failures: number[];
  lockedUntil: number;
}

export class SignInThrottle {
  private readonly logins = new Map<string, Tally>();
  private readonly addresses = new Map<string, Tally>();

  constructor(private readonly now: () => Date, private readonly limits: ThrottleLimits = SIGN_IN_LIMITS) {}

  /** When attempts for this login or from this address may resume, or null if they may go ahead now. */
  retryAt(login: string, address: string): Date | null {
    const now = this.now().getTime();
    const until = Math.max(this.lockEnd(this.logins, loginKey(login), now), this.lockEnd(this.addresses, address, now));
    return until > now ? new Date(until) : null;
  }

  recordFailure(login: string, address: string): void {
    const now = this.now().getTime();
    this.count(this.logins, loginKey(login), this.limits.perLogin, now);
    this.count(this.addresses, address, this.limits.perAddress, now);
  }

  /**
   * A correct password clears the login's failures, and only the login's: it proves nothing about the other
   * logins tried from the address, so someone guessing others' passwords who signs into their own account
   * between guesses still meets the address's limit.
   */
  recordSuccess(login: string): void {
    this.logins.delete(loginKey(login));
  }

  private lockEnd(map: Map<string, Tally>, key: string, now: number): number {
    const record = map.get(key);
    if (!record) return 0;
    if (record.lockedUntil <= now && record.failures.every((t) => t <= now - this.limits.windowMs)) {
      // Forget what no longer matters, so the maps do not grow with every login ever tried.
      map.delete(key);
      return 0;
    }
    return record.lockedUntil;
  }

  private count(map: Map<string, Tally>, key: string, limit: number, now: number): void {
    const record = map.get(key) ?? { failures: [], lockedUntil: 0 };
    record.failures = [...record.failures.filter((t) => t > now - this.limits.windowMs), now];
    if (record.failures.length >= limit) {
      record.lockedUntil = now + this.limits.lockMs;
      record.failures = [];
    }
    map.set(key, record);
  }
}

/** Logins are matched as typed apart from case and surrounding spaces, so 'HR ' and 'hr' share one count. */
function loginKey(login: string): string {
  return login.trim().toLowerCase();
}
