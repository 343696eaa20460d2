import { describe, expect, it } from 'vitest';
import { UnknownTokenLimiter } from '../../server/security/unknownTokenLimiter.ts';

describe('UnknownTokenLimiter', () => {
  const start = Date.parse('2025-12-15T06:00:00Z');
  const setup = () => {
    let now = start;
    const limiter = new UnknownTokenLimiter(() => new Date(now), 20, 10 * 60_000);
    return { limiter, at: (ms: number) => (now = start + ms) };
  };

  it('lets 20 unknown tokens through and refuses the client after the 20th, for the rest of the window', () => {
    const { limiter, at } = setup();
    for (let i = 0; i < 19; i++) {
      at(i * 1000);
      limiter.recordUnknown('10.0.0.1');
    }
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeNull();
    at(19_000);
    limiter.recordUnknown('10.0.0.1');
    // The first miss (at 0 s) leaves the 600-second window at 600 s.
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(581);
    at(599_500);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
    at(600_000);
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeNull();
  });

  it('counts each address on its own', () => {
    const { limiter } = setup();
    for (let i = 0; i < 20; i++) limiter.recordUnknown('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(600);
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBeNull();
  });

  it('forgets misses older than the window', () => {
    const { limiter, at } = setup();
    for (let i = 0; i < 19; i++) limiter.recordUnknown('10.0.0.1');
    at(10 * 60_000 + 1);
    limiter.recordUnknown('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeNull();
  });

  it('keeps refusing a client that goes on trying while refused', () => {
    const { limiter, at } = setup();
    for (let i = 0; i < 40; i++) {
      at(i * 10_000);
      limiter.recordUnknown('10.0.0.1');
    }
    // The 20th most recent miss was at 200 s: free again at 800 s.
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(800 - 390);
  });
});
