import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../server/security/password.ts';

describe('generated passwords', () => {
  it('are 20 base64url characters, none beginning with a character a spreadsheet reads as a formula', () => {
    const passwords = Array.from({ length: 3000 }, generatePassword);
    for (const password of passwords) {
      expect(password).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{19}$/);
    }
    // One in 64 would begin with '-' if drawn freely: over 3,000 that is about 47, so the rule is what keeps them out.
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
