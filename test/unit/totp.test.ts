import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpStep, totpUri } from '../../server/security/totp.ts';

// A fixed secret keeps the codes, and so the test, the same on every run.
const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = new Date('2025-12-15T06:00:10Z');
const step = Math.floor(at.getTime() / 30_000);
/** The code an authenticator app shows `steps` time steps away from `at`. */
const codeAt = (steps: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() + steps * 30_000 });

describe('TOTP codes (RFC 6238)', () => {
  it('matches the RFC’s test vector: SHA-1, 8 digits, T = 59 s', () => {
    const rfcSecret = Secret.fromUTF8('12345678901234567890');
    expect(TOTP.generate({ secret: rfcSecret, digits: 8, timestamp: 59_000 })).toBe('94287082');
  });

  it('makes 160-bit secrets, different every time, and a URI an authenticator app reads', () => {
    const made = newTotpSecret();
    expect(Secret.fromBase32(made).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(made);
    const uri = new URL(totpUri(secret, 'aigul.s'));
    expect([uri.protocol, uri.host, decodeURIComponent(uri.pathname)]).toEqual(['otpauth:', 'totp', '/Bagalau 360:aigul.s']);
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'Bagalau 360', secret, algorithm: 'SHA1', digits: '6', period: '30' });
  });

  it('takes the code of the current step and of one step either side, naming the step it belongs to', () => {
    expect(totpStep(secret, codeAt(0), at)).toBe(step);
    expect(totpStep(secret, codeAt(-1), at)).toBe(step - 1);
    expect(totpStep(secret, codeAt(1), at)).toBe(step + 1);
  });

  it('refuses codes two steps away, and codes of another secret', () => {
    expect(totpStep(secret, codeAt(-2), at)).toBeNull();
    expect(totpStep(secret, codeAt(2), at)).toBeNull();
    const other = TOTP.generate({ secret: Secret.fromBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'), timestamp: at.getTime() });
    expect([codeAt(-1), codeAt(0), codeAt(1)]).not.toContain(other);
    expect(totpStep(secret, other, at)).toBeNull();
  });
});
