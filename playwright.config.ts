import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './server/pdf/chromiumFlags.ts';
import { E2E_SMTP_PORT } from './test/e2e/mailPort.ts';

const port = Number(process.env.E2E_PORT ?? 8361);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  workers: 1,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    command: 'tsx test/e2e/testServer.ts',
    url: `http://127.0.0.1:${port}/api/auth/me`,
    // The invitations spec listens for the app's e-mail on E2E_SMTP_PORT.
    // Links are built on the address respondents open (server/http/linkOrigin.ts), here the test server's.
    env: { E2E_PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`, MAIL_FROM: 'Bagalau 360 <hr@b360.test>' },
    reuseExistingServer: false,
    timeout: 60_000,
    // SIGTERM lets the server remove its data folder, or drop its PostgreSQL schema (test/e2e/testServer.ts).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
