/**
 * Playwright's API requests carry no Origin, unlike the browser's own: specs that set data up through the API
 * name the app's origin, as its pages do, to pass the CSRF check (server/http/sameOrigin.ts).
 */
export const SAME_ORIGIN = { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 8361}` };
