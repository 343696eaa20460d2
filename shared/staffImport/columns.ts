import { catalogues } from '../i18n/translate.ts';

/** The columns of a staff list, in the order the export writes them. */
export const IMPORT_COLUMNS = [
  'employeeNo', 'fullName', 'position', 'category', 'unit', 'manager', 'email', 'appointedOn', 'absence', 'absentFrom', 'absentUntil',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['fullName', 'position', 'category', 'unit'];

// Headers as HR offices write them, besides the export's own headers in the three languages (added below).
const VARIANTS: Record<ImportColumn, string[]> = {
  employeeNo: ['Табельный номер', 'Табельный №', 'Таб. №', 'Таб. номер', '№ табеля', 'Табель нөмірі', 'Табельдік нөмір', 'Табельдік нөмірі', 'Personnel number', 'Personnel No', 'Employee number', 'Employee No', 'Employee ID', 'Staff number'],
  fullName: ['ФИО', 'Ф.И.О.', 'Фамилия, имя, отчество', 'Фамилия имя отчество', 'Т.А.Ә.', 'Тегі, аты, әкесінің аты', 'Аты-жөні', 'Full name', 'Name', 'Employee', 'Сотрудник', 'Қызметкер'],
  position: ['Должность', 'Наименование должности', 'Лауазымы', 'Лауазым', 'Лауазым атауы', 'Position', 'Job title', 'Title'],
  category: ['Категория', 'Категория должности', 'Санаты', 'Санат', 'Лауазым санаты', 'Category', 'Position category'],
  unit: ['Подразделение', 'Структурное подразделение', 'Отдел', 'Бөлімше', 'Құрылымдық бөлімше', 'Бөлім', 'Unit', 'Structural unit', 'Department'],
  manager: ['Непосредственный руководитель', 'Руководитель', 'Тікелей басшы', 'Тікелей басшысы', 'Басшы', 'Direct manager', 'Manager', 'Line manager', 'Supervisor'],
  email: ['E-mail', 'Email', 'Эл. почта', 'Электронная почта', 'Электрондық пошта', 'Эл. пошта', 'Mail'],
  appointedOn: ['Дата назначения', 'Дата назначения на должность', 'Лауазымға тағайындалған күні', 'Тағайындалған күні', 'Date appointed', 'Appointed on', 'Appointment date', 'Date of appointment'],
  absence: ['Отсутствие', 'Вид отсутствия', 'Причина отсутствия', 'Болмауы', 'Болмау түрі', 'Болмау себебі', 'Absence', 'Absence kind', 'Absence type'],
  absentFrom: ['Отсутствует с', 'Отсутствие с', 'Дата начала отсутствия', 'Болмауының басталуы', 'Болмау басталуы', 'Absent from', 'Absence from', 'Absence start'],
  absentUntil: ['Отсутствует по', 'Отсутствие по', 'Дата окончания отсутствия', 'Болмауының аяқталуы', 'Болмау аяқталуы', 'Absent until', 'Absent to', 'Absence until', 'Absence end'],
};

/** A header reduced to its letters and digits in lower case: «Т.А.Ә.», «ТАӘ» and «т а ә» are one header. */
export function headerKey(raw: string): string {
  return raw.toLowerCase().replaceAll('ё', 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

const HEADERS = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) {
  const exported = Object.values(catalogues).map((messages) => messages[`staffImport.column.${column}`]);
  for (const header of [...exported, ...VARIANTS[column]]) {
    const key = headerKey(header);
    // One header must never name two columns; a clash here is a mistake in the lists above.
    if ((HEADERS.get(key) ?? column) !== column) throw new Error(`Header “${header}” names two columns`);
    HEADERS.set(key, column);
  }
}

export const recogniseHeader = (raw: string): ImportColumn | undefined => HEADERS.get(headerKey(raw));
