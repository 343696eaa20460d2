import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LOCALES, type Locale } from '../../shared/methodology/types.ts';
import { ApiError } from '../http/apiError.ts';
import { auditDetails } from '../http/auditTrail.ts';
import type { AppEnv } from '../http/session.ts';
import { uploadedFile } from '../http/uploadedFile.ts';
import { applyImport, exportStaff, previewImport } from '../services/staffImport.ts';
import type { AppDeps } from './deps.ts';

/** Staff lists are far larger than the JSON bodies the global limit in app.ts is made for. */
export const IMPORT_MAX_MB = 10;

const isLocale = (value: string | undefined): value is Locale => (LOCALES as readonly (string | undefined)[]).includes(value);

export function staffImportRoutes({ conn: { db }, now }: AppDeps) {
  const limit = bodyLimit({
    maxSize: IMPORT_MAX_MB * 1024 * 1024,
    onError: () => {
      throw new ApiError(413, 'import.tooLarge', { max: IMPORT_MAX_MB });
    },
  });
  return new Hono<AppEnv>()
    .post('/staff-import/preview', limit, async (c) => c.json(await previewImport(db, await uploadedFile(c))))
    .post('/staff-import/apply', limit, async (c) => {
      const result = await applyImport(db, await uploadedFile(c), c.req.query('digest'), c.get('user').id);
      auditDetails(c, result.applied);
      return c.json(result);
    })
    .get('/staff-export', async (c) => {
      const asked = c.req.query('lang') ?? c.req.header('accept-language')?.slice(0, 2).toLowerCase();
      const file = await exportStaff(db, isLocale(asked) ? asked : 'kk');
      return c.body(new Uint8Array(file), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="staff-${now().toISOString().slice(0, 10)}.xlsx"`,
      });
    });
}
