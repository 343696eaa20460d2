/** A small district akimat: the organisation the demo data and the benchmarks are built from. */

export const DEMO_UNITS = [
  { key: 'apparatus', name: 'Аудан әкімінің аппараты', parent: null },
  { key: 'hr', name: 'Персоналды басқару бөлімі', parent: 'apparatus' },
  { key: 'finance', name: 'Қаржы бөлімі', parent: 'apparatus' },
  { key: 'legal', name: 'Заң бөлімі', parent: 'apparatus' },
  { key: 'digital', name: 'Цифрландыру бөлімі', parent: 'apparatus' },
] as const;

const SURNAMES = ['Нұрланов', 'Серікбаев', 'Әбдірахманов', 'Жұмабаев', 'Қасымов', 'Омаров', 'Тоқтаров', 'Бекмұратов', 'Сейітов', 'Ермеков', 'Құдайбергенов', 'Исаев', 'Мұқанов', 'Сарсенбаев', 'Темірханов'];
const MALE = ['Айдос', 'Бауыржан', 'Ерлан', 'Нұрсұлтан', 'Дәурен', 'Асқар', 'Мұрат', 'Ғалым', 'Арман', 'Тимур'];
const FEMALE = ['Айгерім', 'Динара', 'Әсел', 'Гүлнар', 'Жанар', 'Мөлдір', 'Сәуле', 'Ақмарал', 'Анар', 'Назерке'];
const FATHERS = ['Серік', 'Қайрат', 'Болат', 'Ерлан', 'Марат', 'Нұрлан', 'Талғат', 'Ахмет'];

export interface DemoPerson {
  key: string;
  fullName: string;
  position: string;
  unit: string;
  category: string;
  manager: string | null;
}

/** Deterministic: the same 30 people every time — a chief, a deputy, and four units of a head and six staff. */
export function demoStaff(): DemoPerson[] {
  const people: DemoPerson[] = [];
  let n = 0;
  const name = () => {
    const female = n % 2 === 1;
    const surname = SURNAMES[n % SURNAMES.length]! + (female ? 'а' : '');
    const given = (female ? FEMALE : MALE)[(n * 7) % 10]!;
    const father = FATHERS[(n * 3) % FATHERS.length]!;
    n += 1;
    return `${surname} ${given} ${father}${female ? 'қызы' : 'ұлы'}`;
  };
  people.push({ key: 'chief', fullName: name(), position: 'Аппарат басшысы', unit: 'apparatus', category: 'E-1', manager: null });
  people.push({ key: 'deputy', fullName: name(), position: 'Аппарат басшысының орынбасары', unit: 'apparatus', category: 'E-2', manager: 'chief' });
  for (const unit of ['hr', 'finance', 'legal', 'digital'] as const) {
    const head = `${unit}-head`;
    people.push({ key: head, fullName: name(), position: 'Бөлім басшысы', unit, category: 'E-2', manager: 'deputy' });
    const grades = ['E-3', 'E-3', 'E-4', 'E-4', 'E-4', 'E-5', 'E-5'];
    for (let i = 0; i < 6; i++) {
      people.push({ key: `${unit}-${i}`, fullName: name(), position: i === 0 ? 'Бас маман' : 'Жетекші маман', unit, category: grades[i]!, manager: head });
    }
  }
  return people;
}
