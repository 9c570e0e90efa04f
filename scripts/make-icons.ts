/**
 * Draws the app icons (PNG) with no image tools: a small rasteriser + zlib.
 * Run `npx tsx scripts/make-icons.ts` after changing the design; the PNGs in public/icons are committed.
 *
 * Design (same as public/favicon.svg): a yellow speech bubble with three green dots on Kraftsamla green.
 * - icon-192.png, icon-512.png: rounded square on transparent (purpose "any")
 * - maskable-512.png: full bleed, artwork inside the 80 % safe zone (purpose "maskable")
 * - apple-touch-icon.png (180): full bleed, iOS rounds it itself
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];
const GREEN: RGBA = [0x0b, 0x5d, 0x4b, 255];
const YELLOW: RGBA = [0xff, 0xd2, 0x5a, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

function roundedRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inTriangle(
  x: number,
  y: number,
  a: [number, number],
  b: [number, number],
  c: [number, number],
): boolean {
  const s = (p: [number, number], q: [number, number]) =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = s(a, b);
  const d2 = s(b, c);
  const d3 = s(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** The colour at a point of the unit square (0..1). */
function artwork(x: number, y: number): RGBA | undefined {
  const dots = [0.36, 0.5, 0.64];
  if (dots.some((dx) => (x - dx) ** 2 + (y - 0.45) ** 2 <= 0.045 ** 2)) return GREEN;
  if (roundedRect(x, y, 0.2, 0.25, 0.8, 0.65, 0.09)) return YELLOW;
  if (inTriangle(x, y, [0.32, 0.6], [0.3, 0.8], [0.5, 0.6])) return YELLOW;
  return undefined;
}

function sample(x: number, y: number, fullBleed: boolean): RGBA {
  if (fullBleed) {
    // Maskable: scale the artwork into the central safe zone.
    const s = 0.8;
    const ax = (x - 0.5) / s + 0.5;
    const ay = (y - 0.5) / s + 0.5;
    return artwork(ax, ay) ?? GREEN;
  }
  if (!roundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return CLEAR;
  return artwork(x, y) ?? GREEN;
}

function render(size: number, fullBleed: boolean): Buffer {
  const ss = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = sample((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, fullBleed);
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = 1 + px * 4;
      row[o] = a ? Math.round(r / a) : 0;
      row[o + 1] = a ? Math.round(g / a) : 0;
      row[o + 2] = a ? Math.round(b / a) : 0;
      row[o + 3] = Math.round(a / (ss * ss));
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG from rows that each start with filter byte 0 followed by RGBA pixels. */
function png(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = resolve(fileURLToPath(new URL('..', import.meta.url)), 'public/icons');
const icons: Array<[string, number, boolean]> = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
];
for (const [name, size, fullBleed] of icons) {
  const file = resolve(out, name);
  writeFileSync(file, render(size, fullBleed));
  console.log(`wrote ${file}`);
}
