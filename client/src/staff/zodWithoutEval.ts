import { config } from 'zod';

// Zod builds its object parsers with `new Function` where it may, and tries it once to find out; the policy's
// script-src refuses eval (server/app.ts), and Chromium reports even that caught try as a violation. Schemas
// read this setting when they are made, so this module is imported before any of them.
config({ jitless: true });
