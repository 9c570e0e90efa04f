import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n/index.ts';
import { fallbackAttrs, L } from './index.tsx';

// setLanguage sets <html lang dir>; under Node there is no document, so a stand-in takes them.
const realDocument = globalThis.document;
beforeAll(() => {
  (globalThis as { document?: unknown }).document = { documentElement: {} };
});
afterAll(async () => {
  (globalThis as { document?: unknown }).document = realDocument;
});

const summary = { sv: 'Sommarjobb för unga.', ar: 'وظائف صيفية للشباب.' };

describe('localized content text', () => {
  it('should show the English text unmarked when there is one', async () => {
    await setLanguage('en', false);
    expect(renderToString(h(L, { text: { sv: 'Hej', en: 'Hello' } }))).toBe('Hello');
    expect(fallbackAttrs({ sv: 'Hej', en: 'Hello' })).toEqual({});
  });

  it('should show the Swedish text marked lang="sv" when the English one is missing or empty', async () => {
    await setLanguage('en', false);
    expect(renderToString(h(L, { text: summary }))).toBe('<span lang="sv">Sommarjobb för unga.</span>');
    expect(renderToString(h(L, { text: { sv: 'Hej', en: '' } }))).toBe('<span lang="sv">Hej</span>');
    expect(fallbackAttrs(summary)).toEqual({ lang: 'sv' });
  });

  it('should also mark the Swedish fallback left-to-right inside an Arabic page', async () => {
    await setLanguage('ar', false);
    expect(renderToString(h(L, { text: { sv: 'Hej' } }))).toBe('<span lang="sv" dir="ltr">Hej</span>');
    expect(fallbackAttrs({ sv: 'Hej' })).toEqual({ lang: 'sv', dir: 'ltr' });
    expect(renderToString(h(L, { text: summary }))).toBe(summary.ar);
  });

  it('should not mark Swedish text on a Swedish page', async () => {
    await setLanguage('sv', false);
    expect(renderToString(h(L, { text: summary }))).toBe(summary.sv);
    expect(fallbackAttrs(summary)).toEqual({});
  });
});
