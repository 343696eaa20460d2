import fc from 'fast-check';
import { z } from 'zod';
import { deepNesting, hostileJson, hostileKey, hostileNumber, hostileString, PROTOTYPE_KEYS } from './hostileValues.ts';
import { JsonObject, jsonType, RawJson } from './jsonText.ts';

/** The part of JSON Schema that z.toJSONSchema writes for this app's schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

/**
 * A Zod schema as JSON Schema, on the input side (what a client sends). Transforms and refinements drop out;
 * every generated body is checked against the Zod schema itself, which makes up for them.
 */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** What the fuzz knows of the seeded database. */
export interface Known {
  /** Ids of existing records, any table. */
  ids: fc.Arbitrary<string>;
  /** Other existing strings worth trying where a pattern lets them through: link tokens, logins. */
  strings: readonly string[];
}

const SMALL_INT = 2 ** 31 - 1;
const NEAR_UUIDS = (u: string) => [u.slice(1), `${u}0`, u.replaceAll('-', ''), `{${u}}`, `${u.slice(0, -1)}g`, ` ${u}`, `${u}\u0000`, u.replaceAll('-', '_')];
const NEAR_DATES = ['2025-02-30', '2025-13-01', '2025-00-10', '2025-1-1', '25-01-10', '2025-01-10T00:00:00Z', '20250110', '2025/01/10', '0000-00-00', '+002025-01-10', '2025-01-10 ', '２０２５-01-10'];
const NEAR_EMAILS = ['a@', '@b.kz', 'a b@c.kz', 'a@b', '<a@b.kz>', 'a@b..kz', `${'x'.repeat(250)}@b.kz`, 'a@b.kz\u0000', 'a@b.kz\n', 'a@b.kz, c@d.kz'];
const BLANKS = ['', ' ', '   ', '\t\n', '\u00A0\uFEFF'];

/** Generators of values that satisfy a schema (refinements aside) and that break it, with hostile free text. */
export class SchemaArbitraries {
  constructor(private readonly known: Known) {}

  /** Usually valid values: ids of existing records or of none, dates, enum members, hostile free text within the lengths. */
  plausible(s: JsonSchema): fc.Arbitrary<unknown> {
    if (s.anyOf) return fc.oneof(...s.anyOf.map((a) => this.plausible(a)));
    if ('const' in s) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    switch (s.type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number': {
        const min = Math.max(s.minimum ?? (s.exclusiveMinimum === undefined ? -1000 : s.exclusiveMinimum + 1), -SMALL_INT);
        const max = Math.min(s.maximum ?? 1000, SMALL_INT);
        return s.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
      }
      case 'string':
        return this.plausibleString(s);
      case 'array':
        return fc.array(this.plausible(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)) });
      case 'object': {
        const fields = fc.record(Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, p]) => [k, this.plausible(p)])), { requiredKeys: s.required ?? [] });
        const extra = s.additionalProperties;
        if (typeof extra !== 'object') return fields;
        const entries = fc.array(fc.tuple(this.plausible(s.propertyNames ?? { type: 'string' }) as fc.Arbitrary<string>, this.plausible(extra)), { maxLength: 5 });
        return fc.tuple(fields, entries).map(([o, more]) => ({ ...o, ...Object.fromEntries(more) }));
      }
      default:
        return hostileJson;
    }
  }

  /** Values that break the schema: wrong types, broken constraints, missing, unknown and prototype keys. Usually: callers check. */
  broken(s: JsonSchema): fc.Arbitrary<unknown> {
    const ways = [this.wrongTyped(s), ...this.violating(s), ...this.structural(s)].filter((a): a is fc.Arbitrary<unknown> => a !== null);
    return ways.length ? fc.oneof(...ways) : hostileJson;
  }

  private plausibleString(s: JsonSchema): fc.Arbitrary<string> {
    if (s.format === 'uuid') return fc.oneof(this.known.ids, fc.uuid());
    if (s.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2110-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    if (s.format === 'email') return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
    if (s.pattern) {
      const pattern = new RegExp(s.pattern);
      const fitting = this.known.strings.filter((k) => pattern.test(k));
      return fc.oneof(fc.stringMatching(pattern), ...(fitting.length ? [fc.constantFrom(...fitting)] : []));
    }
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? 10_000;
    return fc.oneof({ weight: 3, arbitrary: hostileString }, fc.string({ maxLength: 30 }), fc.constantFrom('Қаржы бөлімі', 'Айгүл Серікова', 'HR')).map((v) => {
      const cut = v.slice(0, max);
      return cut.trim().length >= min ? cut : `Ә${cut}`.slice(0, Math.max(max, 1));
    });
  }

  /** A value of a JSON type the schema does not take; null when it takes any. */
  private wrongTyped(s: JsonSchema): fc.Arbitrary<unknown> | null {
    const accepted = acceptedTypes(s);
    if (!accepted) return null;
    const anyType = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      hostileNumber,
      hostileString,
      fc.array(hostileJson, { maxLength: 3 }),
      fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 3 }).map((e) => new JsonObject(e)),
      deepNesting,
    );
    return anyType.filter((v) => !accepted.has(jsonType(v)));
  }

  /** Values of the right type that break a constraint: length, pattern, format, range, integrality, item count. */
  private violating(s: JsonSchema): Array<fc.Arbitrary<unknown>> {
    const out: Array<fc.Arbitrary<unknown>> = [];
    if (s.anyOf) for (const a of s.anyOf) out.push(...this.violating(a));
    if ('const' in s || s.enum) {
      const members = (s.enum ?? [s.const]).map(String);
      out.push(fc.constantFrom(...members).chain((m) => fc.constantFrom(m.toUpperCase(), ` ${m}`, `${m} `, `${m}\u0000`, m.slice(1), `${m}s`, `${m}\u202E`)), hostileString);
    }
    if (s.type === 'string') {
      const max = s.maxLength;
      if (max !== undefined) out.push(fc.tuple(hostileString, fc.integer({ min: 1, max: 2000 })).map(([h, extra]) => `${h}${'ж'.repeat(max + extra)}`));
      if ((s.minLength ?? 0) >= 1) out.push(fc.constantFrom(...BLANKS));
      if (s.pattern || s.format) out.push(hostileString);
      if (s.format === 'uuid') out.push(fc.uuid().chain((u) => fc.constantFrom(...NEAR_UUIDS(u))));
      if (s.format === 'date') out.push(fc.constantFrom(...NEAR_DATES));
      if (s.format === 'email') out.push(fc.constantFrom(...NEAR_EMAILS));
    }
    if (s.type === 'integer' || s.type === 'number') {
      const lo = s.minimum ?? s.exclusiveMinimum;
      const hi = s.maximum;
      const outside = [...(lo === undefined ? [] : [lo - 1, lo - 1e6, lo - 0.5]), ...(hi === undefined ? [] : [hi + 1, hi + 1e6, hi + 0.5]), 1e308, -1e308];
      out.push(fc.constantFrom(...outside), fc.constantFrom('1e999', '-1e999', `1${'0'.repeat(400)}`).map((t) => new RawJson(t)));
      if (s.type === 'integer') out.push(fc.constantFrom(0.5, -0.5, 2.000001, (lo ?? 0) + 0.5, (hi ?? 0) - 0.5));
    }
    if (s.type === 'array') {
      const items = s.items ?? {};
      if (s.minItems) out.push(fc.constant([]));
      if (s.maxItems !== undefined && s.maxItems < 1000) out.push(fc.array(this.plausible(items), { minLength: s.maxItems + 1, maxLength: s.maxItems + 3 }));
      out.push(
        fc.tuple(fc.array(this.plausible(items), { maxLength: 3 }), this.broken(items), fc.nat()).map(([list, bad, at]) => {
          const copy: unknown[] = [...list];
          copy.splice(at % (list.length + 1), 0, bad);
          return copy;
        }),
      );
    }
    return out;
  }

  /** An object with one field broken, a required field missing, a key it does not know, or a prototype key. */
  private structural(s: JsonSchema): Array<fc.Arbitrary<unknown>> {
    if (s.type !== 'object') return [];
    const props = s.properties ?? {};
    const keys = Object.keys(props);
    const base = this.plausible(s) as fc.Arbitrary<Record<string, unknown>>;
    const withEntry = (key: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>) =>
      fc.tuple(base, key, value).map(([o, k, v]) => new JsonObject([...Object.entries(o), [k, v]]));
    const out: Array<fc.Arbitrary<unknown>> = [
      withEntry(fc.constantFrom(...PROTOTYPE_KEYS), fc.oneof(hostileJson, fc.constant({ role: 'admin', isAdmin: true, canReadReports: true }))),
    ];
    if (keys.length) {
      out.push(fc.constantFrom(...keys).chain((k) => fc.tuple(base, this.broken(props[k]!)).map(([o, v]) => ({ ...o, [k]: v }))));
      // The same key twice, the broken one last: JSON.parse keeps the last.
      out.push(fc.constantFrom(...keys).chain((k) => withEntry(fc.constant(k), this.broken(props[k]!))));
    }
    const required = s.required ?? [];
    if (required.length) out.push(fc.constantFrom(...required).chain((k) => base.map(({ [k]: _dropped, ...rest }) => rest)));
    if (s.additionalProperties === false) out.push(withEntry(hostileKey.filter((k) => !Object.hasOwn(props, k)), hostileJson));
    if (typeof s.additionalProperties === 'object') {
      const names = s.propertyNames ?? {};
      out.push(withEntry(hostileKey, this.broken(s.additionalProperties)));
      if (names.maxLength !== undefined) out.push(withEntry(fc.constant('k'.repeat(names.maxLength + 1)), this.plausible(s.additionalProperties)));
      if ((names.minLength ?? 0) >= 1) out.push(withEntry(fc.constant(''), this.plausible(s.additionalProperties)));
    }
    return out;
  }
}

/** The JSON types a schema takes, or null when it takes any. */
function acceptedTypes(s: JsonSchema): Set<string> | null {
  if (s.anyOf) {
    const all = new Set<string>();
    for (const a of s.anyOf) {
      const types = acceptedTypes(a);
      if (!types) return null;
      for (const t of types) all.add(t);
    }
    return all;
  }
  if ('const' in s) return new Set([jsonType(s.const)]);
  if (s.enum) return new Set(s.enum.map(jsonType));
  if (!s.type) return null;
  return new Set([s.type === 'integer' ? 'number' : s.type]);
}
