/** The port of the SMTP server the invitations spec runs; the app under test sends there (playwright.config.ts). */
export const E2E_SMTP_PORT = Number(process.env.E2E_PORT ?? 8361) + 10000;
