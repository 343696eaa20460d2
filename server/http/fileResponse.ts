import type { Context } from 'hono';
import { LOCALES, type Locale } from '../../shared/methodology/types.ts';

/**
 * A file to save, under a name that may be Kazakh or Russian: `filename*` (RFC 6266) carries it, `filename`
 * an ASCII stand-in for old clients.
 */
export function attachment(c: Context, bytes: Uint8Array, fileName: string, contentType: string): Response {
  const kept = fileName.replace(/[^\x20-\x7e]|["\\]/g, '').replace(/\s+/g, ' ').trim();
  const ascii = /[a-z]/i.test(kept.replace(/\.\w+$/, '')) ? kept : `report ${kept}`;
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`,
  });
}

const encodeRfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** The language asked for, else the first of Accept-Language the product speaks, else Kazakh. */
export function requestLocale(asked: Locale | undefined, acceptLanguage: string | undefined): Locale {
  if (asked) return asked;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LOCALES as readonly string[]).includes(code)) return code as Locale;
  }
  return 'kk';
}
