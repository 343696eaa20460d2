/** What a request hears when it carries characters no name, id or search here may hold. */
const en = {
  'field.controlCharacter': 'Contains an invisible control character',
  'errors.request.nulCharacter': 'The address contains a NUL character (%00), which no id, name or search here can hold.',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'field.controlCharacter': 'Көрінбейтін басқару таңбасы бар',
  'errors.request.nulCharacter': 'Мекенжайда NUL таңбасы (%00) бар; мұндағы ешбір идентификатор, атау не іздеу сөзі оны қамтымайды.',
};

const ru: Section = {
  'field.controlCharacter': 'Содержит невидимый управляющий символ',
  'errors.request.nulCharacter': 'Адрес содержит символ NUL (%00), которого не может быть ни в идентификаторе, ни в названии, ни в поисковом запросе.',
};

export const badInput = { en, kk, ru };
