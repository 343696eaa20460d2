import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('e-mail configuration', () => {
  it('is off without SMTP_URL, and needs MAIL_FROM with it', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtps://hr:secret@mail.example.kz:465', MAIL_FROM: 'HR <hr@example.kz>' }).mail).toEqual({
      smtpUrl: 'smtps://hr:secret@mail.example.kz:465',
      from: 'HR <hr@example.kz>',
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.kz:587' })).toThrow(/MAIL_FROM: required/);
    expect(() => loadConfig({ SMTP_URL: 'mail.example.kz', MAIL_FROM: 'hr@example.kz' })).toThrow(/SMTP_URL/);
  });
});
