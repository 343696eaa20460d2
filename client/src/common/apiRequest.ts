import type { Params } from '../../../shared/i18n/fillIn.ts';

export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** A refusal from the API (or the network), carrying the code the UI translates. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Params = {},
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => {};
export const setUnauthorizedHandler = (handler: () => void) => (onUnauthorized = handler);

/** Calls the API; with no message catalogue, so that the respondent page can use it too (respondentText.ts). */
export function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return answerOf<T>(
    fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    }),
  );
}

/** What an API request answered: its JSON, or an ApiFailure with the refusal's code (`network` when none came). */
export async function answerOf<T>(request: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await request;
  } catch {
    throw new ApiFailure(0, 'network', 'network');
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload?.error ?? { code: 'internal', message: response.statusText };
    if (response.status === 401 && error.code === 'auth.required') onUnauthorized();
    throw new ApiFailure(response.status, error.code, error.message, error.details, error.issues);
  }
  return payload as T;
}
