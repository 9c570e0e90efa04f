/**
 * A warning, not a refusal: question texts that seem to ask for special categories of personal
 * data (GDPR art. 9: health, ethnic origin, religion, sex life or orientation, political
 * opinions, union membership). The question editor shows the warnings; staff decide. Words are
 * data, per language: `stems` match the start of a word, `words` whole words only (short or
 * ambiguous ones: "tro" would otherwise match "trots").
 */
import type { LocalizedText } from '../../../common/wire/index.ts';
import type { SENSITIVE_TOPICS, SensitiveWarning } from '../../../common/wire/insatser-admin.ts';

type Topic = (typeof SENSITIVE_TOPICS)[number];
interface WordList {
  stems: readonly string[];
  words?: readonly string[];
}

/** Per language, per topic. Lower case. */
export const SENSITIVE_WORDS: Readonly<Record<string, Readonly<Record<Topic, WordList>>>> = {
  sv: {
    health: {
      stems: [
        'hälsa',
        'hälso',
        'sjukdom',
        'sjuk',
        'diagnos',
        'funktionsnedsätt',
        'funktionsvariation',
        'handikapp',
      ],
      words: [
        'medicin',
        'mediciner',
        'psykisk',
        'psykiska',
        'depression',
        'ångest',
        'adhd',
        'autism',
        'gravid',
      ],
    },
    ethnicity: {
      stems: ['etnicitet', 'etnisk', 'hudfärg', 'födelseland', 'ursprungsland', 'härkomst'],
      words: ['ras', 'ursprung'],
    },
    religion: {
      stems: [
        'religi',
        'trosuppfattning',
        'troende',
        'gudstjänst',
        'moské',
        'synagog',
        'muslim',
        'kristen',
        'judisk',
        'ateist',
      ],
      words: ['tro', 'jude', 'judar', 'bön'],
    },
    sexuality: {
      stems: [
        'sexuell',
        'sexualitet',
        'läggning',
        'hbtq',
        'homosex',
        'bisex',
        'transperson',
        'könsidentitet',
      ],
      words: ['gay', 'lesbisk', 'queer'],
    },
    politics: {
      stems: ['politi', 'partisympati', 'fackförening', 'fackligt', 'röstade'],
      words: ['parti', 'partiet', 'rösta', 'röstar', 'facket'],
    },
  },
  en: {
    health: {
      stems: [
        'health',
        'illness',
        'disease',
        'diagnos',
        'disabilit',
        'disabled',
        'medication',
        'depress',
        'anxiety',
        'pregnan',
      ],
      words: ['ill', 'sick', 'medicine', 'mental', 'adhd', 'autism'],
    },
    ethnicity: { stems: ['ethnic', 'racial', 'ancestry'], words: ['race', 'origin', 'skin'] },
    religion: {
      stems: ['religio', 'mosque', 'synagogue', 'muslim', 'christian', 'jewish', 'atheis', 'pray'],
      words: ['faith', 'church', 'believer'],
    },
    sexuality: {
      stems: ['sexual', 'lesbian', 'bisexual', 'lgbt', 'transgender'],
      words: ['gay', 'queer', 'orientation'],
    },
    politics: { stems: ['politic', 'voting'], words: ['party', 'vote', 'voted', 'union'] },
  },
};

/** Warnings for each text of `texts` (path → text per language) that mentions a sensitive topic. */
export function sensitiveWarnings(texts: ReadonlyMap<string, LocalizedText>): SensitiveWarning[] {
  const warnings: SensitiveWarning[] = [];
  for (const [base, text] of texts) {
    for (const [language, value] of Object.entries(text)) {
      const lists = SENSITIVE_WORDS[language];
      if (!lists || typeof value !== 'string') continue;
      const words = value
        .toLocaleLowerCase(language)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      for (const [topic, list] of Object.entries(lists) as [Topic, WordList][]) {
        const match = words.find((w) => list.words?.includes(w) || list.stems.some((s) => w.startsWith(s)));
        if (match !== undefined) warnings.push({ path: `${base}.${language}`, topic, match });
      }
    }
  }
  return warnings;
}

/** The texts of a question to check: its text and each option's label. */
export function questionTexts(q: {
  text: LocalizedText;
  options?: readonly { label: LocalizedText }[] | undefined;
}): Map<string, LocalizedText> {
  const texts = new Map<string, LocalizedText>([['text', q.text]]);
  q.options?.forEach((o, i) => {
    texts.set(`options.${i}.label`, o.label);
  });
  return texts;
}
