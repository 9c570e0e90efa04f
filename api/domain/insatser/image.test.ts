import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_EDGE, reencodeImage } from './image.ts';
import {
  contains,
  countMarker,
  hugePng,
  jpegThenGpsJpeg,
  jpegTurnedByExif,
  jpegWithGps,
  jpegWithTrailer,
  pngWithTrailer,
  SECRET,
  webpWithUnknownChunk,
} from './test-images.ts';

async function ok(type: 'image/jpeg' | 'image/png' | 'image/webp', data: Buffer): Promise<Uint8Array> {
  const result = await reencodeImage(type, new Uint8Array(data));
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe('re-encoding an uploaded image', () => {
  it('should keep no Exif or GPS of a photo', async () => {
    const input = await jpegWithGps();
    expect(contains(input, SECRET)).toBe(true);
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const out = await ok('image/jpeg', input);
    expect(contains(out, SECRET)).toBe(false);
    expect(contains(out, 'Exif')).toBe(false);
    const meta = await sharp(out).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
  });

  it('should keep only the first picture of a JPEG followed by a second one with GPS', async () => {
    const input = await jpegThenGpsJpeg();
    expect(countMarker(input, 0xff, 0xd8)).toBe(2);
    const out = await ok('image/jpeg', input);
    expect(contains(out, SECRET)).toBe(false);
    expect(countMarker(out, 0xff, 0xd8)).toBe(1);
    expect(out[out.length - 2]).toBe(0xff);
    expect(out[out.length - 1]).toBe(0xd9);
  });

  it('should drop bytes after the end of a JPEG or a PNG, and unknown WebP chunks', async () => {
    for (const [type, input] of [
      ['image/jpeg', await jpegWithTrailer()],
      ['image/png', await pngWithTrailer()],
      ['image/webp', await webpWithUnknownChunk()],
    ] as const) {
      expect(contains(input, SECRET)).toBe(true);
      const out = await ok(type, input);
      expect(contains(out, SECRET), type).toBe(false);
      expect((await sharp(out).metadata()).format).toBe(type.slice(6));
    }
    const webp = Buffer.from(await ok('image/webp', await webpWithUnknownChunk()));
    expect(webp.includes(Buffer.from('ZZZZ'))).toBe(false);
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
  });

  it('should refuse a PNG of 40,000 × 40,000 px from its header, before decoding it', async () => {
    const input = hugePng();
    expect(input.length).toBeLessThan(200_000);
    const started = performance.now();
    const result = await reencodeImage('image/png', new Uint8Array(input));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('40000 × 40000 pixels') });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('should turn the pixels per the Exif orientation before the orientation goes', async () => {
    const out = await ok('image/jpeg', await jpegTurnedByExif());
    const meta = await sharp(out).metadata();
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([20, 40]);
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    const [r1, , b1] = pixel(10, 5);
    const [r2, , b2] = pixel(10, 35);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
  });

  it('should scale a large picture down to fit the longest side allowed', async () => {
    const wide = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const meta = await sharp(await ok('image/png', wide)).metadata();
    expect(meta.width).toBe(MAX_EDGE);
    expect(meta.height).toBe(Math.round((MAX_EDGE * 1000) / 3000));
  });

  it('should refuse what is not the type it is sent as, is no image, or is cut short', async () => {
    const jpeg = await jpegWithGps();
    expect(await reencodeImage('image/png', new Uint8Array(jpeg))).toEqual({
      ok: false,
      message: 'this is a image/jpeg image, not image/png; send it as image/jpeg',
    });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await reencodeImage('image/png', new Uint8Array(svg))).ok).toBe(false);
    expect((await reencodeImage('image/jpeg', new Uint8Array(jpeg.subarray(0, jpeg.length / 2)))).ok).toBe(
      false,
    );
    const png = await pngWithTrailer();
    expect((await reencodeImage('image/png', new Uint8Array(png.subarray(0, 40)))).ok).toBe(false);
  });
});
