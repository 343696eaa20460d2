import { ApiFailure } from './api.ts';

/** The name a Content-Disposition header gives, preferring the UTF-8 one (filename*). */
function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) return decodeURIComponent(utf8[1]!);
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

/**
 * Fetches a file from the API and saves it under the server's name; a refusal is thrown as the API's own
 * error (with its code), so the page can say it in the reader's language instead of saving an error as a file.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiFailure(0, 'network', 'network');
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null))?.error ?? { code: 'internal', message: response.statusText };
    throw new ApiFailure(response.status, error.code, error.message, error.details);
  }
  saveFile(await response.blob(), fileNameOf(response.headers.get('content-disposition')) ?? fallbackName);
}

/** Saves a file made in the page (or fetched) under the name given, as the browser saves downloads. */
export function saveFile(contents: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(contents);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
