import { isMessageKey } from '../../../shared/i18n/translate.ts';
import { ApiFailure } from './apiRequest.ts';
import { t } from './i18n.ts';

export { ApiFailure, api, setUnauthorizedHandler, type Issue } from './apiRequest.ts';

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
