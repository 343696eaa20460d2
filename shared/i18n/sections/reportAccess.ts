/** Who may read which report (§21). */
const en = {
  'errors.report.forbidden': 'This report is confidential: only the evaluated person, their evaluator, the head of HR, granted HR officers and the calibration session it was put before may read it (§21).',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'errors.report.forbidden': 'Бұл есеп құпия: оны тек бағаланатын адам, оның бағалаушысы, персоналды басқару қызметінің басшысы, рұқсат берілген HR қызметкерлері және есеп ұсынылған калибрлеу сессиясының қатысушылары оқи алады (21-тармақ).',
};

const ru: Section = {
  'errors.report.forbidden': 'Этот отчёт конфиденциален: его могут читать только оцениваемый, его оценивающий, руководитель службы управления персоналом, сотрудники HR с разрешением и участники калибровочной сессии, на которую он вынесен (пункт 21).',
};

export const reportAccess = { en, kk, ru };
