import fc from 'fast-check';
import { JsonObject, RawJson } from './jsonText.ts';

/** Strings that have broken programs before: injections, markup, direction and invisible marks, NUL and other controls, numbers that are not. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE person; --",
  '1; SELECT * FROM app_user --',
  "' UNION SELECT password_hash, login FROM app_user --",
  '" OR ""="',
  "%' --",
  '\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
  '%s%s%s%n',
  '\u202Eevil\u202C',
  '\u200F\u200E\u200B',
  '\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '\uD800',
  'x\uDFFFx',
  'İı ǅ ß',
  'Қаржы бөлімі',
  '\u0000',
  'a\u0000b',
  '\u0001\u001F\u007F\u0085',
  '\r\n',
  '\t',
  ' ',
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '９',
  '1_000',
  '9007199254740993',
  '../',
  '..\\..\\',
  '../../etc/passwd',
  '%2e%2e%2f',
  '/',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
] as const;

/** Keys that reach into a JavaScript object's prototype when code copies keys without care. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const long = fc.integer({ min: 256, max: 30_000 }).chain((n) => fc.constantFrom('x', 'я', '💥', ' ', '\u0000').map((c) => c.repeat(n)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 10 }), fc.constantFrom(...HOSTILE_STRINGS)).map((p) => p.join('')) },
  // A control character inside ordinary text: NUL is the one PostgreSQL cannot hold.
  { weight: 2, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.constantFrom('\u0000', '\u0000', '\u0007', '\u001B', '\u007F'), fc.string({ maxLength: 10 })).map((p) => p.join('')) },
  { weight: 1, arbitrary: long },
);

/** Numbers at and past every edge, including literals that parse to Infinity or lose precision. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, -1, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63)),
  fc.constantFrom('1e999', '-1e999', '1E400', `1${'0'.repeat(400)}`, '123456789012345678901234567890', '0.0000000000000000000000001').map((t) => new RawJson(t)),
);

/** Nesting thousands of levels deep, in arrays or objects (under the body limit). */
export const deepNesting: fc.Arbitrary<RawJson> = fc
  .tuple(fc.integer({ min: 64, max: 40_000 }), fc.boolean())
  .map(([n, arrays]) => new RawJson(arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));

/** A key no schema here names: random, hostile or one reaching into prototypes. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), hostileString.filter((s) => s.length < 200), fc.string({ minLength: 1, maxLength: 12 }));

/** Any JSON value, shaped to hurt: hostile leaves, nested arrays and objects, prototype keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries) => new JsonObject(entries)),
    deepNesting,
  ),
})).value;

/** Bytes that are not JSON at all, or almost JSON. */
export const malformedJson: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .constantFrom(
      '',
      ' ',
      '{',
      '}',
      '[',
      '{"a":}',
      '{"a":1,}',
      "{'a':1}",
      '{a:1}',
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":undefined}',
      '{"a":1}/*c*/',
      '{"a":01}',
      '{"a":.5}',
      '{"a":"\u0001"}',
      '{"a":"\\x41"}',
      '{"a":"\\u12"}',
      '{}{}',
      '{"a":1}}',
      'nul',
      'tru',
      '"unterminated',
      '\u0000',
      '<?xml version="1.0"?><a/>',
      'a=1&b=2',
      '--boundary\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--boundary--',
    )
    .map((t) => new TextEncoder().encode(t)),
  // A JSON object cut short anywhere is never JSON.
  fc
    .tuple(fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { minKeys: 1, maxKeys: 4 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }))
    .map(([o, at]) => {
      const text = JSON.stringify(o);
      return new TextEncoder().encode(text.slice(0, Math.floor(at * (text.length - 1))));
    }),
  // Invalid UTF-8 inside or around the text.
  fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80])).map(([bytes, bad]) => new Uint8Array([0x7b, ...bad, ...bytes])),
  // Unbalanced nesting.
  fc.integer({ min: 1, max: 50_000 }).map((n) => new TextEncoder().encode(`${'['.repeat(n)}${']'.repeat(n - 1)}`)),
);

/** Content types that are not the JSON the API reads (null: none at all). */
export const wrongContentType: fc.Arbitrary<string | null> = fc.constantFrom(
  null,
  'text/plain',
  'text/plain;charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----fuzz',
  'application/xml',
  'text/json',
  'text/html',
  'application/octet-stream',
  'application/jsonp',
  'application/json-patch+json',
  'application/jsonl',
  'application/json5',
  'application/vnd.api+json',
  'application/ld+json',
  'json',
  'application',
  '*/*',
  'application/*',
  'image/png',
);

/**
 * A value for a path parameter that names nothing: well-formed ids of no record, numbers, traversal, injections,
 * invisible and direction marks, NUL, thousands of characters. Never `.` or `..`, which a URL resolves away.
 */
export const badParamValue: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1', '2025', '1e309', 'NaN', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '9'.repeat(40), '2147483648', '2025.5', 'me', 'report.pdf') },
    { weight: 4, arbitrary: hostileString.filter((s) => s.length > 0 && s.length <= 2000) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }).map((n) => 'a'.repeat(n)) },
    { weight: 1, arbitrary: fc.uuid().map((u) => `${u}/../${u}`) },
  )
  .filter((s) => s !== '.' && s !== '..');

/** Percent-encodes every byte of the UTF-8 text but the unreserved ones; lone surrogates become U+FFFD as any client sends them. */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Percent sequences no decoder accepts, written into the URL as they are. */
export const malformedPercent: fc.Arbitrary<string> = fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%ff', '%00', '%2F..%2F', '%u0041', '%%32%65');

/** A header value as a client may send it (Latin-1, no line breaks), chosen to confuse a parser. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '*', 'kk', 'ru-RU,ru;q=0.9', 'xx', 'en;q=NaN', ';;;,,,', 'q=0', 'kk-KZ-x-private-very-long-tag-that-goes-on', 'é'),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, '')),
);
