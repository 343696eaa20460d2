/** "My reports", why a viewer may read a report, role-aware navigation and the start page. */
const en = {
  'nav.myReports': 'My reports',
  'myReports.title': 'My reports',
  'myReports.intro': 'The 360 reports you may read: your own, those of the people you evaluate, and those put before a calibration session you take part in (§21). Every reading is recorded.',
  'myReports.empty': 'No reports for you yet. A report appears here once its campaign is closed.',
  'myReports.campaign': 'Campaign',
  'myReports.person': 'Evaluated person',
  'myReports.why': 'Why you may read it',
  'myReports.open': 'Open report',
  'access.own': 'Your own report',
  'access.evaluator': 'You evaluate this person',
  'access.calibration': 'Put before your calibration session',
  'access.hrHead': 'You head the HR service',
  'access.granted': 'You are granted report reading',
  'access.backToMine': 'My reports',
  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the start page',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'nav.myReports': 'Менің есептерім',
  'myReports.title': 'Менің есептерім',
  'myReports.intro': 'Сіз оқи алатын 360 есептері: өзіңіздің есебіңіз, сіз бағалайтын адамдардың есептері және сіз қатысатын калибрлеу сессиясына ұсынылған есептер (21-тармақ). Әр оқу тіркеледі.',
  'myReports.empty': 'Әзірге сізге арналған есептер жоқ. Есеп науқан жабылғаннан кейін осында пайда болады.',
  'myReports.campaign': 'Науқан',
  'myReports.person': 'Бағаланатын адам',
  'myReports.why': 'Неге оқи аласыз',
  'myReports.open': 'Есепті ашу',
  'access.own': 'Өзіңіздің есебіңіз',
  'access.evaluator': 'Сіз бұл адамды бағалайсыз',
  'access.calibration': 'Сіздің калибрлеу сессияңызға ұсынылған',
  'access.hrHead': 'Сіз персоналды басқару қызметін басқарасыз',
  'access.granted': 'Сізге есептерді оқуға рұқсат берілген',
  'access.backToMine': 'Менің есептерім',
  'notFound.title': 'Бет табылмады',
  'notFound.home': 'Бастапқы бетке өту',
};

const ru: Section = {
  'nav.myReports': 'Мои отчёты',
  'myReports.title': 'Мои отчёты',
  'myReports.intro': 'Отчёты 360, которые вы можете читать: ваш собственный, отчёты тех, кого вы оцениваете, и отчёты, вынесенные на калибровочную сессию, в которой вы участвуете (пункт 21). Каждое чтение записывается.',
  'myReports.empty': 'Для вас пока нет отчётов. Отчёт появится здесь, когда кампания будет закрыта.',
  'myReports.campaign': 'Кампания',
  'myReports.person': 'Оцениваемый',
  'myReports.why': 'Почему вы можете его читать',
  'myReports.open': 'Открыть отчёт',
  'access.own': 'Ваш собственный отчёт',
  'access.evaluator': 'Вы оцениваете этого человека',
  'access.calibration': 'Вынесен на вашу калибровочную сессию',
  'access.hrHead': 'Вы руководите службой управления персоналом',
  'access.granted': 'Вам разрешено читать отчёты',
  'access.backToMine': 'Мои отчёты',
  'notFound.title': 'Страница не найдена',
  'notFound.home': 'Перейти на начальную страницу',
};

export const myReports = { en, kk, ru };
