/**
 * Scale questions with their own words (schema version 3 of submissions).
 *
 * Until now every scale question showed the faces' generic words ("Jättedåligt" … "Jättebra").
 * `questions.data` of a scale question now holds `scale`: end labels, optional middle steps and
 * whether "don't know" is offered (common/wire ScaleLabels). No column changes: the words are part
 * of the version's JSON like its text and options.
 *
 * - Every scale question version stored before gets the generic words in Swedish, English and
 *   Arabic: what the people who answered it saw, so its answers keep their meaning.
 * - The example insatser's scale questions (demo content, `insatser.example = 1`) get words that
 *   fit their questions instead, the same as api/seed/examples.ts gives a new database.
 *
 * The words are written out here, not imported: a migration must not change when the catalogue
 * or the examples do.
 */
import type { Kysely, Migration } from 'kysely';

type Text = { sv: string; ar: string; en: string };
/** Swedish first, then by language code: the order the store keeps texts in (so equal compares equal). */
const t = (sv: string, en: string, ar: string): Text => ({ sv, ar, en });
type Words = { min: Text; max: Text; middle?: [Text | null, Text | null, Text | null]; dontKnow?: boolean };

const GENERIC: Words = {
  min: t('Jättedåligt', 'Very bad', 'سيئ جدًا'),
  max: t('Jättebra', 'Very good', 'جيد جدًا'),
  middle: [t('Dåligt', 'Bad', 'سيئ'), t('Mittemellan', 'In between', 'متوسط'), t('Bra', 'Good', 'جيد')],
};

const IN_BETWEEN: Text = t('Mittemellan', 'In between', 'بين بين');

/** The example questions' words, by question id (version 1 of each). */
const EXAMPLES: Record<string, Words> = {
  'uis-latt': {
    min: t('Mycket svårt', 'Very hard', 'صعب جدًا'),
    max: t('Mycket lätt', 'Very easy', 'سهل جدًا'),
    middle: [null, IN_BETWEEN, null],
    dontKnow: true,
  },
  'prao-hjalp': {
    min: t('Ingen hjälp', 'No help', 'لا مساعدة'),
    max: t('Mycket hjälp', 'A lot of help', 'مساعدة كثيرة'),
  },
  'trygg-kvall': {
    min: t('Inte alls trygg', 'Not safe at all', 'لا أشعر بالأمان أبدًا'),
    max: t('Mycket trygg', 'Very safe', 'أشعر بأمان كبير'),
    middle: [null, IN_BETWEEN, null],
    dontKnow: true,
  },
};

interface Tables {
  questions: { id: string; version: number; insats_id: string; kind: string; data: string };
  insatser: { id: string; example: number };
}

export const scaleWords: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as Kysely<Tables>;
    const rows = await db
      .selectFrom('questions')
      .innerJoin('insatser', 'insatser.id', 'questions.insats_id')
      .select(['questions.id', 'questions.version', 'questions.data', 'insatser.example'])
      .where('questions.kind', '=', 'scale')
      .execute();
    for (const row of rows) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      if (data.scale !== undefined) continue;
      const example = row.example === 1 && row.version === 1 ? EXAMPLES[row.id] : undefined;
      await db
        .updateTable('questions')
        .set({ data: JSON.stringify({ ...data, scale: example ?? GENERIC }) })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .execute();
    }
  },
};
