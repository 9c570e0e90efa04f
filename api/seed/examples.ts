/**
 * Example insatser for demos and the quick start (EXAMPLE_CONTENT=on), drawn from the
 * efforts named in the city's decision: Ung i sommar, prao in year 8, Tryggare Malmö.
 * Every one is flagged `example: true` and says "Exempel:" in its Swedish title, so no
 * one mistakes it for a real commitment by the city.
 */
import type { Insats, LocalizedText, Question, ScaleLabels } from '../../common/wire/index.ts';

const t = (sv: string, en: string, ar: string): LocalizedText => ({ sv, en, ar });

/** A scale question's words; the same the 0011 migration gives these questions on older databases. */
const inBetween = t('Mittemellan', 'In between', 'بين بين');
const SCALES: Record<string, ScaleLabels> = {
  'uis-latt': {
    min: t('Mycket svårt', 'Very hard', 'صعب جدًا'),
    max: t('Mycket lätt', 'Very easy', 'سهل جدًا'),
    middle: [null, inBetween, null],
    dontKnow: true,
  },
  'prao-hjalp': {
    min: t('Ingen hjälp', 'No help', 'لا مساعدة'),
    max: t('Mycket hjälp', 'A lot of help', 'مساعدة كثيرة'),
  },
  'trygg-kvall': {
    min: t('Inte alls trygg', 'Not safe at all', 'لا أشعر بالأمان أبدًا'),
    max: t('Mycket trygg', 'Very safe', 'أشعر بأمان كبير'),
    middle: [null, inBetween, null],
    dontKnow: true,
  },
};

function q(
  id: string,
  kind: Question['kind'],
  text: LocalizedText,
  options?: [string, LocalizedText][],
): Question {
  return {
    id,
    version: 1,
    kind,
    text,
    audience: 'everyone',
    ...(options ? { options: options.map(([optionId, label]) => ({ id: optionId, label })) } : {}),
    ...(kind === 'scale' && SCALES[id] ? { scale: SCALES[id] } : {}),
  };
}

const ungISommar: Insats = {
  id: 'exempel-ung-i-sommar',
  example: true,
  title: t('Exempel: Ung i sommar', 'Example: Summer jobs for young people', 'مثال: وظائف صيفية للشباب'),
  summary: t(
    'Sommarjobb för dig som är 16–19 år och bor i ett av områdena.',
    'Summer jobs for 16–19 year olds who live in one of the areas.',
    'وظائف صيفية لمن تتراوح أعمارهم بين 16 و19 عامًا ويسكنون في إحدى المناطق.',
  ),
  body: t(
    'Staden erbjuder sommarjobb på fyra veckor hos förvaltningar, föreningar och företag. Vi vill veta vad som gör ett sommarjobb bra för dig.',
    'The city offers four-week summer jobs with city departments, associations and companies. We want to know what makes a summer job good for you.',
    'تقدم المدينة وظائف صيفية لمدة أربعة أسابيع لدى إدارات المدينة والجمعيات والشركات. نريد أن نعرف ما الذي يجعل الوظيفة الصيفية جيدة بالنسبة لك.',
  ),
  namnder: ['Arbetsmarknads- och socialnämnden', 'Fritidsnämnden'],
  areaCodes: ['11319', '48205', '48206', '48207', '48208'],
  dimensions: ['social', 'economic'],
  status: 'planned',
  period: { start: '2027-06-14', end: '2027-08-13' },
  questions: [
    q(
      'uis-har-jobbat',
      'single',
      t('Har du haft ett sommarjobb?', 'Have you had a summer job?', 'هل عملت في وظيفة صيفية؟'),
      [
        [
          'ung-i-sommar',
          t('Ja, genom Ung i sommar', 'Yes, through Ung i sommar', 'نعم، عبر برنامج Ung i sommar'),
        ],
        ['annat', t('Ja, på annat sätt', 'Yes, some other way', 'نعم، بطريقة أخرى')],
        ['nej', t('Nej', 'No', 'لا')],
      ],
    ),
    q(
      'uis-battre',
      'multiple',
      t(
        'Vad skulle göra ett sommarjobb bättre för dig?',
        'What would make a summer job better for you?',
        'ما الذي يجعل الوظيفة الصيفية أفضل بالنسبة لك؟',
      ),
      [
        ['nara', t('Nära där jag bor', 'Close to where I live', 'قريبة من مكان سكني')],
        ['handledare', t('En handledare som har tid', 'A supervisor who has time', 'مشرف لديه وقت')],
        ['valja', t('Fler jobb att välja mellan', 'More jobs to choose from', 'وظائف أكثر للاختيار منها')],
        ['svenska', t('Stöd i svenska', 'Help with Swedish', 'دعم في اللغة السويدية')],
      ],
    ),
    q(
      'uis-latt',
      'scale',
      t(
        'Hur lätt är det att söka sommarjobb?',
        'How easy is it to apply for a summer job?',
        'ما مدى سهولة التقدم لوظيفة صيفية؟',
      ),
    ),
    q(
      'uis-tips',
      'text',
      t(
        'Vad vill du säga till dem som ordnar sommarjobben?',
        'What would you like to tell the people who organise the summer jobs?',
        'ماذا تريد أن تقول لمن ينظمون الوظائف الصيفية؟',
      ),
    ),
  ],
};

const prao: Insats = {
  id: 'exempel-prao-ar-8',
  example: true,
  title: t(
    'Exempel: Prao i år 8',
    'Example: Work experience in year 8',
    'مثال: التدريب العملي في الصف الثامن',
  ),
  summary: t(
    'Två veckors praktisk arbetslivsorientering för alla elever i år 8.',
    'Two weeks of work experience for every pupil in year 8.',
    'أسبوعان من التدريب العملي في سوق العمل لجميع تلاميذ الصف الثامن.',
  ),
  body: t(
    'Skolan hjälper alla elever i år 8 att hitta en praoplats. Vi vill veta vilka yrken du vill pröva och vad som gör det lättare.',
    'The school helps every pupil in year 8 find a work-experience placement. We want to know which jobs you would like to try and what would make it easier.',
    'تساعد المدرسة جميع تلاميذ الصف الثامن في العثور على مكان للتدريب. نريد أن نعرف المهن التي تود تجربتها وما الذي يسهل ذلك.',
  ),
  namnder: ['Grundskolenämnden'],
  areaCodes: ['36105', '36106', '36213', '48103', '48104'],
  dimensions: ['social', 'economic'],
  status: 'ongoing',
  period: { start: '2026-08-17' },
  questions: [
    q(
      'prao-vet-var',
      'single',
      t(
        'Vet du var du vill göra prao?',
        'Do you know where you want your work experience?',
        'هل تعرف أين تريد أن تقوم بالتدريب؟',
      ),
      [
        ['ja', t('Ja', 'Yes', 'نعم')],
        ['kanske', t('Jag har några idéer', 'I have some ideas', 'لدي بعض الأفكار')],
        ['nej', t('Nej, inte än', 'Not yet', 'ليس بعد')],
      ],
    ),
    q(
      'prao-yrken',
      'multiple',
      t('Vilka yrken vill du pröva på?', 'Which jobs would you like to try?', 'ما المهن التي تود تجربتها؟'),
      [
        ['vard', t('Vård och omsorg', 'Health and care', 'الرعاية الصحية والاجتماعية')],
        ['teknik', t('Teknik och IT', 'Technology and IT', 'التقنية وتكنولوجيا المعلومات')],
        ['bygg', t('Bygg och hantverk', 'Building and crafts', 'البناء والحرف')],
        ['handel', t('Handel och service', 'Shops and services', 'التجارة والخدمات')],
        ['kultur', t('Kultur och media', 'Culture and media', 'الثقافة والإعلام')],
      ],
    ),
    q(
      'prao-hjalp',
      'scale',
      t(
        'Hur mycket hjälp får du att hitta en praoplats?',
        'How much help do you get to find a placement?',
        'ما مقدار المساعدة التي تحصل عليها للعثور على مكان تدريب؟',
      ),
    ),
    q(
      'prao-ide',
      'text',
      t(
        'Vad skulle göra prao bättre?',
        'What would make work experience better?',
        'ما الذي يجعل التدريب العملي أفضل؟',
      ),
    ),
  ],
};

const tryggare: Insats = {
  id: 'exempel-tryggare-malmo',
  example: true,
  title: t('Exempel: Tryggare Malmö', 'Example: A safer Malmö', 'مثال: مالمو أكثر أمانًا'),
  summary: t(
    'Belysning, mötesplatser och vuxna på plats där barn och unga rör sig.',
    'Lighting, meeting places and adults present where children and young people spend time.',
    'إضاءة وأماكن لقاء وبالغون حاضرون حيث يقضي الأطفال والشباب أوقاتهم.',
  ),
  namnder: ['Tekniska nämnden', 'Fritidsnämnden'],
  areaCodes: ['11319', '11320', '25609', '25611'],
  dimensions: ['social', 'environmental'],
  status: 'ongoing',
  period: { start: '2026-03-01', end: '2030-12-31' },
  questions: [
    q(
      'trygg-ute',
      'single',
      t(
        'Hur ofta är du ute i ditt område på kvällen?',
        'How often are you out in your area in the evening?',
        'كم مرة تخرج في منطقتك في المساء؟',
      ),
      [
        ['varje-dag', t('Nästan varje dag', 'Almost every day', 'تقريبًا كل يوم')],
        ['varje-vecka', t('Någon gång i veckan', 'Once or twice a week', 'مرة أو مرتين في الأسبوع')],
        ['sallan', t('Sällan eller aldrig', 'Rarely or never', 'نادرًا أو أبدًا')],
      ],
    ),
    q(
      'trygg-vad',
      'multiple',
      t(
        'Vad skulle göra det tryggare där du bor?',
        'What would make it safer where you live?',
        'ما الذي يجعل المكان الذي تسكن فيه أكثر أمانًا؟',
      ),
      [
        ['ljus', t('Bättre belysning', 'Better lighting', 'إضاءة أفضل')],
        ['vuxna', t('Fler vuxna ute', 'More adults around', 'المزيد من البالغين في الخارج')],
        ['platser', t('Fler ställen att vara på', 'More places to go', 'أماكن أكثر لقضاء الوقت')],
        ['gront', t('Mer grönska', 'More green spaces', 'مساحات خضراء أكثر')],
      ],
    ),
    q(
      'trygg-kvall',
      'scale',
      t(
        'Hur trygg känner du dig i ditt område på kvällen?',
        'How safe do you feel in your area in the evening?',
        'ما مدى شعورك بالأمان في منطقتك في المساء؟',
      ),
    ),
    q(
      'trygg-plats',
      'text',
      t(
        'Vad skulle hjälpa på en plats som känns otrygg?',
        'What would help at a place that feels unsafe?',
        'ما الذي سيساعد في مكان تشعر فيه بعدم الأمان؟',
      ),
    ),
  ],
};

/** The example insatser, each with one question of every kind. */
export const EXAMPLE_INSATSER: readonly Insats[] = [ungISommar, prao, tryggare];
