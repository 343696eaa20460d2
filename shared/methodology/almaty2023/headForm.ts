import type { Form360 } from '../types.ts';
import { competencyNames } from './competencies.ts';

/**
 * Annex 5: the 360 questionnaire for heads of structural units (categories D-3, D-O-1, E-1, E-2),
 * and Annex 7, its report form. 12 competencies, 35 statements, each statement in the Annex 5 wording.
 */
export const headForm: Form360 = {
  key: 'head',
  questionnaireAnnex: 5,
  reportAnnex: 7,
  title: {
    kk: 'Құрылымдық бөлімшелер басшыларының 360 әдісімен бағалау парағы',
    ru: 'Лист оценки руководителей структурных подразделений методом 360',
    en: '360-method assessment sheet for heads of structural units',
  },
  reportTitle: {
    kk: 'Қызметшіні 360 әдісімен бағалау нәтижесі (құрылымдық бөлімшелердің басшылары үшін)',
    ru: 'Результат оценки служащего методом 360 (для руководителей структурных подразделений)',
    en: 'Result of the 360-method assessment of a civil servant (for heads of structural units)',
  },
  intro: [
    {
      kk: 'Құрметті респондент!',
      ru: 'Уважаемый респондент!',
      en: 'Dear respondent!',
    },
    {
      kk: '«Б» корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау (бұдан әрі – бағалау) мақсатында Сіздерге өз әріптестеріңізді 360 әдісімен бағалауды ұсынамыз.',
      ru: 'В целях оценки деятельности административных государственных служащих корпуса «Б» (далее – оценка) предлагаем Вам оценить своих коллег методом 360.',
      en: 'For the purpose of evaluating the performance of B corps administrative civil servants (hereinafter, the evaluation), we invite you to assess your colleagues by the 360 method.',
    },
    {
      kk: 'Ескертпе: 360 әдісі – бағаланатын адамның жұмыс ортасындағы адамдар тобынан сұрау арқылы бағаланатын адамда талап етілетін құзыреттердің болуын анықтауға бағытталған бағалау әдісі.',
      ru: 'Примечание: метод 360 – метод оценки, направленный на определение наличия у оцениваемого лица требуемых компетенций путем опроса группы лиц из рабочего окружения оцениваемого лица.',
      en: 'Note: the 360 method is an evaluation method that establishes whether the evaluated person has the required competencies by surveying a group of people from the evaluated person’s working environment.',
    },
    {
      kk: 'Бұл әдіс Сіздің әріптесіңізге өзінің күшті және әлсіз жақтарын жақсы түсінуге, одан әрі өсу мен даму әлеуетін көруге көмектеседі.',
      ru: 'Данный метод поможет Вашему коллеге лучше понять свои сильные и слабые стороны, увидеть потенциал для дальнейшего роста и развития.',
      en: 'This method will help your colleague better understand their strengths and weaknesses and see their potential for further growth and development.',
    },
    {
      kk: 'Жауаптар бағанында жауаптың ұсынылған нұсқаларының бірін көрсету қажет (құзырет көрінбейді; құзырет сирек көрінеді; құзырет жағдайлардың жартысында көрінеді; құзырет көп жағдайда көрінеді; құзырет әрқашан көрінеді).',
      ru: 'В графе ответов необходимо указать один из предложенных вариантов ответа (компетенция не проявляется; компетенция проявляется редко; компетенция проявляется в половине случаев; компетенция проявляется в большинстве случаев; компетенция проявляется всегда).',
      en: 'In the answers column, indicate one of the answer options offered (competency not shown; competency shown rarely; competency shown in half of the cases; competency shown in most cases; competency always shown).',
    },
    {
      kk: 'Бағаларды объективті түрде, жеке ұнатуларсыз/ұнатпауларсыз қою керек. Жасырындылыққа кепілдік беріледі.',
      ru: 'Оценки необходимо ставить объективно, без личных симпатий/антипатий. Анонимность гарантируется.',
      en: 'Give your ratings objectively, without personal likes or dislikes. Anonymity is guaranteed.',
    },
    {
      kk: 'Сауалнаманы басынан аяғына дейін алаңдамай толтыру қажет. Осылайша, Сіз уақытты үнемдей аласыз және нәтижелердің дұрыстығын арттыра аласыз.',
      ru: 'Анкету необходимо заполнить от начала до конца, не отвлекаясь. Так Вы сэкономите время и повысите достоверность результатов.',
      en: 'Fill in the questionnaire from beginning to end without being distracted. This way you will save time and make the results more reliable.',
    },
  ],
  competencies: [
    {
      id: 'activity_management',
      name: competencyNames.activity_management,
      statements: [
        {
          id: 'head.activity_management.1',
          text: {
            kk: 'Стратегиялық мақсаттарға сәйкес нақты міндеттер қояды және тапсырмалар береді',
            ru: 'Ставит конкретные задачи и дает поручения в соответствии со стратегическими целями',
            en: 'Sets specific objectives and gives assignments in line with strategic goals',
          },
        },
        {
          id: 'head.activity_management.2',
          text: {
            kk: 'Бөлімшенің қойылған міндеттерін сапалы және уақтылы орындау үшін ұжымды бағыттайды және жағдай жасайды',
            ru: 'Направляет коллектив и создает условия для качественного и своевременного выполнения поставленных задач подразделения',
            en: 'Guides the team and creates the conditions for the unit’s objectives to be met well and on time',
          },
        },
        {
          id: 'head.activity_management.3',
          text: {
            kk: 'Басымдық бере отырып, бөлімшенің жұмысын тиімді ұйымдастырады',
            ru: 'Эффективно организует работу подразделения, расставляя приоритеты',
            en: 'Organises the unit’s work effectively, setting priorities',
          },
        },
      ],
    },
    {
      id: 'effective_communications',
      name: competencyNames.effective_communications,
      statements: [
        {
          id: 'head.effective_communications.1',
          text: {
            kk: 'Өз қызметін әріптестерімен үйлестіре алады, коммуникацияларға ашық, іскерлік ынтымақтастыққа дайындық танытады, қажет болған жағдайда әріптестеріне көмектеседі',
            ru: 'Умеет координировать свою деятельность с коллегами, открыт к коммуникациям, проявляет готовность к деловому сотрудничеству, при необходимости оказывает помощь коллегам',
            en: 'Coordinates their work with colleagues, is open to communication, shows readiness for business cooperation and helps colleagues when needed',
          },
        },
        {
          id: 'head.effective_communications.2',
          text: {
            kk: 'Жанжалдарды ортақ іс үшін пайдамен шеше алады, бұл ретте өз көзқарасын дәлелді жеткізеді және әріптестерінің пікірін ескереді',
            ru: 'Умеет разрешать конфликты с пользой для общего дела, при этом аргументированно доносит свою точку зрения и учитывает мнение коллег',
            en: 'Resolves conflicts to the benefit of the common cause, putting across their point of view with sound arguments and taking colleagues’ opinions into account',
          },
        },
      ],
    },
    {
      id: 'ethics',
      name: competencyNames.ethics,
      statements: [
        {
          id: 'head.ethics.1',
          text: {
            kk: 'Әдеп кодексіне сәйкес барлық жағдайларда әдеп мінез-құлық ережелерін қатаң сақтайды',
            ru: 'Строго соблюдает правила этического поведения во всех ситуациях в соответствии с Этическим кодексом',
            en: 'Strictly follows the rules of ethical conduct in all situations, in accordance with the Code of Ethics',
          },
        },
        {
          id: 'head.ethics.2',
          text: {
            kk: 'Парасаттылық, шынайылық, тілектестік, әріптестері мен мүдделі тараптарға сыйластық қағидаттарын ұстанады',
            ru: 'Придерживается принципов порядочности, искренности, доброжелательности, уважения к коллегам и заинтересованным сторонам',
            en: 'Adheres to the principles of integrity, sincerity, goodwill and respect for colleagues and stakeholders',
          },
        },
        {
          id: 'head.ethics.3',
          text: {
            kk: 'Күйзелістік жағдайда өзін ұстай алады, шешім іздейді және табады',
            ru: 'Умеет владеть собой в стрессовой ситуации, ищет и находит решения',
            en: 'Keeps their composure under stress, looks for solutions and finds them',
          },
        },
      ],
    },
    {
      id: 'change_management',
      name: competencyNames.change_management,
      statements: [
        {
          id: 'head.change_management.1',
          text: {
            kk: 'Ұйымдағы өзгерістерге оң көзқараспен қарайды',
            ru: 'Положительно относится к изменениям в организации',
            en: 'Has a positive attitude to changes in the organisation',
          },
        },
        {
          id: 'head.change_management.2',
          text: {
            kk: 'Өзгерген жағдайға сәйкес өз әрекеттерінің тактикасын бейімдейді, сәтсіздіктің себептерін талдайды және тәсілдерді немесе стратегияны өзгертеді',
            ru: 'Адаптирует тактику своих действий к изменившейся ситуации, анализирует причины неудач и меняет подходы или стратегию',
            en: 'Adapts the tactics of their actions to a changed situation, analyses the causes of failures and changes approaches or strategy',
          },
        },
        {
          id: 'head.change_management.3',
          text: {
            kk: 'Қызметкерлердің бастамаларын қолдайды және көтермелейді',
            ru: 'Поддерживает и поощряет инициативы сотрудников',
            en: 'Supports and encourages employees’ initiatives',
          },
        },
      ],
    },
    {
      id: 'result_orientation',
      name: competencyNames.result_orientation,
      statements: [
        {
          id: 'head.result_orientation.1',
          text: {
            kk: 'Күрделі мақсаттар қойып, оларға қол жеткізеді',
            ru: 'Ставит сложные цели и достигает их',
            en: 'Sets challenging goals and achieves them',
          },
        },
        {
          id: 'head.result_orientation.2',
          text: {
            kk: 'Тапсырмаларды орындау үшін қосымша күш салады',
            ru: 'Прилагает дополнительные усилия для выполнения поручений',
            en: 'Makes extra effort to carry out assignments',
          },
        },
        {
          id: 'head.result_orientation.3',
          text: {
            kk: 'Нәтижеге қол жеткізу үшін жауапкершілікті өзіне алады',
            ru: 'Берет на себя ответственность за достижение результата',
            en: 'Takes responsibility for achieving the result',
          },
        },
      ],
    },
    {
      id: 'independence_decisions',
      name: competencyNames.independence_decisions,
      statements: [
        {
          id: 'head.independence_decisions.1',
          text: {
            kk: 'Мүмкіндіктерді, тәуекелдерді талдай алады, сондай-ақ ресурстарды есептей және жоспарлай алады',
            ru: 'Умеет анализировать возможности и риски, а также рассчитывать и планировать ресурсы',
            en: 'Analyses opportunities and risks, and estimates and plans resources',
          },
        },
        {
          id: 'head.independence_decisions.2',
          text: {
            kk: 'Белгісіздік жағдайында тиімді әрекет ете алады',
            ru: 'Умеет эффективно действовать в условиях неопределенности',
            en: 'Acts effectively under uncertainty',
          },
        },
        {
          id: 'head.independence_decisions.3',
          text: {
            kk: 'Ықтимал тәуекелдерді ескере отырып, мәселелерді шешудің бірнеше нұсқасын ұсынады',
            ru: 'Предлагает несколько вариантов решения проблем с учетом возможных рисков',
            en: 'Offers several ways of solving problems, taking possible risks into account',
          },
        },
      ],
    },
    {
      id: 'team_management',
      name: competencyNames.team_management,
      statements: [
        {
          id: 'head.team_management.1',
          text: {
            kk: 'Ешқашан адамдарға тәуелді емес, әрқашан жеке ұнату немесе ұнатпаудан аулақ бола алады',
            ru: 'Никогда не зависит от людей, всегда умеет избегать личных симпатий или антипатий',
            en: 'Never depends on people and can always stay clear of personal likes or dislikes',
          },
        },
        {
          id: 'head.team_management.2',
          text: {
            kk: 'Өзара әрекеттесу және ынталандыру кезінде бағыныштының даралығын анықтай және ескере алады',
            ru: 'Умеет распознавать и учитывать индивидуальность подчиненного при взаимодействии и мотивации',
            en: 'Recognises and takes into account each subordinate’s individuality when working with and motivating them',
          },
        },
        {
          id: 'head.team_management.3',
          text: {
            kk: 'Команданы шабыттандыра және ынталандыра алады',
            ru: 'Умеет вдохновлять и мотивировать команду',
            en: 'Inspires and motivates the team',
          },
        },
      ],
    },
    {
      id: 'leadership',
      name: competencyNames.leadership,
      statements: [
        {
          id: 'head.leadership.1',
          text: {
            kk: 'Ынта мен талантты, өз-өзіне деген сенімді көрсетеді',
            ru: 'Проявляет энтузиазм, талант и уверенность в себе',
            en: 'Shows enthusiasm, talent and self-confidence',
          },
        },
        {
          id: 'head.leadership.2',
          text: {
            kk: 'Харизматикалық тұлға, бағыныштыларды ынталандыру үшін өзінің тұлғалық күшін пайдаланады',
            ru: 'Харизматичная личность, использует силу своей личности для мотивации подчиненных',
            en: 'A charismatic person who uses the strength of their personality to motivate subordinates',
          },
        },
        {
          id: 'head.leadership.3',
          text: {
            kk: 'Қызметкерлерді ынталандыруға дайын, көтермелеу мен сөгіс арақатынасын сауатты таңдайды',
            ru: 'Готов мотивировать сотрудников, грамотно выбирает соотношение поощрения и порицания',
            en: 'Is ready to motivate employees and strikes the right balance between praise and reprimand',
          },
        },
      ],
    },
    {
      id: 'cooperation',
      name: competencyNames.cooperation,
      statements: [
        {
          id: 'head.cooperation.1',
          text: {
            kk: 'Құзыреті шегінде қызметкерлерді мемлекеттік органдармен және ұйымдармен өзара тиімді іс-қимыл жасауға бағдарлайды',
            ru: 'В пределах своей компетенции ориентирует сотрудников на эффективное взаимодействие с государственными органами и организациями',
            en: 'Within their remit, steers employees towards effective interaction with state bodies and organisations',
          },
        },
        {
          id: 'head.cooperation.2',
          text: {
            kk: 'Қойылған міндеттерге қол жеткізу үшін әрбір қызметкердің әлеуетін пайдаланады',
            ru: 'Использует потенциал каждого сотрудника для достижения поставленных задач',
            en: 'Uses every employee’s potential to accomplish the objectives set',
          },
        },
        {
          id: 'head.cooperation.3',
          text: {
            kk: 'Мемлекеттік органның құрылымдық бөлімшелерімен бірлесіп жоспарларды іске асырады және ортақ нәтижелерге қол жеткізеді',
            ru: 'Совместно со структурными подразделениями государственного органа реализует планы и достигает общих результатов',
            en: 'Carries out plans and achieves shared results together with the state body’s structural units',
          },
        },
      ],
    },
    {
      id: 'promptness',
      name: competencyNames.promptness,
      statements: [
        {
          id: 'head.promptness.1',
          text: {
            kk: 'Ұжымға жаңа басымдықтарды уақтылы жеткізеді',
            ru: 'Своевременно доводит до коллектива новые приоритеты',
            en: 'Communicates new priorities to the team in good time',
          },
        },
        {
          id: 'head.promptness.2',
          text: {
            kk: 'Өзгерістерге уақтылы әрекет ету үшін тиімді шараларды әзірлейді',
            ru: 'Разрабатывает эффективные меры для своевременного реагирования на изменения',
            en: 'Develops effective measures to respond to changes in good time',
          },
        },
        {
          id: 'head.promptness.3',
          text: {
            kk: 'Бөлімшені тиімді басқарып, ішкі және сыртқы өзгерістер кезінде нәтижеге қол жеткізеді',
            ru: 'Эффективно управляя подразделением, достигает результатов в условиях внутренних и внешних изменений',
            en: 'Manages the unit effectively and achieves results amid internal and external changes',
          },
        },
      ],
    },
    {
      id: 'self_development',
      name: competencyNames.self_development,
      statements: [
        {
          id: 'head.self_development.1',
          text: {
            kk: 'Перспективті қызметкерлерді анықтайды және оларды жылжыту бойынша ұсыныстар енгізеді',
            ru: 'Выявляет перспективных сотрудников и вносит предложения по их продвижению',
            en: 'Identifies promising employees and puts forward proposals for their promotion',
          },
        },
        {
          id: 'head.self_development.2',
          text: {
            kk: 'Қызметкерлерді дамыту бойынша жүйелі шаралар қабылдайды',
            ru: 'Принимает системные меры по развитию сотрудников',
            en: 'Takes systematic measures to develop employees',
          },
        },
        {
          id: 'head.self_development.3',
          text: {
            kk: 'Өз мысалында өзін-өзі дамытуға деген ұмтылысты көрсетеді',
            ru: 'Своим примером демонстрирует стремление к саморазвитию',
            en: 'Shows a drive for self-development by their own example',
          },
        },
      ],
    },
    {
      id: 'initiative',
      name: competencyNames.initiative,
      statements: [
        {
          id: 'head.initiative.1',
          text: {
            kk: 'Қызметтің тиімділігін арттыруға бағытталған инновациялық тәсілдер мен шешімдерді енгізу жөніндегі ұсыныстарды қарайды және әзірлейді',
            ru: 'Рассматривает и разрабатывает предложения по внедрению инновационных подходов и решений, направленных на повышение эффективности деятельности',
            en: 'Reviews and drafts proposals to introduce innovative approaches and solutions that make the work more effective',
          },
        },
        {
          id: 'head.initiative.2',
          text: {
            kk: 'Қызметтің тиімділігін арттыруға бағытталған инновациялық тәсілдер мен шешімдерді енгізу бойынша ұсыныстарды талдайды және енгізеді',
            ru: 'Анализирует и внедряет предложения по внедрению инновационных подходов и решений, направленных на повышение эффективности деятельности',
            en: 'Analyses and puts into practice proposals to introduce innovative approaches and solutions that make the work more effective',
          },
        },
        {
          id: 'head.initiative.3',
          text: {
            kk: 'Мемлекеттік органның қызметін жетілдіру үшін жобаларға бастамашылық етеді',
            ru: 'Инициирует проекты для совершенствования деятельности государственного органа',
            en: 'Initiates projects to improve the work of the state body',
          },
        },
      ],
    },
  ],
};
