/** Why links are refused on a server without PUBLIC_URL (server/http/linkOrigin.ts): what the operator is to set. */
const en = {
  'errors.links.publicUrlRequired':
    'Set PUBLIC_URL to the address respondents open (e.g. https://bagalau.example.kz) and restart the server. Until it is set, links can be issued only on the server’s own computer, at {origin}, and work only there.',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'errors.links.publicUrlRequired':
    'PUBLIC_URL айнымалысына респонденттер ашатын мекенжайды (мысалы, https://bagalau.example.kz) жазып, серверді қайта іске қосыңыз. Ол жазылмайынша сілтемелерді тек сервердің өз компьютерінде, {origin} мекенжайында беруге болады және олар тек сонда ғана ашылады.',
};

const ru: Section = {
  'errors.links.publicUrlRequired':
    'Укажите в PUBLIC_URL адрес, который открывают респонденты (например, https://bagalau.example.kz), и перезапустите сервер. Пока он не задан, ссылки можно выдавать только на компьютере самого сервера, по адресу {origin}, и открываются они только там.',
};

export const linkOrigin = { en, kk, ru };
