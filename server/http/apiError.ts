import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { isMessageKey, translate, type Params } from '../../shared/i18n/translate.ts';

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

/**
 * An expected refusal: a status, a stable `code` the UI translates (`errors.<code>` in the catalogues),
 * an English message for API users, and details (parameters, field issues) for both.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: Params | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(status: ContentfulStatusCode, code: string, details?: Params, issues?: FieldIssue[]) {
    const key = `errors.${code}`;
    super(isMessageKey(key) ? translate('en', key, details) : code);
    this.status = status;
    this.code = code;
    this.details = details;
    this.issues = issues;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details && { details: this.details }), ...(this.issues && { issues: this.issues }) } };
  }
}

export function validationError(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => {
    const path = issue.path.join('.') || '(body)';
    const code = issue.code === 'unrecognized_keys' ? 'unknownField' : issue.message;
    const key = `field.${code}`;
    const text = isMessageKey(key) ? translate('en', key) : issue.message;
    const extra = issue.code === 'unrecognized_keys' ? `: ${issue.keys.join(', ')}` : '';
    return { path, code, message: `${path}: ${text}${extra}` };
  });
  return new ApiError(400, 'validation', { count: issues.length }, issues);
}
