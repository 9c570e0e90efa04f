import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, fold, parseGazetteerFile } from './index.ts';
import { arabicSkeleton, latinSkeleton } from './skeleton.ts';

const entries = parseGazetteerFile(
  JSON.parse(readFileSync(new URL('../../data/malmo/gazetteer.json', import.meta.url), 'utf8')),
);
const gazetteer = buildGazetteer(entries);

describe('consonant skeletons', () => {
  it.each([
    ['Lindängen', 'ليندنغن'],
    ['Lindängen', 'ليندينغن'],
    ['Triangeln', 'تريانغلن'],
    ['Stortorget', 'ستورتورغيت'],
    ['Pildammsparken', 'بيلدامسباركن'],
    ['Kroksbäck', 'كروكسبيك'],
    ['Hermodsdal', 'هيرمودسدال'],
  ])('should give %s and %s the same consonants', (latin, arabic) => {
    expect(arabicSkeleton(fold(arabic))).toBe(latinSkeleton(fold(latin)));
  });
});

describe('Arabic-script names by their consonants', () => {
  it.each([
    ['ما عدت ساكن بروزنغورد، هلق ساكن بليندنغن', ['36213']],
    ['كنا بستورتورغيت ليلة العيد', ['11312']],
    ['بالتريانغلن في زحمة كتير', ['11315']],
    ['حديقة بيلدامسباركن حلوة كتير', ['11211']],
    ['من در کرکسبک زندگی می‌کنم', ['25609']],
    ['رحنا عالستورتوريت مبارح', ['11312']],
    ['بيلفيوغوردن فيها شقق رخيصة؟', ['25506']],
    // Five consonants with no place word before it and no بـ: a common word may share them.
    ['بولتوفتا حلوة', []],
    ['في بولتوفتا', ['12507']],
  ])('%s', (text, codes) => {
    expect(gazetteer.codes(text)).toEqual(codes);
  });

  // Every Arabic-script text of the app itself, a few thousand words of ordinary Arabic, Persian
  // and Sorani: none of it may read as a place (Sofielund is written in Latin letters there).
  const I18N = new URL('../../../client/i18n/', import.meta.url);
  const arabicScript = readdirSync(I18N).filter((f) => /^(ar|fa|ckb|ps|ur)\.ts$/.test(f));

  it('should find no place in the Arabic-script texts of the app', async () => {
    expect(arabicScript.length).toBeGreaterThanOrEqual(1);
    const found: string[] = [];
    for (const file of arabicScript) {
      const texts = ((await import(new URL(file, I18N).href)) as { default: Record<string, string> }).default;
      for (const [key, text] of Object.entries(texts))
        for (const m of gazetteer.mentions(text))
          if (/[\u0600-\u06FF]/u.test(m.text)) found.push(`${file} ${key}: ${m.text}`);
    }
    expect(found).toEqual([]);
  });
});
