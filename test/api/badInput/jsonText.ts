/** JSON text written as is: a number no JavaScript value prints (`1e999`), or nesting deeper than a stack. */
export class RawJson {
  constructor(readonly text: string) {}

  /** The JSON type the text is of. */
  get type(): 'array' | 'object' | 'number' {
    return this.text.startsWith('[') ? 'array' : this.text.startsWith('{') ? 'object' : 'number';
  }
}

/** An object written key by key, so that it may hold `__proto__` or the same key twice. */
export class JsonObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}

/** The JSON type of a generated value, as JSON Schema names types (integers are numbers). */
export function jsonType(value: unknown): string {
  if (value instanceof RawJson) return value.type;
  if (value instanceof JsonObject) return 'object';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** Writes a generated value as JSON text, keeping what JSON.stringify would drop or refuse. */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonObject) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') return jsonText(new JsonObject(Object.entries(value)));
  return JSON.stringify(value) ?? 'null';
}

/** The value the server gets from these bytes (UTF-8, as Hono decodes them), or `undefined` when they are no JSON. */
export function parsedAsServerDoes(bytes: Uint8Array): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return undefined;
  }
}
