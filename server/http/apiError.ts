import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { isMessageKey, translate, type MessageKey, type Params } from '../../shared/i18n/translate.ts';

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

/**
 * The field code of an issue: the one the schema gave as its message (`required`, `tooLong` …), else one
 * told by the kind of issue, so that the UI can always translate it. Missing values are told apart only when
 * the issue reports its input (`reportInput`).
 */
function fieldCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'unknownField';
  if (isMessageKey(`field.${issue.message}`)) return issue.message;
  if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) return 'required';
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) return 'tooLong';
  return 'invalid';
}

export function validationError(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => {
    const path = issue.path.join('.') || '(body)';
    const code = fieldCode(issue);
    // Zod's own English sentence where the schema named no code: it says more than "Invalid value".
    const text = isMessageKey(`field.${issue.message}`) || issue.code === 'unrecognized_keys' ? translate('en', `field.${code}` as MessageKey) : issue.message;
    const extra = issue.code === 'unrecognized_keys' ? `: ${issue.keys.join(', ')}` : '';
    return { path, code, message: `${path}: ${text}${extra}` };
  });
  return new ApiError(400, 'validation', { count: issues.length }, issues);
}
