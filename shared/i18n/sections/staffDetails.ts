/**
 * Strings of one feature, in the three languages side by side. Each feature keeps its strings in a section
 * file like this one; en.ts, kk.ts and ru.ts merge the sections, and the compiler checks every key is in all three.
 */
const en = {
  'field.dateOrder': 'The end date is before the start date',
  'people.employeeNo': 'Personnel number',
  'people.employeeNoHint': 'The number in HR’s own records; a re-imported staff list is matched on it.',
  'people.appointedOn': 'Appointed to the position on',
  'people.absence': 'Absence',
  'people.noAbsence': 'Not absent',
  'people.absentFrom': 'Absent from',
  'people.absentUntil': 'Absent until',
  'people.absenceHint': 'Evaluated without their own participation while on leave, sick leave, a business trip or training, or after dismissal (§6–7).',
  'absence.leave': 'Leave',
  'absence.sickLeave': 'Sick leave',
  'absence.businessTrip': 'Business trip',
  'absence.training': 'Training',
  'absence.dismissed': 'Dismissed',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'field.dateOrder': 'Аяқталу күні басталу күнінен бұрын',
  'people.employeeNo': 'Табель нөмірі',
  'people.employeeNoHint': 'Персоналды басқару қызметінің есебіндегі нөмір; қайта импортталған тізім осы нөмір бойынша салыстырылады.',
  'people.appointedOn': 'Лауазымға тағайындалған күні',
  'people.absence': 'Болмауы',
  'people.noAbsence': 'Жұмыста',
  'people.absentFrom': 'Басталуы',
  'people.absentUntil': 'Аяқталуы',
  'people.absenceHint': 'Еңбек демалысында, еңбекке уақытша жарамсыз кезеңде, іссапарда, оқуда болғанда немесе жұмыстан босатылғанда өзінің қатысуынсыз бағаланады (6–7-тармақтар).',
  'absence.leave': 'Еңбек демалысы',
  'absence.sickLeave': 'Еңбекке уақытша жарамсыздық',
  'absence.businessTrip': 'Іссапар',
  'absence.training': 'Оқу',
  'absence.dismissed': 'Жұмыстан босатылған',
};

const ru: Section = {
  'field.dateOrder': 'Дата окончания раньше даты начала',
  'people.employeeNo': 'Табельный номер',
  'people.employeeNoHint': 'Номер в учёте службы управления персоналом; по нему сопоставляется повторно загруженный список.',
  'people.appointedOn': 'Дата назначения на должность',
  'people.absence': 'Отсутствие',
  'people.noAbsence': 'На работе',
  'people.absentFrom': 'С',
  'people.absentUntil': 'По',
  'people.absenceHint': 'Оценивается без личного участия во время отпуска, временной нетрудоспособности, командировки, обучения или после увольнения (пункты 6–7).',
  'absence.leave': 'Отпуск',
  'absence.sickLeave': 'Временная нетрудоспособность',
  'absence.businessTrip': 'Командировка',
  'absence.training': 'Обучение',
  'absence.dismissed': 'Уволен(а)',
};

export const staffDetails = { en, kk, ru };
