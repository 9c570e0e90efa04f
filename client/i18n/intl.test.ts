import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatNumber, LANGUAGES, setLanguage, t } from './index.ts';

// setLanguage sets <html lang dir>; in Node there is no document, so a stand-in.
const root: { lang?: string; dir?: string } = {};
beforeAll(() => {
  (globalThis as { document?: unknown }).document = { documentElement: root };
});
afterAll(async () => {
  await setLanguage('sv', false);
  delete (globalThis as { document?: unknown }).document;
});

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/;
const date = Date.UTC(2026, 10, 24, 12, 0);

describe('numbers and dates through Intl', () => {
  it("should ask for Latin digits explicitly for Arabic, whatever the engine's default", () => {
    // Engines differ: older ICU (older phones) writes 'ar' with Arabic-Indic digits, newer with
    // Latin. The choice must be in the locale itself, not left to the engine.
    const ar = LANGUAGES.find((l) => l.code === 'ar');
    expect(new Intl.Locale(ar?.intl ?? '').numberingSystem).toBe('latn');
  });

  it('should write Arabic with Latin digits 0–9, never Arabic-Indic digits', async () => {
    await setLanguage('ar', false);
    expect(root).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(formatNumber(1234567)).toMatch(/^1.?234.?567$/u);
    expect(formatNumber(1234567)).not.toMatch(ARABIC_INDIC);
    const written = formatDate(date, false);
    expect(written).toContain('2026');
    expect(written).toContain('24');
    expect(written).not.toMatch(ARABIC_INDIC);
    // Placeholders filled with numbers go through the same format.
    expect(t('q.progress', { n: 3, total: 12 })).toContain('12');
    expect(t('q.progress', { n: 3, total: 12 })).not.toMatch(ARABIC_INDIC);
  });

  it('should group thousands the Swedish way in Swedish and the English way in English', async () => {
    await setLanguage('sv', false);
    expect(formatNumber(1234567)).toBe('1\u00a0234\u00a0567');
    expect(formatDate(date, false)).toBe('24 nov. 2026');
    await setLanguage('en', false);
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatDate(date, false)).toBe('24 Nov 2026');
  });
});
