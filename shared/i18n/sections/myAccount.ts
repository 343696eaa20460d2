/** "My account": every account's own page, and changing one's own password. */
const en = {
  'nav.myAccount': 'My account',
  'myAccount.title': 'My account',
  'myAccount.login': 'Login',
  'myAccount.role': 'Role',
  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.newHint': 'At least 12 characters, and not your login. A few unrelated words make a good password.',
  'password.repeat': 'New password again',
  'password.submit': 'Change password',
  'password.changed': 'Password changed. Your other sessions were signed out.',
  'field.passwordTooShort': 'At least 12 characters',
  'field.passwordIsCurrent': 'Must differ from the current password',
  'field.passwordIsLogin': 'Must not be your login',
  'field.passwordMismatch': 'Does not match the new password',
  'errors.auth.currentPasswordWrong': 'The current password is wrong.',
  'audit.action.ownPassword': 'Changed their own password',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'nav.myAccount': 'Менің тіркелгім',
  'myAccount.title': 'Менің тіркелгім',
  'myAccount.login': 'Логин',
  'myAccount.role': 'Рөлі',
  'password.title': 'Құпиясөзді өзгерту',
  'password.current': 'Қазіргі құпиясөз',
  'password.new': 'Жаңа құпиясөз',
  'password.newHint': 'Кемінде 12 таңба және логиніңізбен бірдей болмауы керек. Бір-бірімен байланыссыз бірнеше сөз жақсы құпиясөз болады.',
  'password.repeat': 'Жаңа құпиясөзді қайталаңыз',
  'password.submit': 'Құпиясөзді өзгерту',
  'password.changed': 'Құпиясөз өзгертілді. Басқа сеанстарыңыз аяқталды.',
  'field.passwordTooShort': 'Кемінде 12 таңба',
  'field.passwordIsCurrent': 'Қазіргі құпиясөзден өзгеше болуы керек',
  'field.passwordIsLogin': 'Логиніңізбен бірдей болмауы керек',
  'field.passwordMismatch': 'Жаңа құпиясөзбен сәйкес келмейді',
  'errors.auth.currentPasswordWrong': 'Қазіргі құпиясөз қате.',
  'audit.action.ownPassword': 'Өз құпиясөзін өзгертті',
};

const ru: Section = {
  'nav.myAccount': 'Моя учётная запись',
  'myAccount.title': 'Моя учётная запись',
  'myAccount.login': 'Логин',
  'myAccount.role': 'Роль',
  'password.title': 'Смена пароля',
  'password.current': 'Текущий пароль',
  'password.new': 'Новый пароль',
  'password.newHint': 'Не короче 12 символов и не совпадает с логином. Хороший пароль — несколько не связанных между собой слов.',
  'password.repeat': 'Новый пароль ещё раз',
  'password.submit': 'Сменить пароль',
  'password.changed': 'Пароль изменён. Остальные ваши сеансы завершены.',
  'field.passwordTooShort': 'Не короче 12 символов',
  'field.passwordIsCurrent': 'Должен отличаться от текущего пароля',
  'field.passwordIsLogin': 'Не должен совпадать с логином',
  'field.passwordMismatch': 'Не совпадает с новым паролем',
  'errors.auth.currentPasswordWrong': 'Текущий пароль указан неверно.',
  'audit.action.ownPassword': 'Сменил(а) свой пароль',
};

export const myAccount = { en, kk, ru };
