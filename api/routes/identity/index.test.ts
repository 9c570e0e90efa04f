import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { Identity } from '../../../common/wire/identity.ts';
import { parseIdentityConfig } from '../../config/identity.ts';
import { type TestApp, tempDir, testApp } from '../../test/index.ts';

// The repository's own shell and manifest, as the build copies them: what the server fills in.
const SHELL = readFileSync(new URL('../../../client/index.html', import.meta.url), 'utf8');
const MANIFEST = readFileSync(new URL('../../../public/manifest.webmanifest', import.meta.url), 'utf8');

let t: TestApp;
let client: ReturnType<typeof tempDir>;
const logoDir = tempDir();
const logoPath = join(logoDir.dir, 'lund.svg');

beforeAll(async () => {
  client = tempDir();
  mkdirSync(join(client.dir, 'assets'));
  writeFileSync(join(client.dir, 'index.html'), SHELL);
  writeFileSync(join(client.dir, 'manifest.webmanifest'), MANIFEST);
  writeFileSync(logoPath, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect/></svg>');
  const identity = parseIdentityConfig({
    ORG_NAME: 'Lunds kommun & "vänner"',
    APP_NAME: 'Säg det',
    APP_PURPOSE_SV: 'Tyck till om <Lund>.',
    APP_PURPOSE_EN: 'Have your say about Lund.',
    APP_PURPOSE_AR: 'قل رأيك في لوند.',
    THEME_COLOUR: '#1d4e89',
    ORG_LOGO: logoPath,
  });
  t = await testApp({ staticDir: client.dir, config: { identity } });
});
afterAll(async () => {
  await t.close();
  client.remove();
  logoDir.remove();
});

const get = (path: string) => t.app.request(path);

describe('the deployment identity', () => {
  it('should answer GET /api/identity with the configured values, in the wire schema', async () => {
    const res = await get('/api/identity');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    const body = v.parse(Identity, await res.json());
    expect(body).toMatchObject({
      orgName: 'Lunds kommun & "vänner"',
      appName: 'Säg det',
      purpose: { sv: 'Tyck till om <Lund>.', en: 'Have your say about Lund.', ar: 'قل رأيك في لوند.' },
      themeColour: '#1d4e89',
    });
    expect(body.logoUrl).toMatch(/^\/api\/identity\/logo\.svg\?v=[0-9a-f]{12}$/);
  });

  it('should serve the logo as an SVG that can run nothing when opened on its own', async () => {
    const { logoUrl } = (await (await get('/api/identity')).json()) as { logoUrl: string };
    const res = await get(logoUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^image\/svg\+xml/);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).toContain('<rect/>');
  });

  it('should fill the app shell: title, description, theme colour and the identity meta, escaped', async () => {
    for (const path of ['/', '/index.html', '/insats/exempel-ung-i-sommar']) {
      const html = await (await get(path)).text();
      expect(html).toContain('<title>Säg det</title>');
      expect(html).toContain('<meta name="description" content="Tyck till om &lt;Lund&gt;." />');
      expect(html).toContain('<meta name="theme-color" content="#1d4e89" />');
      const meta = /<meta name="app-identity" content="([^"]*)"/.exec(html)?.[1] ?? '';
      const decoded = meta
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      expect(JSON.parse(decoded)).toMatchObject({
        orgName: 'Lunds kommun & "vänner"',
        themeColour: '#1d4e89',
      });
      expect(html).not.toMatch(/kraftsaml/i);
    }
  });

  it('should serve the manifest with the configured name, short name, theme and the logo as an icon', async () => {
    const res = await get('/manifest.webmanifest');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/manifest+json');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    const manifest = (await res.json()) as Record<string, unknown> & {
      icons: { src: string; type: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Säg det – Lunds kommun & "vänner"',
      short_name: 'Säg det',
      description: 'Tyck till om <Lund>.',
      theme_color: '#1d4e89',
      start_url: '/',
      display: 'standalone',
    });
    expect(manifest.icons[0]).toMatchObject({
      type: 'image/svg+xml',
      src: expect.stringMatching(/^\/api\/identity\/logo\.svg/),
    });
    expect(manifest.icons.some((i) => i.type === 'image/png')).toBe(true);
  });

  it('should name the default deployment Malmö stad, never Kraftsamla, with nothing configured', async () => {
    const plain = await testApp({ staticDir: client.dir });
    try {
      const manifest = (await (await plain.app.request('/manifest.webmanifest')).json()) as { name: string };
      expect(manifest.name).toBe('Tyck till – Malmö stad');
      const html = await (await plain.app.request('/')).text();
      expect(html).not.toMatch(/kraftsaml/i);
      expect(html).toContain('Malmö stad');
    } finally {
      await plain.close();
    }
  });
});
