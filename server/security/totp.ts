import { Secret, TOTP } from 'otpauth';

/** What every authenticator app understands: HMAC-SHA1, six digits, 30-second steps (RFC 6238's defaults). */
const PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const ISSUER = 'Bagalau 360';
/** Steps either side of now whose codes are taken: a phone clock some seconds off, a code typed as it changed. */
export const TOTP_WINDOW = 1;

/** A new secret: 160 random bits (RFC 4226's recommendation), in base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code, naming the product and the login. */
export function totpUri(secret: string, login: string): string {
  return new TOTP({ ...PARAMS, issuer: ISSUER, label: login, secret: Secret.fromBase32(secret) }).toString();
}

/** The time step whose code `code` is, within the window around `at`; null when it is none of them. */
export function totpStep(secret: string, code: string, at: Date): number | null {
  const timestamp = at.getTime();
  const delta = TOTP.validate({ ...PARAMS, token: code, secret: Secret.fromBase32(secret), timestamp, window: TOTP_WINDOW });
  return delta === null ? null : TOTP.counter({ period: PARAMS.period, timestamp }) + delta;
}
