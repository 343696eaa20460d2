import fc from 'fast-check';
import { HonoRequest } from 'hono/request';
import type { z } from 'zod';
import { jsonSchemaOf, SchemaArbitraries } from './fromSchema.ts';
import { badParamValue, hostileHeaderValue, hostileJson, hostileKey, hostileString, malformedJson, malformedPercent, percentEncode, wrongContentType } from './hostileValues.ts';
import { acceptedBodies } from './inputRecorder.ts';
import { jsonText, parsedAsServerDoes } from './jsonText.ts';
import { filled, type Actor, type FuzzRoute } from './routeTable.ts';

/**
 * What makes a request bad. Every request but a GET carries at least one such defect, each of which the app
 * must refuse whatever the rest holds:
 * - path: a parameter naming no record (a well-formed id of none, or garbage);
 * - body: a JSON body its schema rejects; json: bytes that are no JSON; contentType: not JSON's;
 * - credential: on a public route, a body its schema takes but with a login or link token that opens nothing;
 * - reference: a body its schema takes, seen accepted while seeding, with one id changed to one of no record;
 * - file: a staff-list upload that is no spreadsheet; query: a query its schema rejects;
 * - size: a body over the route's limit.
 * `none` (GETs without parameters or a query schema only): junk the route must ignore or refuse.
 */
export type Defect = 'path' | 'body' | 'json' | 'contentType' | 'credential' | 'reference' | 'file' | 'query' | 'size' | 'none';

export interface BadRequest {
  defect: Defect;
  actor: Actor;
  method: string;
  url: string;
  body?: Uint8Array;
  /** null: no Content-Type header. */
  contentType: string | null;
  /** Whether Content-Length is sent; without it the body is read to its end to be measured. */
  withLength: boolean;
  acceptLanguage: string | null;
}

export interface FuzzKnowledge {
  /** Ids of existing records, by table. */
  idsByTable: Record<string, string[]>;
  /** Other existing strings worth trying where a pattern lets them through: spent link tokens, logins. */
  strings: readonly string[];
  /** Strings that would make a public request valid: live respondents' link tokens. Never sent as a credential. */
  secrets: readonly string[];
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON'];
const encode = (value: unknown) => new TextEncoder().encode(jsonText(value));
const isGet = (route: FuzzRoute) => route.method === 'GET';

/** The defects a route can be given (see Defect). */
export function defectsOf(route: FuzzRoute): Defect[] {
  const out: Defect[] = [];
  if (route.params.length) out.push('path');
  if (route.inputs.query) out.push('query');
  // A GET without parameters may answer anything: junk and hostile but valid queries reach its handler.
  if (isGet(route) && !route.params.length) out.push('none');
  if (!isGet(route)) {
    out.push('size');
    if (route.inputs.body) out.push('body', 'json', 'contentType');
    if (route.inputs.body && route.public) out.push('credential');
    if (route.inputs.body && !route.public && referring(route.inputs.body).length) out.push('reference');
    if (route.inputs.file) out.push('file');
  }
  return out;
}

/**
 * Existing ids for a parameter, mostly of the table its name or the segment before it suggests
 * (`/campaigns/:id` → campaign, `/training/:campaignId` → campaign, `/calibrations/:sid` → calibration_session),
 * so that a request with one bad parameter gets past the others. Any table's when nothing fits.
 */
function existingIdsFor(path: string, name: string, idsByTable: Record<string, string[]>): fc.Arbitrary<string> {
  const segments = path.split('/');
  const before = segments[segments.indexOf(`:${name}`) - 1] ?? '';
  const stems = [name.replace(/Id$/, ''), before.replace(/ies$/, 'y').replace(/s$/, '')].map((w) => w.toLowerCase()).filter((w) => w.length > 2);
  const fitting = Object.keys(idsByTable).filter((table) => stems.some((w) => table.split('_').includes(w)));
  const any = fc.constantFrom(...Object.values(idsByTable)).chain((ids) => fc.constantFrom(...ids));
  if (!fitting.length) return any;
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fitting).chain((table) => fc.constantFrom(...idsByTable[table]!)) }, { weight: 1, arbitrary: any });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Bodies the schema accepted while seeding that name other records by id. */
const referring = (schema: z.ZodType) => (acceptedBodies.get(schema) ?? []).filter((b) => stringLeaves(b).some((at) => UUID.test(String(leafAt(b, at)))));

/** One of them with one id swapped for an id of no record, and maybe one text for a hostile one. */
function danglingReference(accepted: unknown[]): fc.Arbitrary<unknown> {
  return fc.constantFrom(...accepted).chain((body) => {
    const leaves = stringLeaves(body);
    const ids = leaves.filter((at) => UUID.test(String(leafAt(body, at))));
    const texts = leaves.filter((at) => !ids.includes(at));
    const spoil = texts.length ? fc.option(fc.tuple(fc.constantFrom(...texts), hostileString)) : fc.constant(null);
    return fc.tuple(fc.constantFrom(...ids), fc.uuid(), spoil).map(([at, id, text]) => replacedAt(text ? replacedAt(body, text[0], text[1]) : body, at, id));
  });
}

/** A body the schema accepted during seeding, as is or with one text replaced by a hostile one. */
function spoiledAccepted(accepted: unknown[]): fc.Arbitrary<unknown> {
  return fc.constantFrom(...accepted).chain((body) => {
    const leaves = stringLeaves(body);
    if (!leaves.length) return fc.constant(body);
    return fc.oneof(fc.constant(body), fc.tuple(fc.constantFrom(...leaves), fc.oneof(hostileString, fc.uuid())).map(([at, value]) => replacedAt(body, at, value)));
  });
}

type Path = Array<string | number>;
function stringLeaves(value: unknown, at: Path = []): Path[] {
  if (typeof value === 'string') return [at];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, Array.isArray(value) ? Number(k) : k]));
  return [];
}
const leafAt = (value: unknown, at: Path): unknown => at.reduce<any>((v, k) => v?.[k], value);
function replacedAt(value: unknown, at: Path, leaf: unknown): unknown {
  if (!at.length) return leaf;
  const [head, ...rest] = at;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head!] = replacedAt(copy[head!], rest, leaf);
  return copy;
}

/** Bad requests for one route, each with a defect drawn from those the route can have. */
export function badRequests(route: FuzzRoute, known: FuzzKnowledge): fc.Arbitrary<BadRequest> {
  const anyId = fc.constantFrom(...Object.values(known.idsByTable)).chain((ids) => fc.constantFrom(...ids));
  const withSecrets = new SchemaArbitraries({ ids: anyId, strings: [...known.strings, ...known.secrets] });
  const withoutSecrets = new SchemaArbitraries({ ids: anyId, strings: known.strings });
  const bodySchema = route.inputs.body;
  const body = bodySchema ? { zod: bodySchema, json: jsonSchemaOf(bodySchema) } : null;
  const query = route.inputs.query ? { zod: route.inputs.query, json: jsonSchemaOf(route.inputs.query) } : null;
  const rejects = (schema: z.ZodType, bytes: Uint8Array) => {
    const parsed = parsedAsServerDoes(bytes);
    return !parsed || !schema.safeParse(parsed.value).success;
  };

  /** Path segments: with a path defect one parameter names nothing; the others, like all of them otherwise, mostly existing ids. */
  const segments = (defect: Defect): fc.Arbitrary<string[]> => {
    const bad = fc.oneof({ weight: 5, arbitrary: badParamValue.map(percentEncode) }, { weight: 1, arbitrary: malformedPercent });
    const any = route.params.map((name) => fc.oneof({ weight: 3, arbitrary: existingIdsFor(route.path, name, known.idsByTable).map(percentEncode) }, { weight: 1, arbitrary: bad }));
    if (defect !== 'path') return fc.tuple(...any);
    return fc.tuple(fc.nat({ max: any.length - 1 }), bad, fc.tuple(...any)).map(([at, broken, rest]) => rest.map((s, i) => (i === at ? broken : s)));
  };

  const junkPairs = fc.array(fc.tuple(hostileKey, hostileString.filter((s) => s.length < 2000)), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`));
  const queryOf = (values: unknown) =>
    Object.entries(values as Record<string, unknown>).map(([k, v]) => `${percentEncode(k)}=${percentEncode(typeof v === 'string' ? v : jsonText(v))}`);
  /** The query string: from the route's query schema when it has one (broken for a query defect), else junk. */
  const queryString = (defect: Defect, path: string): fc.Arbitrary<string> => {
    let pairs: fc.Arbitrary<string[]> = fc.oneof(fc.constant<string[]>([]), junkPairs, fc.tuple(junkPairs, malformedPercent).map(([p, raw]) => [...p, raw, `a=${raw}`]));
    if (query) {
      const fromSchema = (value: fc.Arbitrary<unknown>) => value.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? queryOf(v) : [`${percentEncode(jsonText(v))}`]));
      pairs = defect === 'query' ? fromSchema(withSecrets.broken(query.json)) : fc.oneof(pairs, fromSchema(withSecrets.plausible(query.json)));
    }
    const text = pairs.map((p) => (p.length ? `?${p.join('&')}` : ''));
    if (defect !== 'query' || !query) return text;
    // Certain only when the query as Hono reads it fails the schema.
    return text.filter((q) => !query.zod.safeParse(new HonoRequest(new Request(`http://b360.test${path}${q}`)).query()).success);
  };

  const jsonBody = (value: fc.Arbitrary<unknown>) => fc.record({ body: value.map(encode), contentType: fc.constantFrom(...JSON_TYPES) });
  const junkFile = fc.oneof(
    fc.uint8Array({ maxLength: 4096 }),
    hostileString.map((s) => new TextEncoder().encode(s)),
    fc.array(fc.array(hostileString.filter((s) => s.length < 100), { maxLength: 5 }), { maxLength: 5 }).map((rows) => new TextEncoder().encode(rows.map((r) => r.join(';')).join('\n'))),
    fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
    fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, ...b])),
  );
  const fileBody = fc.oneof(
    fc.record({ body: junkFile, contentType: fc.constantFrom<string | null>(null, 'application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'multipart/form-data') }),
    // Multipart forms without the file, with a string for it, or cut short.
    fc.tuple(hostileString.filter((s) => s.length < 500), fc.constantFrom('file', 'other', '')).map(([value, name]) => ({
      body: new TextEncoder().encode(`--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--b--\r\n`),
      contentType: 'multipart/form-data; boundary=b',
    })),
    junkFile.map((b) => ({ body: new Uint8Array([...new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\n'), ...b]), contentType: 'multipart/form-data; boundary=b' })),
  );

  /** The body: what the defect asks for, else anything (so that a path defect meets valid and invalid bodies alike). */
  const payload = (defect: Defect): fc.Arbitrary<{ body?: Uint8Array; contentType: string | null; withLength?: boolean }> => {
    if (isGet(route)) return fc.constant({ contentType: null });
    switch (defect) {
      case 'size':
        return fc.record({
          body: fc.integer({ min: route.bodyLimit + 1, max: route.bodyLimit + 65_536 }).map((n) => oversized.subarray(0, n)),
          contentType: fc.oneof(fc.constantFrom(...JSON_TYPES), wrongContentType),
          withLength: fc.boolean(),
        });
      case 'body':
        return jsonBody(withSecrets.broken(body!.json)).filter((p) => rejects(body!.zod, p.body));
      case 'json':
        return fc.record({ body: malformedJson, contentType: fc.constantFrom(...JSON_TYPES) }).filter((p) => rejects(body!.zod, p.body));
      case 'contentType':
        return fc.record({ body: fc.oneof(withSecrets.plausible(body!.json), withSecrets.broken(body!.json)).map(encode), contentType: wrongContentType });
      case 'reference':
        return jsonBody(danglingReference(referring(body!.zod))).filter((p) => !rejects(body!.zod, p.body));
      case 'credential':
        return jsonBody(withoutSecrets.plausible(body!.json)).filter((p) => !rejects(body!.zod, p.body));
      case 'file':
        return fileBody;
      default:
        if (body) {
          const accepted = acceptedBodies.get(body.zod) ?? [];
          const valid = accepted.length ? [spoiledAccepted(accepted)] : [];
          return jsonBody(fc.oneof(...valid, withSecrets.plausible(body.json), withSecrets.broken(body.json)));
        }
        if (route.inputs.file) return fileBody;
        return fc.oneof(fc.constant({ contentType: null }), jsonBody(hostileJson), fc.record({ body: malformedJson, contentType: wrongContentType }));
    }
  };

  return fc.constantFrom(...defectsOf(route)).chain((defect) =>
    segments(defect).chain((segs) => {
      const path = filled(route.path, (name) => segs[route.params.indexOf(name)]!);
      return fc.record({
        query: queryString(defect, path),
        payload: payload(defect),
        actor: fc.constantFrom(...route.actors),
        acceptLanguage: fc.option(hostileHeaderValue),
      }).map(({ query: q, payload: p, actor, acceptLanguage }) =>
        describedRequest({ defect, actor, method: route.method, url: `${path}${q}`, body: p.body, contentType: p.contentType, withLength: p.withLength ?? true, acceptLanguage }),
      );
    }),
  );
}

/** One buffer for every oversized body (sliced, never copied): the staff-list limit is 10 MiB. */
const oversized = new Uint8Array(10 * 1024 * 1024 + 65_536).fill(0x20);

/** A request that prints itself briefly when fast-check reports it (bodies can be megabytes). */
function describedRequest(r: BadRequest): BadRequest {
  return Object.assign(r, {
    [fc.toStringMethod]: () => {
      const preview = r.body ? `${JSON.stringify(new TextDecoder().decode(r.body.subarray(0, 300)))}${r.body.length > 300 ? '…' : ''} (${r.body.length} bytes)` : 'no body';
      return `[${r.defect}] ${r.actor} ${r.method} ${r.url.length > 300 ? `${r.url.slice(0, 300)}…` : r.url} content-type=${r.contentType} length=${r.withLength} accept-language=${JSON.stringify(r.acceptLanguage)} body=${preview}`;
    },
  });
}
