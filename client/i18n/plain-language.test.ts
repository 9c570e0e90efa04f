/**
 * Plain Swedish: the participant texts are measured with LIX (läsbarhetsindex), and a list of
 * administrative words may not appear. See docs/accessibility.md for the limits and why.
 *
 * LIX = words / sentences + 100 × long words / words, where a long word has more than 6 letters.
 * Below 30 is "very easy" (children's books), 30–40 "easy" (fiction, popular press), 40–50
 * "medium" (newspapers), 50–60 "hard" (official texts).
 *
 * A "text" is every message of one screen or part (the key's prefix: `privacy.*` is the privacy
 * notice, `a11y.*` the accessibility statement). Each message is at least one sentence: labels
 * and buttons have no full stop but are read as one unit.
 */
import { describe, expect, it } from 'vitest';
import lattlast from './sv-x-lattlast.ts';
import sv from './sv.ts';

/** Limits, set after measuring (2026-11-24: overall 20, highest text 28, after simplifying heard, ideas and proposal). */
const LIX_LIMIT_OVERALL = 25;
const LIX_LIMIT_PER_TEXT = 30;
/** LIX says little about a handful of words (one long label gives 100): texts shorter are skipped. */
const MIN_WORDS = 20;

/** Words that read as administrative ("myndighetsspråk"), with what to write instead. */
const ADMINISTRATIVE = [
  'erhålla', // få
  'inkomma', // komma in, skicka
  'inkomna',
  'tillhandahålla', // ge
  'i enlighet med', // enligt
  'avseende', // om
  'beträffande', // om
  'samt', // och
  'därmed', // då
  'ärende', // det du skickat
  'handläggning', // när staden läser
  'vederbörande',
  'nyttja', // använda
  'åtgärda', // laga, göra något åt
  'inneha', // ha
  'skyndsamt', // snabbt
  'tillse', // se till
  'således', // alltså
  'i syfte att', // för att
  'erforderlig', // som behövs
  'huvudområde', // det viktigaste området
  'privatperson', // en person
  'medborgare', // du, de som bor i Malmö
];

interface Lix {
  words: number;
  sentences: number;
  long: number;
  lix: number;
}

function words(text: string): string[] {
  return text.replace(/\{\w+\}/g, '').match(/\p{L}[\p{L}-]*/gu) ?? [];
}

function sentences(text: string): number {
  const ends = (text.match(/[.!?:]+(\s|$)/g) ?? []).length;
  return ends + (/[.!?:]\s*$/.test(text.trim()) ? 0 : 1);
}

/** LIX over a list of messages. */
function lix(messages: readonly string[]): Lix {
  let w = 0;
  let s = 0;
  let long = 0;
  for (const m of messages) {
    const ws = words(m);
    w += ws.length;
    s += sentences(m);
    long += ws.filter((x) => x.replace(/-/g, '').length > 6).length;
  }
  return { words: w, sentences: s, long, lix: w === 0 ? 0 : w / s + (100 * long) / w };
}

/** LIX of every text (the messages of one key prefix) of a catalogue that has at least MIN_WORDS words. */
function proseOf(catalogue: Record<string, string>): ({ text: string } & Lix)[] {
  const texts = new Map<string, string[]>();
  for (const [key, message] of Object.entries(catalogue)) {
    const text = key.split('.')[0] as string;
    texts.set(text, [...(texts.get(text) ?? []), message]);
  }
  const measured = [...texts].map(([text, messages]) => ({ text, ...lix(messages) }));
  return measured.filter((m) => m.words >= MIN_WORDS);
}

const prose = proseOf(sv);

describe('plain Swedish', () => {
  it('should measure LIX the way the formula says', () => {
    // 6 words, 2 sentences, 1 long word (området has 7 letters, tycker 6): 6/2 + 100·1/6 = 19.7
    const m = lix(['Säg vad du tycker.', 'Välj området.']);
    expect(m).toMatchObject({ words: 6, sentences: 2, long: 1 });
    expect(m.lix).toBeCloseTo(3 + 100 / 6, 5);
  });

  it(`should keep every Swedish participant text at LIX ${LIX_LIMIT_PER_TEXT} or below, and all of them at ${LIX_LIMIT_OVERALL}`, () => {
    const all = lix(Object.values(sv));
    console.log(
      `LIX per text (≥ ${MIN_WORDS} words):\n${prose
        .sort((a, b) => b.lix - a.lix)
        .map(
          (m) => `  ${m.lix.toFixed(1).padStart(5)}  ${m.text} (${m.words} words, ${m.sentences} sentences)`,
        )
        .join('\n')}\n  overall ${all.lix.toFixed(1)} (${all.words} words)`,
    );
    expect(prose.length).toBeGreaterThan(10);
    expect(
      prose.filter((m) => m.lix > LIX_LIMIT_PER_TEXT).map((m) => `${m.text}: ${m.lix.toFixed(1)}`),
    ).toEqual([]);
    expect(all.lix).toBeLessThanOrEqual(LIX_LIMIT_OVERALL);
  });

  it('should use no administrative words', () => {
    const found = Object.entries(sv).flatMap(([key, message]) =>
      ADMINISTRATIVE.filter((word) => new RegExp(`(^|[^\\p{L}])${word}`, 'iu').test(message)).map(
        (word) => `${key}: ${word}`,
      ),
    );
    expect(found).toEqual([]);
  });
});

/**
 * Easy-read Swedish (sv-x-lattlast.ts) follows the guidance for easy-to-read Swedish (short
 * sentences, common words, no abbreviations), so it is held to stricter limits than Swedish:
 * LIX 18 for the whole catalogue and 25 for any text of MIN_WORDS words or more (Swedish: 25
 * and 30), and no sentence longer than 12 words (the guidance aims at 10 to 12). Measured
 * 2026-12-08: overall 13.9, highest text 22.5 (openData).
 */
const EASY_LIX_LIMIT_OVERALL = 18;
const EASY_LIX_LIMIT_PER_TEXT = 25;
const EASY_MAX_SENTENCE_WORDS = 12;
/** Abbreviations easy-read text writes out: "till exempel", "och så vidare", "tänk på". */
const ABBREVIATIONS = /(^|[^\p{L}])(t\.ex|bl\.a|osv|dvs|m\.m|o\.s\.v|ca|obs|kl|st|nr)([^\p{L}]|$)/iu;

describe('easy-read Swedish', () => {
  const easy = lattlast as Record<string, string>;

  it('should have every Swedish key and placeholder, as every catalogue must', () => {
    const placeholders = (s: string) =>
      [...s.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join();
    expect(Object.keys(easy).sort()).toEqual(Object.keys(sv).sort());
    expect(
      Object.entries(sv)
        .filter(([key, text]) => placeholders(easy[key] ?? '') !== placeholders(text))
        .map(([key]) => key),
    ).toEqual([]);
  });

  it(`should keep every text at LIX ${EASY_LIX_LIMIT_PER_TEXT} or below, and all of them at ${EASY_LIX_LIMIT_OVERALL}`, () => {
    const all = lix(Object.values(easy));
    const measured = proseOf(easy);
    console.log(
      `Easy-read LIX per text (≥ ${MIN_WORDS} words):\n${measured
        .sort((a, b) => b.lix - a.lix)
        .map(
          (m) => `  ${m.lix.toFixed(1).padStart(5)}  ${m.text} (${m.words} words, ${m.sentences} sentences)`,
        )
        .join('\n')}\n  overall ${all.lix.toFixed(1)} (${all.words} words)`,
    );
    expect(measured.length).toBeGreaterThan(10);
    expect(
      measured.filter((m) => m.lix > EASY_LIX_LIMIT_PER_TEXT).map((m) => `${m.text}: ${m.lix.toFixed(1)}`),
    ).toEqual([]);
    expect(all.lix).toBeLessThanOrEqual(EASY_LIX_LIMIT_OVERALL);
  });

  it(`should have no sentence longer than ${EASY_MAX_SENTENCE_WORDS} words`, () => {
    const long = Object.entries(easy).flatMap(([key, message]) =>
      message
        .split(/[.!?:]+(?:\s|$)/)
        .filter((sentence) => words(sentence).length > EASY_MAX_SENTENCE_WORDS)
        .map((sentence) => `${key}: ${sentence}`),
    );
    expect(long).toEqual([]);
  });

  it('should use no abbreviations and no administrative words', () => {
    const found = Object.entries(easy).flatMap(([key, message]) => [
      ...(ABBREVIATIONS.test(message) ? [`${key}: abbreviation`] : []),
      ...ADMINISTRATIVE.filter((word) => new RegExp(`(^|[^\\p{L}])${word}`, 'iu').test(message)).map(
        (word) => `${key}: ${word}`,
      ),
    ]);
    expect(found).toEqual([]);
  });

  it('should see the long sentences, abbreviations and hard text it is there to catch', () => {
    expect(ABBREVIATIONS.test('Skriv t.ex. Sofielund.')).toBe(true);
    expect(ABBREVIATIONS.test('Obs! Det är viktigt.')).toBe(true);
    expect(ABBREVIATIONS.test('Skriv till exempel Sofielund.')).toBe(false);
    expect(
      words('Du kan välja ett eller flera områden som du bor i eller ofta är i.').length,
    ).toBeGreaterThan(EASY_MAX_SENTENCE_WORDS);
    expect(lix(['Handläggningen av inkomna synpunkter genomförs kontinuerligt.']).lix).toBeGreaterThan(
      EASY_LIX_LIMIT_PER_TEXT,
    );
  });
});
