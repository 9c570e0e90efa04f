import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { stripImageMetadata } from './image.ts';

const has = (data: Uint8Array, text: string) => Buffer.from(data).includes(Buffer.from(text, 'latin1'));

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  // The CRC is not checked by the stripper; zeros keep the test small.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

function png(): Uint8Array {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('tEXt', Buffer.from('Author\0Anna Andersson', 'latin1')),
      pngChunk('eXIf', Buffer.from('MM\0*GPS-HERE', 'latin1')),
      pngChunk('IDAT', deflateSync(Buffer.from([0, 0]))),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function webp(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const size = Buffer.alloc(4);
    size.writeUInt32LE(data.length);
    return Buffer.concat([Buffer.from(type, 'latin1'), size, data, Buffer.alloc(data.length % 2)]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
  const body = Buffer.concat([
    chunk('VP8X', vp8x),
    chunk('VP8 ', Buffer.from('picture-data')),
    chunk('EXIF', Buffer.from('GPS-HERE!')),
    chunk('XMP ', Buffer.from('<x:xmpmeta>creator</x:xmpmeta>')),
  ]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length + 4);
  return new Uint8Array(Buffer.concat([Buffer.from('RIFF'), size, Buffer.from('WEBP'), body]));
}

describe('stripping image metadata', () => {
  it('should drop PNG text and Exif chunks and keep the chunks that draw the image', () => {
    const result = stripImageMetadata('image/png', png());
    if (!result.ok) throw new Error(result.message);
    expect(has(result.data, 'Anna Andersson')).toBe(false);
    expect(has(result.data, 'GPS-HERE')).toBe(false);
    for (const kept of ['IHDR', 'IDAT', 'IEND']) expect(has(result.data, kept)).toBe(true);
  });

  it('should drop WebP EXIF and XMP chunks, clear their flags and fix the RIFF size', () => {
    const result = stripImageMetadata('image/webp', webp());
    if (!result.ok) throw new Error(result.message);
    const out = Buffer.from(result.data);
    expect(has(result.data, 'GPS-HERE')).toBe(false);
    expect(has(result.data, 'creator')).toBe(false);
    expect(has(result.data, 'picture-data')).toBe(true);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect((out[20] ?? 0) & 0x0c).toBe(0);
  });

  it('should refuse what is not the type it claims, or is cut short, instead of storing it as it came', () => {
    expect(stripImageMetadata('image/jpeg', png()).ok).toBe(false);
    expect(stripImageMetadata('image/png', png().subarray(0, 40)).ok).toBe(false);
    expect(stripImageMetadata('image/jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0xff])).ok).toBe(
      false,
    );
    expect(stripImageMetadata('image/webp', webp().subarray(0, 30)).ok).toBe(false);
  });
});
