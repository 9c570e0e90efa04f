/**
 * The e-mails Kraftsamla sends, rendered to plain text: an official answer to a participant,
 * and the daily digest for staff. Messages carry no personal data beyond what they must (the
 * answer itself is public anyway), since mail passes through systems the city does not control.
 */

/** A rendered message, ready for the outbox. */
export interface RenderedMail {
  subject: string;
  text: string;
  /** null: plain text only. */
  html: string | null;
}

/** Where participants see their input (the receipts kept on their device). */
export const MY_INPUT_PATH = '/mina-svar';
/** Where moderators work through the queue. */
export const REVIEW_PATH = '/personal/granska';

/** `base` (an origin like https://delta.malmo.se, maybe with a trailing slash) joined with `path`. */
export function publicLink(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

type AnswerLocale = 'sv' | 'en' | 'ar';

interface AnswerWords {
  subject: (title: string | null) => string;
  intro: (title: string | null) => string;
  public: string;
  myInput: string;
  noReply: string;
}

const ANSWER_WORDS: Record<AnswerLocale, AnswerWords> = {
  sv: {
    subject: (t) => (t === null ? 'Malmö stad har svarat på ditt inspel' : `Svar på ditt inspel: ${t}`),
    intro: (t) =>
      t === null
        ? 'Malmö stad har svarat på det du skickade in.'
        : `Malmö stad har svarat på det du skickade in om ”${t}”.`,
    public: 'Svaret är offentligt och visas tillsammans med ditt inspel för alla som besöker sidan.',
    myInput: 'Se ditt inspel, dess status och svaret under Mina svar:',
    noReply: 'Det här mejlet går inte att svara på.',
  },
  en: {
    subject: (t) => (t === null ? 'The City of Malmö has answered your input' : `Answer to your input: ${t}`),
    intro: (t) =>
      t === null
        ? 'The City of Malmö has answered what you sent in.'
        : `The City of Malmö has answered what you sent in about “${t}”.`,
    public: 'The answer is public: everyone who visits the page sees it together with your input.',
    myInput: 'See your input, its status and the answer under My input:',
    noReply: 'Replies to this e-mail are not read.',
  },
  ar: {
    subject: (t) => (t === null ? 'ردّت مدينة مالمو على مشاركتك' : `ردّ على مشاركتك: ${t}`),
    intro: (t) =>
      t === null ? 'ردّت مدينة مالمو على ما أرسلته.' : `ردّت مدينة مالمو على ما أرسلته بخصوص «${t}».`,
    public: 'الردّ علني: يراه كل من يزور الصفحة مع مشاركتك.',
    myInput: 'اطّلع على مشاركتك وحالتها والردّ في صفحة «مشاركاتي»:',
    noReply: 'لا يمكن الردّ على هذه الرسالة.',
  },
};

function answerLocale(locale: string): AnswerLocale {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === 'en' || language === 'ar' ? language : 'sv';
}

/** Subjects are one line: a title with line breaks (or a very long one) must not break the header. */
function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * The e-mail telling a participant who left an address that the city answered their submission,
 * in the submission's language (sv, en or ar; anything else gets Swedish). It holds the answer,
 * the insats's title (public), says the answer is public, and links to My input; never the
 * participant's own text or contact details.
 */
export function answerMail(input: {
  locale: string;
  insatsTitle: string | null;
  answer: string;
  myInputUrl: string;
}): RenderedMail {
  const words = ANSWER_WORDS[answerLocale(input.locale)];
  const title =
    input.insatsTitle === null || input.insatsTitle.trim() === '' ? null : oneLine(input.insatsTitle);
  const text = [
    words.intro(title),
    '',
    input.answer.trim(),
    '',
    words.public,
    '',
    words.myInput,
    input.myInputUrl,
    '',
    '-- ',
    words.noReply,
    '',
  ].join('\n');
  return { subject: words.subject(title), text, html: null };
}

/** What the staff digest counts. */
export interface DigestCounts {
  /** Pending items with at least one flag (now). */
  flaggedPending: number;
  /** Pending items in all (now). */
  pending: number;
  /** Proposals received since `since`. */
  newProposals: number;
}

/**
 * The daily digest for a moderator or admin who opted in: counts only (never submission text,
 * flags' matches or anything about participants) and the link to the queue. Swedish, with an
 * English version below it, since staff screens come in both.
 */
export function digestMail(input: {
  counts: DigestCounts;
  /** The local date the digest is for (YYYY-MM-DD). */
  date: string;
  /** The queue (PUBLIC_URL + /personal/granska). */
  reviewUrl: string;
}): RenderedMail {
  const { flaggedPending, pending, newProposals } = input.counts;
  const text = [
    `Kraftsamla – sammanfattning ${input.date}`,
    '',
    `Flaggade inspel som väntar på granskning: ${flaggedPending}`,
    `Inspel som väntar på granskning totalt: ${pending}`,
    `Nya förslag sedan förra sammanfattningen: ${newProposals}`,
    '',
    `Granska: ${input.reviewUrl}`,
    '',
    '---',
    `Kraftsamla – digest ${input.date}`,
    '',
    `Flagged items awaiting review: ${flaggedPending}`,
    `Items awaiting review in all: ${pending}`,
    `New proposals since the last digest: ${newProposals}`,
    '',
    `Review: ${input.reviewUrl}`,
    '',
    '-- ',
    'Du får det här mejlet för att du har valt sammanfattning per e-post i Kraftsamla.',
    'You get this e-mail because you chose the e-mail digest in Kraftsamla.',
    '',
  ].join('\n');
  return {
    subject: `Kraftsamla: ${flaggedPending} flaggade, ${pending} väntar, ${newProposals} nya förslag`,
    text,
    html: null,
  };
}
