import { isMessageKey, type Params } from '../../../shared/i18n/translate.ts';
import { t } from './i18n.ts';

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

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
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

/** The refusal in the reader's language. */
export function errorText(error: unknown): string {
  if (error instanceof ApiFailure) {
    const key = `errors.${error.code}`;
    if (isMessageKey(key)) return t(key, error.details);
    return error.message;
  }
  return t('errors.internal');
}

/** Field errors by path, translated: from the API's issues or from a local Zod check. */
export function fieldErrors(issues: ReadonlyArray<{ path: string; code: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = `field.${issue.code}`;
    out[issue.path] ??= isMessageKey(key) ? t(key) : t('field.invalid');
  }
  return out;
}

export function zodIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.message }));
}
