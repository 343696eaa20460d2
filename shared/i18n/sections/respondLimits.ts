/** What a respondent's browser is told when its address has tried too many links that do not exist. */
const en = {
  'errors.respond.tooManyUnknownLinks':
    'Too many invalid links were tried from your network. Please wait {minutes} min and try again, checking that the link was copied completely.',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'errors.respond.tooManyUnknownLinks':
    'Сіздің желіңізден жарамсыз сілтемелер тым көп рет ашылды. {minutes} минут күтіп, сілтеменің толық көшірілгенін тексеріп, қайталап көріңіз.',
};

const ru: Section = {
  'errors.respond.tooManyUnknownLinks':
    'Из вашей сети было открыто слишком много недействительных ссылок. Подождите {minutes} мин. и повторите попытку, проверив, что ссылка скопирована полностью.',
};

export const respondLimits = { en, kk, ru };
