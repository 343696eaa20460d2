import type { Form360 } from '../types.ts';
import { competencyNames } from './competencies.ts';

/**
 * Annex 6: the 360 questionnaire for B corps employees (every category that is not a head's), and
 * Annex 8, its report form. 8 competencies, 24 statements, each statement in the Annex 6 wording —
 * communications, cooperation, promptness and self-development differ from the heads' form.
 */
export const employeeForm: Form360 = {
  key: 'employee',
  questionnaireAnnex: 6,
  reportAnnex: 8,
  title: {
    kk: '«Б» корпусы қызметшілерін 360 әдісімен бағалау парағы',
    ru: 'Лист оценки служащих корпуса «Б» методом 360',
    en: '360-method assessment sheet for B corps employees',
  },
  reportTitle: {
    kk: 'Қызметшіні 360 градус әдісімен бағалау нәтижелері («Б» корпусының қызметшілері үшін)',
    ru: 'Результаты оценки служащего методом 360 градусов (для служащих корпуса «Б»)',
    en: 'Results of the 360-degree assessment of a civil servant (for B corps employees)',
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
      id: 'effective_communications',
      name: competencyNames.effective_communications,
      statements: [
        {
          id: 'employee.effective_communications.1',
          text: {
            kk: 'Өз қызметін әріптестерімен үйлестіре алады, коммуникацияларға ашық, іскерлік ынтымақтастыққа дайындық танытады, қажет болған жағдайда әріптестеріне көмектеседі',
            ru: 'Умеет координировать свою деятельность с коллегами, открыт к коммуникациям, проявляет готовность к деловому сотрудничеству, при необходимости оказывает помощь коллегам',
            en: 'Coordinates their work with colleagues, is open to communication, shows readiness for business cooperation and helps colleagues when needed',
          },
        },
        {
          id: 'employee.effective_communications.2',
          text: {
            kk: 'Жанжалдарды ортақ іс үшін пайдамен шеше алады, бұл ретте өз көзқарасын дәлелді жеткізеді және әріптестерінің пікірін ескереді',
            ru: 'Умеет разрешать конфликты с пользой для общего дела, при этом аргументированно доносит свою точку зрения и учитывает мнение коллег',
            en: 'Resolves conflicts to the benefit of the common cause, putting across their point of view with sound arguments and taking colleagues’ opinions into account',
          },
        },
        {
          id: 'employee.effective_communications.3',
          text: {
            kk: 'Мүдделі тараптармен топтың/команданың тиімді жұмысын құрады',
            ru: 'Выстраивает эффективную работу группы/команды с заинтересованными сторонами',
            en: 'Builds effective work of the group/team with stakeholders',
          },
        },
      ],
    },
    {
      id: 'ethics',
      name: competencyNames.ethics,
      statements: [
        {
          id: 'employee.ethics.1',
          text: {
            kk: 'Әдеп кодексіне сәйкес барлық жағдайларда әдеп мінез-құлық ережелерін қатаң сақтайды',
            ru: 'Строго соблюдает правила этического поведения во всех ситуациях в соответствии с Этическим кодексом',
            en: 'Strictly follows the rules of ethical conduct in all situations, in accordance with the Code of Ethics',
          },
        },
        {
          id: 'employee.ethics.2',
          text: {
            kk: 'Парасаттылық, шынайылық, тілектестік, әріптестер мен мүдделі тараптарға сыйластық қағидаттарын ұстанады',
            ru: 'Придерживается принципов порядочности, искренности, доброжелательности, уважения к коллегам и заинтересованным сторонам',
            en: 'Adheres to the principles of integrity, sincerity, goodwill and respect for colleagues and stakeholders',
          },
        },
        {
          id: 'employee.ethics.3',
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
          id: 'employee.change_management.1',
          text: {
            kk: 'Ұйымдағы өзгерістерге оң көзқараспен қарайды',
            ru: 'Положительно относится к изменениям в организации',
            en: 'Has a positive attitude to changes in the organisation',
          },
        },
        {
          id: 'employee.change_management.2',
          text: {
            kk: 'Өзгерген жағдайға сәйкес өз әрекеттерінің тактикасын бейімдейді, сәтсіздіктің себептерін талдайды және тәсілдерді немесе стратегияны өзгертеді',
            ru: 'Адаптирует тактику своих действий к изменившейся ситуации, анализирует причины неудач и меняет подходы или стратегию',
            en: 'Adapts the tactics of their actions to a changed situation, analyses the causes of failures and changes approaches or strategy',
          },
        },
        {
          id: 'employee.change_management.3',
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
          id: 'employee.result_orientation.1',
          text: {
            kk: 'Күрделі мақсаттар қойып, оларға қол жеткізеді',
            ru: 'Ставит сложные цели и достигает их',
            en: 'Sets challenging goals and achieves them',
          },
        },
        {
          id: 'employee.result_orientation.2',
          text: {
            kk: 'Тапсырмаларды орындау үшін қосымша күш салады',
            ru: 'Прилагает дополнительные усилия для выполнения поручений',
            en: 'Makes extra effort to carry out assignments',
          },
        },
        {
          id: 'employee.result_orientation.3',
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
          id: 'employee.independence_decisions.1',
          text: {
            kk: 'Мүмкіндіктерді, тәуекелдерді талдай алады, сондай-ақ ресурстарды есептей және жоспарлай алады',
            ru: 'Умеет анализировать возможности и риски, а также рассчитывать и планировать ресурсы',
            en: 'Analyses opportunities and risks, and estimates and plans resources',
          },
        },
        {
          id: 'employee.independence_decisions.2',
          text: {
            kk: 'Белгісіздік жағдайында тиімді әрекет ете алады',
            ru: 'Умеет эффективно действовать в условиях неопределенности',
            en: 'Acts effectively under uncertainty',
          },
        },
        {
          id: 'employee.independence_decisions.3',
          text: {
            kk: 'Ықтимал тәуекелдерді ескере отырып, мәселелерді шешудің бірнеше нұсқасын ұсынады',
            ru: 'Предлагает несколько вариантов решения проблем с учетом возможных рисков',
            en: 'Offers several ways of solving problems, taking possible risks into account',
          },
        },
      ],
    },
    {
      id: 'cooperation',
      name: competencyNames.cooperation,
      statements: [
        {
          id: 'employee.cooperation.1',
          text: {
            kk: 'Құзыреті шегінде қызметкерлерді мемлекеттік органдармен және ұйымдармен тиімді өзара іс-қимыл жасауға бағдарлайды',
            ru: 'В пределах своей компетенции ориентирует сотрудников на эффективное взаимодействие с государственными органами и организациями',
            en: 'Within their remit, steers employees towards effective interaction with state bodies and organisations',
          },
        },
        {
          id: 'employee.cooperation.2',
          text: {
            kk: 'Қойылған міндеттерге қол жеткізу үшін әрбір қызметкердің әлеуетін пайдаланады',
            ru: 'Использует потенциал каждого сотрудника для достижения поставленных задач',
            en: 'Uses every employee’s potential to accomplish the objectives set',
          },
        },
        {
          id: 'employee.cooperation.3',
          text: {
            kk: 'Басқа бөлімшелермен бірлесіп жоспарларды іске асырады және ортақ нәтижелерге қол жеткізеді',
            ru: 'Совместно с другими подразделениями реализует планы и достигает общих результатов',
            en: 'Carries out plans and achieves shared results together with other units',
          },
        },
      ],
    },
    {
      id: 'promptness',
      name: competencyNames.promptness,
      statements: [
        {
          id: 'employee.promptness.1',
          text: {
            kk: 'Жұмысты жақсарту бойынша ұсыныстар енгізеді',
            ru: 'Вносит предложения по улучшению работы',
            en: 'Puts forward proposals to improve the work',
          },
        },
        {
          id: 'employee.promptness.2',
          text: {
            kk: 'Жаңа тәсілдерді және оларды енгізу әдістерін зерделейді',
            ru: 'Изучает новые подходы и способы их внедрения',
            en: 'Studies new approaches and ways of putting them into practice',
          },
        },
        {
          id: 'employee.promptness.3',
          text: {
            kk: 'Өзгеретін жағдайларға тез бейімделеді',
            ru: 'Быстро адаптируется к меняющимся условиям',
            en: 'Adapts quickly to changing conditions',
          },
        },
      ],
    },
    {
      id: 'self_development',
      name: competencyNames.self_development,
      statements: [
        {
          id: 'employee.self_development.1',
          text: {
            kk: 'Жаңа білім мен технологияларға қызығушылық танытады',
            ru: 'Проявляет интерес к новым знаниям и технологиям',
            en: 'Shows interest in new knowledge and technologies',
          },
        },
        {
          id: 'employee.self_development.2',
          text: {
            kk: 'Өзін-өзі дамытуға ұмтылады, жаңа ақпарат пен оны қолдану тәсілдерін іздейді',
            ru: 'Стремится к саморазвитию, ищет новую информацию и способы ее применения',
            en: 'Strives for self-development, seeks out new information and ways of applying it',
          },
        },
        {
          id: 'employee.self_development.3',
          text: {
            kk: 'Тиімділігін арттыруға мүмкіндік беретін жаңа дағдыларды іс жүзінде қолданады',
            ru: 'Применяет на практике новые навыки, позволяющие повысить свою эффективность',
            en: 'Puts into practice new skills that make them more effective',
          },
        },
      ],
    },
  ],
};
