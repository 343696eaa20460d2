import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, DIST_DIR, EARLY_OPEN_SOURCE } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createUser } from '../../server/services/accounts.ts';
import { newToken } from '../../server/security/tokens.ts';
import { translate } from '../../shared/i18n/translate.ts';
import { EARLY_OPEN_SCRIPT } from '../../shared/respondentPage/earlyOpen.ts';
import { connectFresh } from '../support/testDatabase.ts';

/** The app listening on a loopback port with the built pages; `broken` answers every query with a failure. */
async function listen(options: { broken?: boolean } = {}) {
  const conn = await connectFresh();
  await createUser(conn.db, { login: 'hr', fullName: 'HR', role: 'hr', password: 'hardening-password' });
  const server = serve({ fetch: (request) => app.fetch(request), port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const config = { ...loadConfig({ DATA_DIR: '/tmp', HOST: '127.0.0.1', PORT: String(port) }), chromiumPath: '/nonexistent/chromium' };
  const app = createApp({ conn, config, now: () => new Date() }, { staticDir: DIST_DIR });
  // The injected failure: a database whose driver is gone, as when it is unreachable mid-request.
  if (options.broken) await conn.db.destroy();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      if (!options.broken) await conn.db.destroy();
    },
  };
}

let healthy: Awaited<ReturnType<typeof listen>>;
let broken: Awaited<ReturnType<typeof listen>>;
let cookie = '';
// The failures forced here are logged by the server, as they should be; the test keeps them off its own output.
const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST_DIR, 'index.html'))) throw new Error(`These tests need the built UI in ${DIST_DIR}: run \`npx vite build\` first.`);
  healthy = await listen();
  broken = await listen({ broken: true });
  const login = await fetch(`${healthy.origin}/api/auth/login`, { method: 'POST', headers: { origin: healthy.origin, 'content-type': 'application/json' }, body: JSON.stringify({ login: 'hr', password: 'hardening-password' }) });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  logged.mockRestore();
  await healthy?.close();
  await broken?.close();
});

const built = (name: string) => fs.readFileSync(path.join(DIST_DIR, name), 'utf8');
const assetOf = (page: string, kind: 'script' | 'stylesheet') =>
  (kind === 'script' ? /<script[^>]*src="([^"]+)"/ : /<link rel="stylesheet"[^>]*href="([^"]+)"/).exec(built(page))![1]!;

interface Probe {
  name: string;
  status: number;
  request: (healthyOrigin: string, brokenOrigin: string) => Promise<Response>;
}

const json = (origin: string, apiPath: string, init: RequestInit = {}) =>
  fetch(`${origin}/api${apiPath}`, { ...init, headers: { origin, 'content-type': 'application/json', ...(cookie && { cookie }), ...init.headers } });

/**
 * A body the server refuses before reading it, on a connection of its own: the server may close it at once,
 * which would break the next request sent over a shared keep-alive connection.
 */
function oversized(origin: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ token: 'x'.repeat(300_000) });
    const req = http.request(`${origin}/api/respond/open`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode!, headers }));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const PROBES: Probe[] = [
  { name: 'API JSON', status: 200, request: (o) => json(o, '/units') },
  { name: 'API JSON without a session', status: 401, request: (o) => fetch(`${o}/api/units`) },
  { name: 'staff app page', status: 200, request: (o) => fetch(`${o}/`) },
  { name: 'staff app route', status: 200, request: (o) => fetch(`${o}/campaigns/some-id`) },
  { name: 'respondent page', status: 200, request: (o) => fetch(`${o}/r`) },
  { name: 'respondent page as its file', status: 200, request: (o) => fetch(`${o}/respond.html`) },
  { name: 'script', status: 200, request: (o) => fetch(`${o}${assetOf('respond.html', 'script')}`) },
  { name: 'stylesheet', status: 200, request: (o) => fetch(`${o}${assetOf('index.html', 'stylesheet')}`) },
  { name: 'missing asset', status: 404, request: (o) => fetch(`${o}/assets/missing-0000.js`) },
  { name: 'unknown API path', status: 404, request: (o) => json(o, '/nothing-here') },
  { name: 'unknown page method', status: 404, request: (o) => fetch(`${o}/nothing-here`, { method: 'POST' }) },
  { name: 'oversized body', status: 413, request: (o) => oversized(o) },
  { name: 'server failure', status: 500, request: (_, b) => json(b, '/respond/open', { method: 'POST', body: JSON.stringify({ token: newToken() }) }) },
];

/** The Content-Security-Policy as directive → sources. */
function directives(csp: string | null): Map<string, string[]> {
  const entries = (csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]);
  return new Map(entries.map(([name, ...sources]) => [name!, sources]));
}

describe('every response carries the security headers', () => {
  it.each(PROBES)('$name ($status)', async ({ name, status, request }) => {
    const res = await request(healthy.origin, broken.origin);
    expect(res.status).toBe(status);
    const csp = directives(res.headers.get('content-security-policy'));
    const scripts = csp.get('script-src') ?? csp.get('default-src')!;
    // The respondent page alone may run its one inline script, by hash (shared/respondentPage/earlyOpen.ts).
    expect(scripts).toEqual(name.startsWith('respondent page') ? ["'self'", EARLY_OPEN_SOURCE] : ["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toEqual(expect.arrayContaining([expect.stringMatching(/unsafe-inline|unsafe-eval|^\*$|^https?:$/)]));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    // Nothing names the software or its version.
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('server')).toBeNull();
    for (const [, value] of res.headers) expect(value).not.toMatch(/hono|node\/|express|\bv?\d+\.\d+\.\d+\b/i);
  });

  it('allows on the respondent page exactly the inline script it carries, by its SHA-256', async () => {
    const page = await (await fetch(`${healthy.origin}/r`)).text();
    const inline = [...page.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toEqual([EARLY_OPEN_SCRIPT]);
    expect(EARLY_OPEN_SOURCE).toBe(`'sha256-${crypto.createHash('sha256').update(inline[0]!).digest('base64')}'`);
  });

  it('answers a failure with a code and a message only: no stack, path, query or library', async () => {
    const res = await json(broken.origin, '/respond/open', { method: 'POST', body: JSON.stringify({ token: newToken() }) });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: translate('en', 'errors.internal') } });
    expect(text).not.toMatch(/ at |\/work|node_modules|\.ts\b|kysely|sqlite|driver|select|\d+\.\d+\.\d+/i);
    // The server keeps the details for its operator.
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: 'driver has already been destroyed' }));
  });

  it('never caches a missing asset as a page', async () => {
    const res = await fetch(`${healthy.origin}/assets/missing-0000.js`);
    expect(res.headers.get('cache-control')).toBeNull();
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    const real = await fetch(`${healthy.origin}${assetOf('index.html', 'script')}`);
    expect(real.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(real.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
  });
});

describe('the built pages', () => {
  it.each(['index.html', 'respond.html'])('%s holds no inline script but the one allowed by hash, no style or event handler', (page) => {
    const html = built(page);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    const external = scripts.filter(([, attributes]) => /\bsrc=/.test(attributes!));
    expect(external.length).toBeGreaterThan(0);
    for (const [, attributes, body] of external) {
      expect(attributes).toMatch(/\bsrc="\/assets\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    // The respondent page's early questionnaire request (shared/respondentPage/earlyOpen.ts), verbatim.
    expect(scripts.filter((s) => !external.includes(s)).map(([, attributes, body]) => [attributes, body])).toEqual(page === 'respond.html' ? [['', EARLY_OPEN_SCRIPT]] : []);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
    expect(html).toContain('<meta name="referrer" content="no-referrer" />');
  });

  it('put no style attribute into the HTML their scripts build', () => {
    // Solid compiles a style written out in full (style={{ width: '100%' }}) into its template HTML, which the
    // policy's style-src refuses; only styles computed at run time go through CSSOM, which it allows.
    const scripts = fs.readdirSync(path.join(DIST_DIR, 'assets')).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(2);
    const styled = scripts.flatMap((name) => [...built(`assets/${name}`).matchAll(/<[a-zA-Z][^<>]*\bstyle=[^<>]*/g)].map((m) => `${name}: ${m[0]}`));
    expect(styled).toEqual([]);
  });
});
