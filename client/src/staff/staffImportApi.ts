import type { ImportPreview, ImportResult } from '../../../shared/staffImport/preview.ts';
import { ApiFailure } from '../common/api.ts';

/** Sends a staff list file as the raw request body, with its own type, and reads the JSON answer. */
async function sendFile<T>(path: string, file: File): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiFailure(0, 'network', 'network');
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error ?? { code: 'internal', message: response.statusText };
    throw new ApiFailure(response.status, error.code, error.message, error.details, error.issues);
  }
  return payload as T;
}

export const previewStaffFile = (file: File) => sendFile<ImportPreview>('/staff-import/preview', file);
export const applyStaffFile = (file: File, digest: string) => sendFile<ImportResult>(`/staff-import/apply?digest=${encodeURIComponent(digest)}`, file);
