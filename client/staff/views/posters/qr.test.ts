import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr.tsx';

/** Which modules of the drawn path are dark, read back from its `M x y h n v1 h-n z` runs. */
function darkModules(d: string): Set<string> {
  const dark = new Set<string>();
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const [x, y, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < n; i++) dark.add(`${x + i},${y}`);
  }
  return dark;
}

describe('the poster QR code', () => {
  const link = 'https://kraftsamla.example/i/exempel-ung-i-sommar/11319';

  it('should draw exactly the dark modules of the code, inside a 4-module quiet zone', () => {
    const qr = qrcode(0, 'M');
    qr.addData(link, 'Byte');
    qr.make();
    const count = qr.getModuleCount();
    const expected = new Set<string>();
    for (let r = 0; r < count; r++)
      for (let c = 0; c < count; c++) if (qr.isDark(r, c)) expected.add(`${c + 4},${r + 4}`);

    const { size, d } = qrPath(link);
    expect(size).toBe(count + 8);
    expect(darkModules(d)).toEqual(expected);
  });

  it('should give different codes for different areas', () => {
    expect(qrPath(link).d).not.toBe(qrPath(link.replace('11319', '48205')).d);
  });
});
