import { createRoot, createSignal } from 'solid-js';
import { LOCALES, type Locale, type Localized } from '../../../shared/methodology/types.ts';
import { formatLongDate } from '../../../shared/i18n/dates.ts';
import { translate, type MessageKey, type Params } from '../../../shared/i18n/translate.ts';

const STORAGE_KEY = 'b360.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  for (const language of navigator.languages ?? [navigator.language]) {
    const code = language.slice(0, 2).toLowerCase();
    if ((LOCALES as readonly string[]).includes(code)) return code as Locale;
  }
  return 'kk';
}

const [locale, setLocaleSignal] = createRoot(() => createSignal<Locale>(initialLocale()));
document.documentElement.lang = locale();

export { locale };

export function setLocale(next: Locale): void {
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  setLocaleSignal(next);
}

/** A UI string in the current language; reactive inside JSX and effects. */
export const t = (key: MessageKey, params?: Params): string => translate(locale(), key, params);

/** A catalogue text (competency, statement …) in the current language. */
export const l = (text: Localized): string => text[locale()];

/** Dates as the reader's language writes them, e.g. «2027 жылғы 10 қаңтар». */
export const formatDate = (isoDate: string): string => formatLongDate(locale(), isoDate);

export const formatScore = (value: number): string => value.toFixed(2);
