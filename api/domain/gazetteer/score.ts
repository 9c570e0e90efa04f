/**
 * Precision and recall of the gazetteer on hand-labelled sentences, per language. A unit of
 * scoring is one place as the writer meant it: the set of delområden one mention stands for
 * ("Rosengård" is one place of ten delområden, not ten hits), so big groups do not swamp the
 * score and a sentence naming one area twice counts once.
 */
import type { Gazetteer } from './index.ts';

/** One hand-labelled sentence. */
export interface LabelledSentence {
  lang: string;
  text: string;
  /**
   * The places meant: a code ("11319"), `stadsdel:Name` (every delområde of that stadsdel), or
   * codes joined by "+" for one name meaning several ("11428+11429+11430" for Sorgenfri).
   */
  expect: string[];
  why: string;
}

/** Counts for one language. */
export interface Score {
  sentences: number;
  truePositives: number;
  predicted: number;
  expected: number;
  precision: number;
  recall: number;
  /** Sentences whose places differ from the label, for reading, not for tuning. */
  misses: { text: string; got: string[]; want: string[] }[];
}

/** `stadsdel` → its delområde codes, from the lookup csv. */
export type Districts = ReadonlyMap<string, readonly string[]>;

function key(codes: readonly string[]): string {
  return [...codes].sort().join('+');
}

function expectedKeys(expect: readonly string[], districts: Districts): Set<string> {
  return new Set(
    expect.map((e) => (e.startsWith('stadsdel:') ? key(districts.get(e.slice(9)) ?? []) : key(e.split('+')))),
  );
}

/** Scores `gazetteer` on `sentences`, one {@link Score} per language, in first-seen order. */
export function scoreGazetteer(
  gazetteer: Gazetteer,
  sentences: readonly LabelledSentence[],
  districts: Districts,
): Map<string, Score> {
  const scores = new Map<string, Score>();
  for (const s of sentences) {
    const score = scores.get(s.lang) ?? {
      sentences: 0,
      truePositives: 0,
      predicted: 0,
      expected: 0,
      precision: 1,
      recall: 1,
      misses: [],
    };
    scores.set(s.lang, score);
    const got = new Set(gazetteer.mentions(s.text).map((m) => key(m.codes)));
    const want = expectedKeys(s.expect, districts);
    const hits = [...got].filter((g) => want.has(g)).length;
    score.sentences += 1;
    score.truePositives += hits;
    score.predicted += got.size;
    score.expected += want.size;
    if (hits !== got.size || hits !== want.size)
      score.misses.push({ text: s.text, got: [...got], want: [...want] });
  }
  for (const score of scores.values()) {
    score.precision = score.predicted === 0 ? 1 : score.truePositives / score.predicted;
    score.recall = score.expected === 0 ? 1 : score.truePositives / score.expected;
  }
  return scores;
}

/** One line per language: "sv  75 sentences  precision 91.2 %  recall 84.0 %". */
export function formatScores(scores: ReadonlyMap<string, Score>): string {
  return [...scores]
    .map(
      ([lang, s]) =>
        `${lang}  ${String(s.sentences).padStart(3)} sentences  precision ${(100 * s.precision).toFixed(1)} % (${s.truePositives}/${s.predicted})  recall ${(100 * s.recall).toFixed(1)} % (${s.truePositives}/${s.expected})`,
    )
    .join('\n');
}
