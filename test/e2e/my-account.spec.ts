import { request } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { translate } from '../../shared/i18n/translate.ts';
import { E2E_ADMIN } from './credentials.ts';
import { SAME_ORIGIN } from './sameOrigin.ts';
import { signIn } from './signIn.ts';
import { expect, test } from './cspGuardedTest.ts';

/**
 * "My account" in the browser: an HR officer of this spec's own (the shared accounts keep their passwords and
 * have no second factor) changes their password, sets up a second factor with a code computed here as an
 * authenticator app would, signs out and signs in again with the new password and a code.
 */
const tag = Date.now().toString(36);
const login = `totp.${tag}`;
const newPassword = `Жаңа құпиясөз ${tag}`;
const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

test('an HR officer changes their password, turns on a second factor and signs in with a code', async ({ page, baseURL }) => {
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: SAME_ORIGIN });
  expect((await admin.post('/api/auth/login', { data: { login: E2E_ADMIN.login, password: E2E_ADMIN.password } })).ok()).toBe(true);
  const created = await admin.post('/api/accounts', { data: { login, fullName: `Екі фактор ${tag}`, role: 'hr' } });
  expect(created.status()).toBe(201);
  const { password } = (await created.json()) as { password: string };
  await admin.dispose();

  await signIn(page, { login, password });
  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();

  // The password, by keyboard: a mismatch is caught beside its field, then Enter in the last field submits.
  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again').fill(`${newPassword}!`);
  await page.getByLabel('New password again').press('Enter');
  await expect(page.getByText(en('field.passwordMismatch'))).toBeVisible();
  await expect(page.getByLabel('New password again')).toBeFocused();
  await page.getByLabel('New password again').fill(newPassword);
  await page.getByLabel('New password again').press('Enter');
  await expect(page.getByText(en('password.changed'))).toBeVisible();

  // The second factor: a QR code and the key; a wrong code is refused beside the field, the app's code turns it on.
  await expect(page.getByText(en('secondFactor.statusOff'))).toBeVisible();
  await page.getByRole('button', { name: 'Set up' }).click();
  await expect(page.getByRole('img', { name: en('secondFactor.qrAlt') })).toBeVisible();
  const key = (await page.getByTestId('totp-key').textContent())!.replace(/\s/g, '');
  const app = new TOTP({ secret: Secret.fromBase32(key) });
  const codeField = page.getByLabel('Code from the app');
  await expect(codeField).toBeFocused();
  const wrong = String((Number(app.generate()) + 500_000) % 1_000_000).padStart(6, '0');
  await codeField.fill(wrong);
  await codeField.press('Enter');
  await expect(page.getByText(en('errors.auth.codeInvalid'))).toBeVisible();
  await codeField.fill(app.generate());
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByText(en('secondFactor.turnedOn'))).toBeVisible();
  await expect(page.getByText(en('secondFactor.statusOn'))).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The right password alone starts no session: the code is asked for.
  await expect(page.getByRole('alert')).toHaveText(en('errors.auth.codeRequired'));
  const code = page.getByLabel('Code from the authenticator app');
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  // The next time step's code: inside the ±1 window, and never the code that turned the factor on.
  await code.fill(app.generate({ timestamp: Date.now() + 30_000 }));
  await code.press('Enter');
  // Signed in, back on the page signed out from.
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expect(page.getByText(en('secondFactor.statusOn'))).toBeVisible();
});
