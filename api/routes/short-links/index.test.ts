import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /i/:id and /i/:id/:area (poster short links)', () => {
  it('should redirect to the insats with the area chosen', async () => {
    const res = await t.app.request('/i/exempel-ung-i-sommar/11319');
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/insats/exempel-ung-i-sommar?omrade=11319');
  });

  it('should redirect to the insats alone when no area is given', async () => {
    const res = await t.app.request('/i/exempel-ung-i-sommar');
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/insats/exempel-ung-i-sommar');
  });

  it.each([
    ['an area that is not 5 digits', '/i/exempel-ung-i-sommar/1131'],
    ['an area with letters', '/i/exempel-ung-i-sommar/1131x'],
    ['an id with characters an insats id never has', '/i/ex%2Fempel/11319'],
    ['an id that is too long', `/i/${'a'.repeat(65)}/11319`],
  ])('should answer 404 problem for %s', async (_what, path) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(res.headers.get('Location')).toBeNull();
  });

  it('should not redirect anything deeper than an area', async () => {
    const res = await t.app.request('/i/exempel-ung-i-sommar/11319/extra');
    expect(res.status).toBe(404);
    expect(res.headers.get('Location')).toBeNull();
  });
});
