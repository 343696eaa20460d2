import { z } from 'zod';
import { isValidCategory, normalizeCategory } from '../rules/positionCategory.ts';

/**
 * Field schemas shared by the forms and the API. Their error messages are codes (`required`, `tooLong` …)
 * that the i18n catalogues turn into a sentence in the reader's language.
 */
export const FIELD_ERRORS = ['required', 'tooLong', 'invalid', 'invalidCategory', 'invalidEmail', 'invalidDate', 'invalidYear', 'dateOrder', 'codeFormat', 'passwordTooShort', 'passwordIsCurrent', 'passwordIsLogin', 'controlCharacter'] as const;
export type FieldError = (typeof FIELD_ERRORS)[number];

/**
 * Control characters other than tab and line breaks: invisible on screen and in exports, and NUL is a string
 * PostgreSQL refuses to store or even compare.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const withoutControls = (s: string) => !CONTROL_CHARACTER.test(s);

export const text = (max = 200) =>
  z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(max, { error: 'tooLong' })
    .refine(withoutControls, { error: 'controlCharacter' });

export const id = z.uuid({ error: 'invalid' });
export const optionalId = z.union([id, z.null()]).default(null);

export const category = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(20, { error: 'invalidCategory' })
  .refine(isValidCategory, { error: 'invalidCategory' })
  .transform(normalizeCategory);

export const optionalEmail = z
  .union([z.literal(''), z.null(), z.email({ error: 'invalidEmail' }).max(254, { error: 'tooLong' })])
  .default(null)
  .transform((v) => (v ? v : null));

export const isoDate = z.iso.date({ error: 'invalidDate' });
export const optionalDate = z.union([z.literal(''), z.null(), isoDate]).default(null).transform((v) => (v ? v : null));

/** An optional short code such as a personnel number: trimmed, blank means none. */
export const optionalCode = z
  .union([z.null(), z.string().trim().max(40, { error: 'tooLong' }).refine(withoutControls, { error: 'controlCharacter' })])
  .default(null)
  .transform((v) => (v ? v : null));

export const year = z.number({ error: 'invalidYear' }).int({ error: 'invalidYear' }).min(2000, { error: 'invalidYear' }).max(2100, { error: 'invalidYear' });

/** A six-digit code from an authenticator app; the space some apps show in the middle is allowed. */
export const totpCode = z
  .string({ error: 'required' })
  .overwrite((s) => s.replace(/\s+/g, ''))
  .regex(/^\d{6}$/, { error: 'codeFormat' });
