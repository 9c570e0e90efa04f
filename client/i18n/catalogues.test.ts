import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './index.ts';
import sv from './sv.ts';

/**
 * Every catalogue file in this folder (a language is `<code>.ts`, like en.ts), found on disk so
 * that a new file is checked without anyone adding it here.
 */
const files = import.meta.glob<{ default: Record<string, string> }>('./*.ts');
const codes = Object.keys(files)
  .map((f) => /^\.\/([a-z]{2,3}(-[A-Za-z0-9]+)*)\.ts$/.exec(f)?.[1])
  .filter((c): c is string => c !== undefined)
  .sort();
const others = codes.filter((c) => c !== 'sv');

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('language catalogues', () => {
  it('should find Swedish and at least English and Arabic on disk', () => {
    expect(codes).toEqual(expect.arrayContaining(['sv', 'en', 'ar']));
  });

  it('should offer exactly the languages that have a catalogue file', () => {
    expect(LANGUAGES.map((l) => l.code).sort()).toEqual(codes);
  });

  it('should offer a language from its file alone: its own name, direction and Latin digits', async () => {
    // Arabic as if it had no refined line: what a new file (e.g. fa.ts) gets.
    const { fromFileForTest } = await import('./index.ts');
    expect(fromFileForTest('ar')).toEqual({
      code: 'ar',
      name: 'العربية',
      dir: 'rtl',
      intl: 'ar-SE-u-nu-latn',
    });
    expect(fromFileForTest('de')).toMatchObject({ name: 'Deutsch', dir: 'ltr' });
  });

  it('should load every offered language through its registry entry', async () => {
    for (const lang of LANGUAGES) {
      const { default: messages } = await lang.load();
      expect([lang.code, Object.keys(messages).length]).toEqual([lang.code, Object.keys(sv).length]);
    }
  });

  it('should write Sorani, Persian and Arabic right to left, and every other language left to right', () => {
    const rtl = LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code);
    expect(rtl.filter((c) => !['ar', 'ckb', 'fa'].includes(c))).toEqual([]);
    for (const code of ['ar', 'ckb', 'fa'].filter((c) => codes.includes(c))) expect(rtl).toContain(code);
  });

  it('should offer easy-read Swedish by its own name, never for a device set to Swedish', async () => {
    const { preferredLanguage } = await import('./index.ts');
    const lattlast = LANGUAGES.find((l) => l.code === 'sv-x-lattlast');
    if (codes.includes('sv-x-lattlast')) expect(lattlast?.name).toBe('Lättläst svenska');
    // navigator.languages in the test environment is Swedish or English, never easy-read.
    expect(preferredLanguage().code).not.toBe('sv-x-lattlast');
  });

  describe.each(others)('%s', (code) => {
    const load = async () => ((await import(`./${code}.ts`)) as { default: Record<string, string> }).default;

    it('should say how far it is reviewed: `unreviewed` is "all" or a list of real keys', async () => {
      const { unreviewed } = (await import(`./${code}.ts`)) as { unreviewed?: unknown };
      if (unreviewed !== 'all') {
        expect(Array.isArray(unreviewed)).toBe(true);
        const unknown = (unreviewed as unknown[]).filter((k) => typeof k !== 'string' || !(k in sv));
        expect(unknown).toEqual([]);
      }
    });

    it('should have every Swedish key, and no others', async () => {
      const catalogue = await load();
      const missing = Object.keys(sv).filter((k) => !(k in catalogue));
      const extra = Object.keys(catalogue).filter((k) => !(k in sv));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('should use the same placeholders as Swedish', async () => {
      const catalogue = await load();
      const wrong = Object.entries(sv)
        .filter(([key, text]) => placeholders(catalogue[key] ?? '').join() !== placeholders(text).join())
        .map(([key]) => key);
      expect(wrong).toEqual([]);
    });

    it('should have no empty strings', async () => {
      const catalogue = await load();
      expect(Object.keys(catalogue).filter((k) => (catalogue[k] ?? '').trim() === '')).toEqual([]);
    });

    it('should translate: no text identical to Swedish except names and numbers', async () => {
      const catalogue = await load();
      // Brand names, age bands and the like are the same in every language.
      const same = Object.entries(sv)
        .filter(([key, text]) => catalogue[key] === text && /\p{L}{4,}/u.test(text))
        .map(([key]) => key)
        .filter((key) => !['app.name', 'age.under13'].includes(key));
      // Easy-read Swedish is Swedish: a short, plain text ("Ta bort", "Lyssna") is rightly the same;
      // it must still be a rewrite of most of them.
      if (code.startsWith('sv-')) expect(same.length).toBeLessThan(Object.keys(sv).length / 2);
      else expect(same).toEqual([]);
    });
  });
});
