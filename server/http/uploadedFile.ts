import type { Context } from 'hono';
import { ApiError } from './apiError.ts';

/** An uploaded file's bytes: the raw request body, or the `file` field of a multipart form. */
export async function uploadedFile(c: Context): Promise<Uint8Array> {
  if ((c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    // A missing or wrong boundary, or a body cut short, makes the parser throw: the sender's fault, not ours.
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError(400, 'import.badForm');
    });
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError(400, 'import.noFile');
    return new Uint8Array(await file.arrayBuffer());
  }
  return new Uint8Array(await c.req.arrayBuffer());
}
