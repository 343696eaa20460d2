/** Refusals that protect sign-in and sessions: too many failed attempts, requests from other sites. */
const en = {
  'errors.auth.tooManyAttempts': 'Too many failed sign-in attempts. Try again in {minutes} min.',
  'errors.csrf': 'This request did not come from the application’s own pages and was refused. Reload the page and try again.',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'errors.auth.tooManyAttempts': 'Жүйеге кіру әрекеттері тым көп рет сәтсіз аяқталды. {minutes} мин кейін қайталап көріңіз.',
  'errors.csrf': 'Бұл сұрау қолданбаның өз беттерінен жіберілмеген, сондықтан қабылданбады. Бетті қайта жүктеп, қайталап көріңіз.',
};

const ru: Section = {
  'errors.auth.tooManyAttempts': 'Слишком много неудачных попыток входа. Повторите через {minutes} мин.',
  'errors.csrf': 'Запрос отправлен не со страниц приложения и отклонён. Обновите страницу и повторите попытку.',
};

export const signIn = { en, kk, ru };
