/** Who held a respondent's link, sealed answers and closing, respondents to look at twice, changes in the audit log (issue 11). */
const en = {
  'links.held':
    'You now hold these links. Answers that come through them do not count in the reports you read: whoever could have answered in a respondent’s place must not be able to work out the others’ answers. The head of HR, or a colleague who did not hand out these links, reads those reports.',
  'report.insufficientHeld':
    'This report cannot be shown to you: {count} respondents answered, {held} of them through links you handed out or that went to an address you set, and at least {required} answers whose links you never held are needed. A reader who did not hand out these links can read it.',
  'respondents.flag.addedAfterOpening': 'added to the staff list after the campaign opened',
  'respondents.flag.respondentOnly': 'evaluated in no campaign — on the staff list only to answer?',
  'respondents.flagsHint': 'Check respondents marked ⚑: someone who exists only to answer could single out a colleague’s answers.',
  'audit.change.staffRecord': 'staff record',
  'audit.change.role': 'role',
  'audit.change.manager': 'direct manager',
  'audit.change.email': 'e-mail',
  'errors.campaign.answerKeyMissing':
    'The campaign cannot be closed: the key its answers are sealed under is not in {dir} on the server (missing, or another key in its place). Restore that file from its backup and close again; the campaign stays open meanwhile.',
  'errors.campaign.answerBoxUnreadable':
    'The campaign cannot be closed: a sealed answer does not open with its key from {dir} — the answer was altered in the database. Restore the database from a backup and close again; the campaign stays open meanwhile.',
  'errors.campaign.sealIncomplete':
    'The campaign is closed, but answers stored by an earlier version could not yet be cleared from the database files, because another program is reading them (a backup?). Close the campaign again once it has finished.',
} as const;

type Section = Record<keyof typeof en, string>;

const kk: Section = {
  'links.held':
    'Бұл сілтемелер енді сізде. Олар арқылы берілген жауаптар сіз оқитын есептерде есептелмейді: респонденттің орнына жауап бере алған адам басқалардың жауаптарын анықтай алмауы тиіс. Ол есептерді персоналды басқару қызметінің басшысы немесе бұл сілтемелерді таратпаған әріптес оқиды.',
  'report.insufficientHeld':
    'Бұл есеп сізге көрсетілмейді: {count} респондент жауап берді, олардың {held} — сіз таратқан немесе сіз енгізген мекенжайға жіберілген сілтемелер арқылы, ал сілтемелері сізде ешқашан болмаған кемінде {required} жауап қажет. Бұл сілтемелерді таратпаған оқырман оны оқи алады.',
  'respondents.flag.addedAfterOpening': 'қызметкерлер тізіміне науқан ашылғаннан кейін қосылған',
  'respondents.flag.respondentOnly': 'бірде-бір науқанда бағаланбаған — тізімде тек жауап беру үшін бе?',
  'respondents.flagsHint': '⚑ белгісі бар респонденттерді тексеріңіз: тек жауап беру үшін бар адам әріптестің жауаптарын бөліп алуы мүмкін.',
  'audit.change.staffRecord': 'қызметкер жазбасы',
  'audit.change.role': 'рөлі',
  'audit.change.manager': 'тікелей басшысы',
  'audit.change.email': 'электрондық пошта',
  'errors.campaign.answerKeyMissing':
    'Науқанды жабу мүмкін емес: жауаптары шифрланған кілт серверде {dir} ішінде жоқ (файл жоқ немесе оның орнында басқа кілт). Сол файлды сақтық көшірмеден қалпына келтіріп, қайта жабыңыз; оған дейін науқан ашық қалады.',
  'errors.campaign.answerBoxUnreadable':
    'Науқанды жабу мүмкін емес: шифрланған жауап {dir} ішіндегі өз кілтімен ашылмайды — жауап дерекқорда өзгертілген. Дерекқорды сақтық көшірмеден қалпына келтіріп, қайта жабыңыз; оған дейін науқан ашық қалады.',
  'errors.campaign.sealIncomplete':
    'Науқан жабылды, бірақ бұрынғы нұсқа сақтаған жауаптар дерекқор файлдарынан әлі тазартылмады, себебі оларды басқа бағдарлама оқып жатыр (сақтық көшірме ме?). Ол аяқталған соң науқанды қайта жабыңыз.',
};

const ru: Section = {
  'links.held':
    'Теперь эти ссылки у вас. Ответы, данные по ним, не учитываются в отчётах, которые вы читаете: тот, кто мог ответить вместо респондента, не должен иметь возможности вычислить ответы остальных. Эти отчёты читает руководитель службы управления персоналом или коллега, не раздававший эти ссылки.',
  'report.insufficientHeld':
    'Этот отчёт вам не показывается: ответили {count} респондентов, из них {held} — по ссылкам, которые раздали вы или которые ушли на указанный вами адрес, а нужно не менее {required} ответов по ссылкам, которых у вас никогда не было. Его может прочитать тот, кто эти ссылки не раздавал.',
  'respondents.flag.addedAfterOpening': 'внесён в список сотрудников после открытия кампании',
  'respondents.flag.respondentOnly': 'не оценивается ни в одной кампании — в списке только для ответов?',
  'respondents.flagsHint': 'Проверьте респондентов с отметкой ⚑: тот, кто существует лишь для ответов, может выделить ответы коллеги.',
  'audit.change.staffRecord': 'запись сотрудника',
  'audit.change.role': 'роль',
  'audit.change.manager': 'непосредственный руководитель',
  'audit.change.email': 'электронная почта',
  'errors.campaign.answerKeyMissing':
    'Кампанию нельзя закрыть: ключа, которым зашифрованы её ответы, нет на сервере в {dir} (файла нет или на его месте другой ключ). Восстановите этот файл из резервной копии и закройте снова; до тех пор кампания остаётся открытой.',
  'errors.campaign.answerBoxUnreadable':
    'Кампанию нельзя закрыть: зашифрованный ответ не открывается своим ключом из {dir} — ответ изменён в базе данных. Восстановите базу данных из резервной копии и закройте снова; до тех пор кампания остаётся открытой.',
  'errors.campaign.sealIncomplete':
    'Кампания закрыта, но ответы, сохранённые прежней версией, ещё не удалось стереть из файлов базы данных: их читает другая программа (резервное копирование?). Закройте кампанию ещё раз, когда она закончит.',
};

export const linkCustody = { en, kk, ru };
