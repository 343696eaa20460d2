import { describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n/translate.ts';
import { newPasswordProblem, PASSWORD_MIN_LENGTH } from '../../shared/rules/newPassword.ts';
import { loginBody } from '../../shared/schemas/api.ts';
import { passwordChangeBody } from '../../shared/schemas/ownAccount.ts';

const account = { current: 'old-password-2025', login: 'aigul.s' };

describe('a password its owner chooses', () => {
  it('is at least 12 characters, counted as characters rather than bytes', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(newPasswordProblem('short-pass1', account)).toBe('passwordTooShort');
    expect(newPasswordProblem('twelve-chars', account)).toBeNull();
    // 11 Kazakh letters: 22 bytes in UTF-8, still too short.
    expect(newPasswordProblem('құпиясөзқұп', account)).toBe('passwordTooShort');
    expect(newPasswordProblem('x'.repeat(201), account)).toBe('tooLong');
  });

  it('is neither the current password nor the login, whatever the case or Unicode form', () => {
    expect(newPasswordProblem('old-password-2025', account)).toBe('passwordIsCurrent');
    expect(newPasswordProblem('Old-password-2025', account)).toBeNull();
    expect(newPasswordProblem('kazakhstan.admin', { current: 'x', login: ' Kazakhstan.Admin ' })).toBe('passwordIsLogin');
    // Full-width letters are the same password once normalised (NFKC), as scrypt hashes it.
    expect(newPasswordProblem('ｋａｚａｋｈｓｔａｎ.ａｄｍｉｎ', { current: 'x', login: 'kazakhstan.admin' })).toBe('passwordIsLogin');
  });

  it('says so per field in the schema the form and the API share, in every language', () => {
    const schema = passwordChangeBody('aigul.s');
    const issues = (body: unknown) => (schema.safeParse(body).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
    expect(issues({ currentPassword: 'old-password-2025', newPassword: 'new-password-2026' })).toEqual([]);
    expect(issues({ currentPassword: 'old-password-2025', newPassword: 'short' })).toEqual([['newPassword', 'passwordTooShort']]);
    expect(issues({ currentPassword: 'old-password-2025', newPassword: 'old-password-2025' })).toEqual([['newPassword', 'passwordIsCurrent']]);
    expect(issues({ currentPassword: '', newPassword: 'new-password-2026' })).toEqual([['currentPassword', 'required']]);
    expect(schema.safeParse({ currentPassword: 'a', newPassword: 'new-password-2026', extra: 1 }).success).toBe(false);
    // The hint and the error state the length the rule enforces.
    for (const messages of Object.values(catalogues)) {
      expect(messages['field.passwordTooShort']).toContain(String(PASSWORD_MIN_LENGTH));
      expect(messages['password.newHint']).toContain(String(PASSWORD_MIN_LENGTH));
    }
  });
});

describe('a second factor’s code', () => {
  it('is six digits; the space some apps show in the middle is dropped', () => {
    const code = (value: unknown) => loginBody.safeParse({ login: 'hr', password: 'p', code: value });
    expect(code('123 456').data?.code).toBe('123456');
    expect(code(' 012345 ').data?.code).toBe('012345');
    for (const bad of ['12345', '1234567', '12a456', 123456]) expect(code(bad).success, String(bad)).toBe(false);
    expect(loginBody.safeParse({ login: 'hr', password: 'p' }).data?.code).toBeUndefined();
  });
});
