import { describe, expect, it } from 'vitest';
import ar from './ar.ts';
import en from './en.ts';
import sv from './sv.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const catalogues = { en, ar } as const;

describe('language catalogues', () => {
  for (const [code, catalogue] of Object.entries(catalogues)) {
    it(`should have every Swedish key in ${code}, and no others`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(sv).sort());
    });

    it(`should use the same placeholders as Swedish in ${code}`, () => {
      for (const [key, text] of Object.entries(sv)) {
        expect([key, placeholders((catalogue as Record<string, string>)[key] ?? '')]).toEqual([
          key,
          placeholders(text),
        ]);
      }
    });

    it(`should have no empty strings in ${code}`, () => {
      for (const [key, text] of Object.entries(catalogue))
        expect([key, text.trim() !== '']).toEqual([key, true]);
    });
  }
});
