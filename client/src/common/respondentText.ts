import { fillIn, type Params } from '../../../shared/i18n/fillIn.ts';
import { respondent } from '../../../shared/i18n/sections/respondent.ts';
import { respondLimits } from '../../../shared/i18n/sections/respondLimits.ts';
import type { Locale } from '../../../shared/methodology/types.ts';
import { ApiFailure } from './apiRequest.ts';
import { locale } from './locale.ts';

/**
 * The respondent page's strings (and the language switch's, which the staff app shares): only these two
 * sections, so that a phone on a slow link does not download the staff app's catalogues (test/unit/respondentBundle.test.ts).
 */
const catalogues: Record<Locale, Record<RespondentKey, string>> = {
  kk: { ...respondent.kk, ...respondLimits.kk },
  ru: { ...respondent.ru, ...respondLimits.ru },
  en: { ...respondent.en, ...respondLimits.en },
};

export type RespondentKey = keyof typeof respondent.en | keyof typeof respondLimits.en;

/** A respondent page string in the current language; reactive inside JSX and effects. */
export const t = (key: RespondentKey, params?: Params): string => fillIn(catalogues[locale()][key], params);

/** A refusal in the respondent's language; one this page has no text for keeps the server's own words. */
export function errorText(error: unknown): string {
  if (error instanceof ApiFailure) {
    const key = `errors.${error.code}`;
    if (Object.prototype.hasOwnProperty.call(catalogues.en, key)) return t(key as RespondentKey, error.details);
    return error.message;
  }
  return t('errors.internal');
}
