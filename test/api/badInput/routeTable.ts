import { JSON_BODY_LIMIT } from '../../../server/app.ts';
import { IMPORT_MAX_MB } from '../../../server/routes/staffImport.ts';
import { seenInputs, type RouteInputs } from './inputRecorder.ts';

export type Actor = 'anonymous' | 'admin' | 'hrHead' | 'hr';
export const SIGNED_IN: readonly Actor[] = ['admin', 'hrHead', 'hr'];

/** A route of the API as the fuzz sends to it. */
export interface FuzzRoute {
  method: string;
  /** As the app's route table has it, e.g. `/api/campaigns/:id`. */
  path: string;
  params: string[];
  /** Who sends: nobody for the public routes, else every signed-in role that passes the route's role check. */
  actors: Actor[];
  /** Answers without a session: sign-in and the respondents' routes. */
  public: boolean;
  /** What the route was seen to read (its body and query schemas, or a file). */
  inputs: RouteInputs;
  /** Bytes a body may have (server/app.ts: staff lists have their own limit). */
  bodyLimit: number;
}

export const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/**
 * Every API route of the app, from its own route table: a route added later is fuzzed without being listed.
 * Middleware entries (`ALL`) are left out, and the single-page app's static routes are not under /api (and
 * not mounted in the test app at all); nothing else is.
 */
export function apiRoutes(app: { routes: ReadonlyArray<{ method: string; path: string }> }): Array<{ method: string; path: string }> {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of app.routes) if (r.method !== 'ALL' && r.path.startsWith('/api/')) seen.set(routeKey(r), { method: r.method, path: r.path });
  return [...seen.values()];
}

/** The URL of a route with every parameter filled with `value`. */
export const filled = (path: string, value: (name: string) => string) => path.replace(/:(\w+)/g, (_, name: string) => value(name));

const NO_RECORD = '00000000-0000-4000-8000-000000000000';

/**
 * Learns, per route, who gets past its guards and what it reads: one request per actor with ids of no record
 * and an empty JSON object, which every route refuses (its body is incomplete, or its record does not exist).
 * The wrapped parseBody/parseQuery/uploadedFile note the schemas as the handlers call them.
 */
export async function discover(
  routes: Array<{ method: string; path: string }>,
  send: (actor: Actor, method: string, url: string, body?: string) => Promise<Response>,
): Promise<FuzzRoute[]> {
  const out: FuzzRoute[] = [];
  for (const { method, path } of routes) {
    const url = filled(path, () => NO_RECORD);
    // A key no strict schema knows: the probe reaches each route's parser and is refused there, writing nothing.
    const body = method === 'GET' ? undefined : '{"probeOnly":true}';
    const anonymous = await send('anonymous', method, url, body);
    const isPublic = !(anonymous.status === 401 && (await anonymous.json()).error?.code === 'auth.required');
    let actors: Actor[] = ['anonymous'];
    if (!isPublic) {
      const allowed: Actor[] = [];
      for (const actor of SIGNED_IN) {
        const res = await send(actor, method, url, body);
        const refused = res.status === 403 && (await res.json()).error?.code === 'auth.forbidden';
        if (!refused) allowed.push(actor);
      }
      actors = allowed.length ? allowed : [...SIGNED_IN];
    }
    out.push({
      method,
      path,
      params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!),
      actors,
      public: isPublic,
      inputs: seenInputs.get(routeKey({ method, path })) ?? {},
      bodyLimit: path.startsWith('/api/staff-import/') ? IMPORT_MAX_MB * 1024 * 1024 : JSON_BODY_LIMIT,
    });
  }
  return out;
}
