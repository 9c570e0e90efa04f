import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTITY, whiteContrast } from '../../common/identity/index.ts';
import { ConfigError } from './errors.ts';
import { MAX_LOGO_BYTES, parseIdentityConfig } from './identity.ts';

const dir = mkdtempSync(join(tmpdir(), 'identity-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('parseIdentityConfig', () => {
  it('should name Malmö stad, in plain words, with the neutral logo when nothing is set', () => {
    const { identity, logoSvg } = parseIdentityConfig({});
    expect(identity).toEqual({
      ...DEFAULT_IDENTITY,
      logoUrl: expect.stringMatching(/^\/api\/identity\/logo\.svg\?v=[0-9a-f]{12}$/),
    });
    expect(identity.orgName).toBe('Malmö stad');
    expect(JSON.stringify(identity)).not.toMatch(/kraftsaml/i);
    expect(logoSvg).toMatch(/^<svg/);
  });

  it("should take the city's names, purposes, colour and logo, and version the logo URL by its content", () => {
    const logo = file(
      'city.svg',
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
    );
    const a = parseIdentityConfig({
      ORG_NAME: ' Lunds kommun ',
      APP_NAME: 'Säg det',
      APP_PURPOSE_SV: 'Tyck till om Lund.',
      APP_PURPOSE_EN: 'Have your say about Lund.',
      APP_PURPOSE_AR: 'قل رأيك في لوند.',
      THEME_COLOUR: '#1d4e89',
      ORG_LOGO: logo,
    });
    expect(a.identity).toMatchObject({
      orgName: 'Lunds kommun',
      appName: 'Säg det',
      purpose: { sv: 'Tyck till om Lund.', en: 'Have your say about Lund.', ar: 'قل رأيك في لوند.' },
      themeColour: '#1d4e89',
    });
    expect(a.logoSvg).toContain('<rect/>');
    const other = file('other.svg', '<svg xmlns="http://www.w3.org/2000/svg"><circle/></svg>');
    expect(parseIdentityConfig({ ORG_LOGO: other }).identity.logoUrl).not.toBe(a.identity.logoUrl);
  });

  it.each([
    [{ ORG_NAME: '  ' }, /ORG_NAME must not be empty/],
    [{ APP_NAME: 'x'.repeat(41) }, /APP_NAME must be at most 40 characters/],
    [{ APP_PURPOSE_EN: 'Line one\nline two' }, /APP_PURPOSE_EN must be one line/],
    [{ APP_PURPOSE_AR: 'ب'.repeat(61) }, /APP_PURPOSE_AR must be at most 60 characters/],
    [{ THEME_COLOUR: 'green' }, /THEME_COLOUR must be a colour like #0b5d4b/],
    [{ THEME_COLOUR: '#ffd25a' }, /THEME_COLOUR #ffd25a is too light for white text.*4\.5:1/],
    [{ ORG_LOGO: '/nowhere/logo.svg' }, /ORG_LOGO must be the path of a readable SVG file/],
  ])('should refuse %o with a message naming the variable', (env, message) => {
    expect(() => parseIdentityConfig(env)).toThrow(ConfigError);
    expect(() => parseIdentityConfig(env)).toThrow(message);
  });

  it('should refuse a logo that is not an SVG, or too large for the first paint', () => {
    expect(() => parseIdentityConfig({ ORG_LOGO: file('logo.png', '\x89PNG\r\n') })).toThrow(
      /ORG_LOGO must be an SVG file/,
    );
    const big = file('big.svg', `<svg>${' '.repeat(MAX_LOGO_BYTES)}</svg>`);
    expect(() => parseIdentityConfig({ ORG_LOGO: big })).toThrow(/ORG_LOGO .* bytes; at most 100000/);
  });

  it('should measure contrast the WCAG way: the default green carries white text, the yellow does not', () => {
    expect(whiteContrast('#000000')).toBeCloseTo(21, 5);
    expect(whiteContrast('#ffffff')).toBeCloseTo(1, 5);
    expect(whiteContrast(DEFAULT_IDENTITY.themeColour)).toBeGreaterThan(4.5);
  });
});
