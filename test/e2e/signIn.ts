import { expect, type Page } from '@playwright/test';

/** Signs in through the login page, as a person would, and waits for the campaigns list. */
export async function signIn(page: Page, account: { login: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Login').fill(account.login);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: '360 campaigns' })).toBeVisible();
}
