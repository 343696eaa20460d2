import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError } from './http/apiError.ts';
import { auditTrail } from './http/auditTrail.ts';
import { databaseConflict } from './http/databaseConflict.ts';
import { refuseNulCharacter } from './http/nulCharacter.ts';
import { sameOrigin } from './http/sameOrigin.ts';
import { unstorableText } from './http/unstorableText.ts';
import { requireUser, type AppEnv } from './http/session.ts';
import { EARLY_OPEN_SCRIPT } from '../shared/respondentPage/earlyOpen.ts';
import { ACCOUNT_KEEPERS } from '../shared/access/accountRules.ts';
import { CAMPAIGN_RUNNERS } from '../shared/access/roles.ts';
import { requireRole } from './http/requireRole.ts';
import { accountRoutes } from './routes/accounts.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { calibrationRoutes } from './routes/calibration.ts';
import { campaignBuildingRoutes } from './routes/campaignBuilding.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import type { AppDeps, RouteDeps } from './routes/deps.ts';
import { AnswerKeys } from './security/answerKeys.ts';
import { reportPdfRoutes } from './routes/reportPdf.ts';
import { reportRoutes } from './routes/reports.ts';
import { respondRoutes } from './routes/respond.ts';
import { staffRoutes } from './routes/staff.ts';
import { staffImportRoutes } from './routes/staffImport.ts';
import { trainingRoutes } from './routes/training.ts';

/** The CSP source allowing the respondent page's inline script (shared/respondentPage/earlyOpen.ts). */
export const EARLY_OPEN_SOURCE = `'sha256-${createHash('sha256').update(EARLY_OPEN_SCRIPT).digest('base64')}'`;

/** Where the respondent page is served: its route, and its file as the static files serve it. */
const RESPONDENT_PAGE_PATHS = new Set(['/r', '/respond.html']);

export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/** The largest request body the API reads (staff list files excepted: routes/staffImport.ts). */
export const JSON_BODY_LIMIT = 256 * 1024;

export function createApp(appDeps: AppDeps, options: { staticDir?: string | null } = {}) {
  const deps: RouteDeps = { ...appDeps, answerKeys: appDeps.answerKeys ?? new AnswerKeys(appDeps.config.answerKeyDir) };
  const app = new Hono();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // The respondent page's one inline script, by its hash, on that page alone.
        scriptSrc: [(c) => (RESPONDENT_PAGE_PATHS.has(c.req.path) ? `'self' ${EARLY_OPEN_SOURCE}` : "'self'")],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      // Respondent links carry their token in the fragment; no page of ours sends a Referer anywhere.
      referrerPolicy: 'no-referrer',
      // As frame-ancestors 'none', for browsers that know only this header: no page of ours is framed.
      xFrameOptions: 'DENY',
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: () => { throw new ApiError(413, 'body.tooLarge'); } });
  // Staff list files have their own, larger limit (routes/staffImport.ts).
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/staff-import/') ? next() : jsonLimit(c, next)));
  app.use('/api/*', refuseNulCharacter);

  // Respondents' links are not sessions: a forged request there has no one's rights to borrow.
  const csrf = sameOrigin({ publicUrl: deps.config.publicUrl, trustProxy: deps.config.trustProxy });
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/respond/') ? next() : csrf(c, next)));

  app.route('/api/auth', authRoutes(deps));
  // A respondent's phone may be on a slow link: the questionnaire (18 kB of JSON) goes gzipped, about 6 kB.
  // It holds no secret for a compression side channel to leak — the form, whom it is about, the campaign.
  app.use('/api/respond/open', compress());
  app.route('/api/respond', respondRoutes(deps));
  // Everything else under /api is for signed-in staff.
  const staffApi = new Hono<AppEnv>().use(requireUser(deps.conn.db)).use(auditTrail(deps.conn.db, deps.now));
  // The staff list and campaigns are HR's; trainers and staff members' own accounts reach only what is theirs.
  const runners = requireRole(...CAMPAIGN_RUNNERS);
  for (const path of ['/units/*', '/people/*', '/campaigns/*', '/staff-import/*', '/staff-export', '/calendar/*']) staffApi.use(path, runners);
  staffApi.use('/accounts/*', requireRole(...ACCOUNT_KEEPERS));
  staffApi.route('/', reportRoutes(deps));
  staffApi.route('/', reportPdfRoutes(deps));
  staffApi.route('/', staffRoutes(deps));
  staffApi.route('/', auditRoutes(deps));
  staffApi.route('/', campaignRoutes(deps));
  staffApi.route('/', campaignBuildingRoutes(deps));
  staffApi.route('/', calendarRoutes(deps));
  staffApi.route('/', staffImportRoutes(deps));
  staffApi.route('/', deliveryRoutes(deps));
  staffApi.route('/', trainingRoutes(deps));
  staffApi.route('/', accountRoutes(deps));
  staffApi.route('/', calibrationRoutes(deps));
  app.route('/api', staffApi);
  app.all('/api/*', () => { throw new ApiError(404, 'notFound'); });

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toJSON(), error.status);
    const refused = databaseConflict(error) ?? unstorableText(error);
    if (refused) return c.json(refused.toJSON(), refused.status);
    console.error(error);
    return c.json(new ApiError(500, 'internal').toJSON(), 500);
  });

  const staticDir = options.staticDir === undefined ? DIST_DIR : options.staticDir;
  if (staticDir && fs.existsSync(path.join(staticDir, 'index.html'))) {
    const root = path.relative(process.cwd(), staticDir) || '.';
    const page = (name: string) => fs.readFileSync(path.join(staticDir, name), 'utf8');
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // Scripts and stylesheets go as the build's Brotli or gzip copies to browsers that take them (vite.config.ts).
    app.use('/*', serveStatic({ root, precompressed: true }));
    // A missing bundle file is a 404, not the staff app's page under a year-long cache.
    app.get('/assets/*', (c) => c.notFound());
    // Client-side routes: the respondent page for /r, the staff app for everything else.
    app.get('/r', (c) => c.html(page('respond.html')));
    app.get('*', (c) => c.html(page('index.html')));
  }
  return app;
}
