import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { areaMap } from '../../../components/area-map/data.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { staffAreas } from './areas.ts';
import { Choropleth } from './index.tsx';

// Three square areas; the map and the names as if already fetched.
areaMap.value = {
  data: {
    boundaryVersion: 't',
    viewBox: [0, 0, 300, 100],
    areas: ['11111', '22222', '33333'].map((code, i) => ({
      code,
      d: `M${i * 100} 0h100v100h-100z`,
      label: [i * 100 + 50, 50] as [number, number],
    })),
  },
};
staffAreas.value = {
  data: [
    { code: '11111', name: 'Annelund', district: 'Väster' },
    { code: '22222', name: 'Bellevue', district: 'Väster' },
    { code: '33333', name: 'Centrum', district: 'Innerstaden' },
  ],
};

const dom = (html: string) => {
  // Enough of a parser for these flat attributes: what each element says, by data-code.
  const labels = new Map<string, string>();
  for (const m of html.matchAll(/<path[^>]*data-code="(\d+)"[^>]*aria-label="([^"]*)"[^>]*>(.*?)<\/path>/g))
    labels.set(m[1] as string, `${m[2]}|${m[3]}`);
  const cells = new Map<string, string>();
  for (const m of html.matchAll(/<tr data-code="(\d+)">.*?<td class="num">([^<]*)<\/td><\/tr>/g))
    cells.set(m[1] as string, m[2] as string);
  return { labels, cells };
};

describe('Choropleth', () => {
  it('should give every area its number once in its name (no second <title>), and the same in the table', () => {
    const values = new Map<string, number | null>([
      ['11111', 1234],
      ['22222', 0],
    ]);
    const html = renderToString(
      h(Choropleth, { values, caption: 'Inlägg per delområde', legendTitle: 'Antal' }),
    );
    const { labels, cells } = dom(html);
    // Name only: a <title> inside would be read a second time.
    expect(labels.get('11111')).toBe('Annelund: 1\u00a0234|');
    expect(labels.get('22222')).toBe('Bellevue: 0|');
    // Not in `values`: on the map as "no value", and not a row of the table.
    expect(labels.get('33333')).toBe('Centrum: inget värde|');
    expect(cells).toEqual(
      new Map([
        ['11111', '1\u00a0234'],
        ['22222', '0'],
      ]),
    );
    expect(html).toContain('<caption id="');
    expect(html).toMatch(/<th scope="row">Annelund<\/th><td>Väster<\/td>/);
  });

  it('should put the areas in name order, as a screen reader meets them', () => {
    const before = staffAreas.value;
    staffAreas.value = {
      data: [
        { code: '11111', name: 'Västra Hamnen', district: 'Väster' },
        { code: '22222', name: 'Öresund', district: 'Väster' },
        { code: '33333', name: 'Annelund', district: 'Väster' },
      ],
    };
    const html = renderToString(h(Choropleth, { values: new Map(), caption: 'X', legendTitle: 'Antal' }));
    staffAreas.value = before;
    const order = [...html.matchAll(/<path[^>]*data-code="(\d+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['33333', '11111', '22222']);
  });

  it('should write the legend in numbers and hatch the areas without a value', () => {
    const values = new Map<string, number | null>([
      ['11111', 2],
      ['22222', 10],
      ['33333', null],
    ]);
    const html = renderToString(
      h(Choropleth, { values, caption: 'X', legendTitle: 'Antal', format: (n) => `${n} st` }),
    );
    expect(html).toContain('2 st–');
    expect(html).toContain('–10 st');
    expect(html).toContain('Randigt: inget värde eller utanför urvalet');
    expect(html).toMatch(/data-code="33333"[^>]*fill="url\(#[^"]*-hatch\)"/);
    expect(html).toMatch(/<tr data-code="33333">.*?<td class="num">inget värde<\/td>/);
  });
});

describe('BarChart', () => {
  it('should show each count with its share of the total, and a zero as a zero', () => {
    const html = renderToString(
      h(BarChart, {
        id: 'c',
        caption: 'Per grupp',
        labelHeading: 'Grupp',
        rows: [
          { key: 'youth', label: 'Ung person', count: 3 },
          { key: 'resident', label: 'Boende', count: 1 },
          { key: 'business', label: 'Företag', count: 0 },
        ],
      }),
    );
    const row = (key: string) => new RegExp(`<tr data-key="${key}">.*?</tr>`).exec(html)?.[0] ?? '';
    expect(row('youth')).toMatch(/>3<\/td><td class="num">75\u00a0%<\/td>/);
    expect(row('resident')).toMatch(/>1<\/td><td class="num">25\u00a0%<\/td>/);
    expect(row('business')).toMatch(/>0<\/td><td class="num">0\u00a0%<\/td>/);
    expect(html).toContain('<caption id="c-caption">Per grupp</caption>');
  });
});
