import { translate, type MessageKey, type Params } from '../../../shared/i18n/translate.ts';
import { locale } from './locale.ts';

export { formatDate, l, locale, setLocale } from './locale.ts';

/** A UI string in the current language; reactive inside JSX and effects. */
export const t = (key: MessageKey, params?: Params): string => translate(locale(), key, params);

export const formatScore = (value: number): string => value.toFixed(2);
