/**
 * Transfers of days off that `date-holidays` does not know, each as published: a rest day moved from a weekend
 * day (which becomes a working day) to a weekday (which becomes a day off). Since 2023 the Minister of Labour
 * and Social Protection of the Population orders them (Labour Code art. 85 p. 3); before, the Government.
 * Only transfers confirmed by the cited sources are listed; the administrator's overrides add the rest and win.
 */
export interface KnownTransfer {
  /** The weekend day that becomes a working day. */
  working: string;
  /** The weekday that becomes a day off. */
  dayOff: string;
  /** The act, as it is titled. */
  act: string;
  /** Where the act is reported. */
  sources: readonly string[];
}

export const KNOWN_TRANSFERS: readonly KnownTransfer[] = [
  {
    working: '2022-10-22',
    dayOff: '2022-10-24',
    act: 'Постановление Правительства РК о переносе выходного дня с субботы 22 октября 2022 года на понедельник 24 октября 2022 года',
    sources: ['https://ortcom.kz/ru/novosti/1665217461'],
  },
  {
    working: '2023-07-01',
    dayOff: '2023-07-07',
    act: 'Постановление Правительства РК о переносе дня отдыха с субботы 1 июля 2023 года на пятницу 7 июля 2023 года',
    sources: ['https://forbes.kz/news/newsid_300087/amp', 'https://mgorod.kz/news/vyxodnoj-perenesut-na-den-stolicy-v-kazaxstane'],
  },
  {
    working: '2024-05-04',
    dayOff: '2024-05-08',
    act: 'Приказ и. о. Министра труда и социальной защиты населения РК от 17 апреля 2024 года «О переносе дня отдыха в 2024 году»',
    sources: ['https://www.nur.kz/society/2087000-vyhodnoy-ofitsialno-perenesut-na-mayskie-prazdniki', 'https://m.ru.sputniknews.kz/20240418/vykhodnoy-perenesli-s-4-na-8-maya---mintruda-podpisalo-prikaz-43738035.html'],
  },
  {
    working: '2025-01-05',
    dayOff: '2025-01-03',
    act: 'Приказ Министра труда и социальной защиты населения РК о переносе выходного дня с воскресенья 5 января 2025 года на пятницу 3 января 2025 года',
    sources: ['https://kz.kursiv.media/2024-12-23/lsbs-vyhodnye', 'https://energy-city.kz/pavlodar/kazahstanczy-poluchat-chetyre-vyhodnyh-dnya-na-novyj-god'],
  },
];
