import type { Locale } from '../methodology/types.ts';

// Spelled out here rather than left to Intl: browsers' and Node's ICU data for Kazakh is often partial
// (Chromium prints "2027 M01 10"), and e-mails written by the server must read the same as the pages.
const MONTHS: Record<Locale, readonly string[]> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

// Monday first, as the working week is counted.
const WEEKDAYS: Record<Locale, readonly string[]> = {
  kk: ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'],
  ru: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** The day of the week of an ISO date, in the language. */
export function weekdayName(locale: Locale, isoDate: string): string {
  const sundayFirst = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[locale][(sundayFirst + 6) % 7]!;
}

/** An ISO date as each language writes it in an official text: «2027 жылғы 10 қаңтар», «10 января 2027 г.», «10 January 2027». */
export function formatLongDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const month = MONTHS[locale][m! - 1]!;
  if (locale === 'kk') return `${y} жылғы ${d} ${month}`;
  if (locale === 'ru') return `${d} ${month} ${y} г.`;
  return `${d} ${month} ${y}`;
}

/** An instant as local date and time, e.g. «25.11.2026 07:51:18», the same in every language. */
export function formatDateTime(instant: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(instant.getDate())}.${p(instant.getMonth() + 1)}.${instant.getFullYear()} ${p(instant.getHours())}:${p(instant.getMinutes())}:${p(instant.getSeconds())}`;
}
