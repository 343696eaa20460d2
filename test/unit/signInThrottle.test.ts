import { describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../server/security/signInThrottle.ts';

const limits = { perLogin: 5, perAddress: 8, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

function clockAt(iso: string) {
  let now = new Date(iso);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('slowing down password guessing', () => {
  it('locks a login for 15 minutes after its 5th failure within 15 minutes, then lets it try again', () => {
    const clock = clockAt('2025-12-15T06:00:00Z');
    const throttle = new SignInThrottle(clock.now, limits);
    for (let i = 0; i < 4; i++) {
      throttle.recordFailure('hr', `10.0.0.${i}`);
      clock.advance(60_000);
    }
    expect(throttle.retryAt('hr', '10.0.1.1')).toBeNull();
    throttle.recordFailure('hr', '10.0.0.9');
    expect(throttle.retryAt('hr', '10.0.1.1')).toEqual(new Date('2025-12-15T06:19:00Z'));
    expect(throttle.retryAt('HR ', '10.0.1.1')).toEqual(new Date('2025-12-15T06:19:00Z'));
    expect(throttle.retryAt('other', '10.0.1.1')).toBeNull();
    clock.advance(15 * 60_000 - 1);
    expect(throttle.retryAt('hr', '10.0.1.1')).not.toBeNull();
    clock.advance(1);
    expect(throttle.retryAt('hr', '10.0.1.1')).toBeNull();
  });

  it('forgets failures older than the window', () => {
    const clock = clockAt('2025-12-15T06:00:00Z');
    const throttle = new SignInThrottle(clock.now, limits);
    for (let i = 0; i < 4; i++) throttle.recordFailure('hr', 'a');
    clock.advance(15 * 60_000);
    throttle.recordFailure('hr', 'a');
    expect(throttle.retryAt('hr', 'a')).toBeNull();
  });

  it('locks an address that tries many logins, at its own higher limit', () => {
    const clock = clockAt('2025-12-15T06:00:00Z');
    const throttle = new SignInThrottle(clock.now, limits);
    for (let i = 0; i < 7; i++) throttle.recordFailure(`login${i}`, '192.0.2.7');
    expect(throttle.retryAt('fresh', '192.0.2.7')).toBeNull();
    throttle.recordFailure('login7', '192.0.2.7');
    expect(throttle.retryAt('fresh', '192.0.2.7')).toEqual(new Date('2025-12-15T06:15:00Z'));
    expect(throttle.retryAt('fresh', '192.0.2.8')).toBeNull();
  });

  it('clears the login’s failures on a success', () => {
    const clock = clockAt('2025-12-15T06:00:00Z');
    const throttle = new SignInThrottle(clock.now, limits);
    for (let i = 0; i < 4; i++) throttle.recordFailure('hr', 'a');
    throttle.recordSuccess('hr');
    for (let i = 0; i < 4; i++) throttle.recordFailure('hr', 'b');
    expect(throttle.retryAt('hr', 'c')).toBeNull();
  });

  it('never clears the address’s failures on a success: signing into one’s own account between guesses at others’ does not reset the address', () => {
    const clock = clockAt('2025-12-15T06:00:00Z');
    const throttle = new SignInThrottle(clock.now, limits);
    for (let i = 0; i < 7; i++) {
      throttle.recordFailure(`victim${i}`, '192.0.2.7');
      throttle.recordSuccess('mine');
    }
    expect(throttle.retryAt('mine', '192.0.2.7')).toBeNull();
    throttle.recordFailure('victim7', '192.0.2.7');
    expect(throttle.retryAt('mine', '192.0.2.7')).toEqual(new Date('2025-12-15T06:15:00Z'));
    expect(throttle.retryAt('mine', '192.0.2.8')).toBeNull();
  });
});
