import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaMap as AreaMapData } from '../../../common/wire/index.ts';
import { loadSwedishLater } from '../../i18n/index.ts';
import { AreaMap } from './index.tsx';

// The map opens after the rest of Swedish has loaded (./lazy.tsx waits for it); so do these.
beforeAll(() => loadSwedishLater());

// Four areas in a row, in code order west to east; their names are in another order.
const data: AreaMapData = {
  boundaryVersion: 't',
  viewBox: [0, 0, 4000, 4000],
  areas: ['10001', '10002', '10003', '10004'].map((code, i) => ({
    code,
    d: `m${i * 1000} 1500 1000 0 0 1000-1000 0z`,
    label: [i * 1000 + 500, 2000] as [number, number],
  })),
};
const names = { '10001': 'Östervärn', '10002': 'Annelund', '10003': 'Södra Sofielund', '10004': 'Bellevue' };

const render = (props: Partial<Parameters<typeof AreaMap>[0]> = {}) =>
  renderToString(h(AreaMap, { data, names, label: 'Karta', onSelect: () => {}, ...props }));

describe('AreaMap', () => {
  it('should put the areas in name order, as a screen reader meets them', () => {
    const html = render();
    const order = [
      ...html.matchAll(/<path d="[^"]*" data-code="\d+" class="area"[^>]*aria-label="([^"]*)"/g),
    ].map((m) => m[1]);
    expect(order).toEqual(['Annelund', 'Bellevue', 'Södra Sofielund', 'Östervärn']);
  });

  it('should open on the chosen area, zoomed in to it', () => {
    const whole = render().match(/viewBox="([^"]*)"/)?.[1];
    expect(whole).toBe('0 0 4000 4000');
    const [x, y, w, hgt] = (render({ selected: '10003' }).match(/viewBox="([^"]*)"/)?.[1] ?? '')
      .split(' ')
      .map(Number);
    // Zoomed in (the area fills half the view each way: 2×), around Södra Sofielund.
    expect(w).toBe(2000);
    expect(hgt).toBe(2000);
    expect(x).toBe(1500);
    expect(y).toBe(1000);
  });

  it('should write the names that fit, hidden from screen readers (each area has its name)', () => {
    const html = render();
    const layer = html.match(/<g aria-hidden="true" class="labels"[^>]*>(.*?)<\/g>/)?.[1] ?? '';
    expect(layer).toContain('Annelund');
    expect(layer).toContain('Bellevue');
    // A long name goes on two lines in its square area.
    expect(layer).toMatch(/<tspan[^>]*>Södra<\/tspan><tspan[^>]*>Sofielund<\/tspan>/);
  });

  it('should show the person’s position as a named marker in a circle of how far off it may be', () => {
    expect(render()).not.toContain('class="position"');
    const html = render({ position: { x: 1200, y: 300, accuracy: 150 } });
    expect(html).toMatch(/<g class="position" role="img" aria-label="Du är här">/);
    expect(html).toMatch(/<circle class="position-accuracy" cx="1200" cy="300" r="150"/);
    expect(html).toMatch(/<circle class="position-dot" cx="1200" cy="300"/);
  });
});
