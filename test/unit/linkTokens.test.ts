import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, linkTokens, newToken } from '../../server/security/tokens.ts';
import { linkToken } from '../../shared/schemas/api.ts';

describe('link tokens', () => {
  it('are 256 random bits in base64url, accepted by the API schema', () => {
    const tokens = Array.from({ length: 2000 }, newToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(linkToken.safeParse(token).success).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // Every one of the 256 bit positions is set in about half the tokens: no fixed or biased bits.
    for (let bit = 0; bit < 256; bit++) {
      const ones = tokens.filter((t) => (Buffer.from(t, 'base64url')[bit >> 3]! >> (bit & 7)) & 1).length;
      expect(ones).toBeGreaterThan(2000 * 0.4);
      expect(ones).toBeLessThan(2000 * 0.6);
    }
  });

  it('are stored only as their SHA-256, in hex', () => {
    const token = newToken();
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    const minted = linkTokens();
    const stored = minted.mint('invitation-1');
    expect(stored).toBe(hashToken(minted.tokenOf('invitation-1')));
    expect(stored).not.toContain(minted.tokenOf('invitation-1'));
  });
});
