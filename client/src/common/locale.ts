import { createRoot, createSignal } from 'solid-js';
import { LOCALES, type Locale, type Localized } from '../../../shared/methodology/types.ts';
import { formatLongDate } from '../../../shared/i18n/dates.ts';

// The reader's language, with no message catalogue: the respondent page loads only its own strings
// (respondentText.ts), the staff app all of them (i18n.ts).

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

/** A catalogue text (competency, statement …) in the current language. */
export const l = (text: Localized): string => text[locale()];

/** Dates as the reader's language writes them, e.g. «2027 жылғы 10 қаңтар». */
export const formatDate = (isoDate: string): string => formatLongDate(locale(), isoDate);
