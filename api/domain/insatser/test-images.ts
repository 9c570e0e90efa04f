/**
 * Images for tests, built with sharp itself and by hand: the kinds an outside probe found kept
 * data after the picture (a second JPEG with GPS, trailing bytes, unknown WebP chunks) and a PNG
 * whose header claims more pixels than any server should decode.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A text planted in metadata and trailers; no re-encoded image may contain it. */
export const SECRET = 'SECRET-55.5906N-13.0038E';

const solid = (width: number, height: number, colour: string) =>
  sharp({ create: { width, height, channels: 3, background: colour } });

/** A 16 × 16 JPEG carrying Exif with a GPS position and a description holding SECRET. */
export function jpegWithGps(): Promise<Buffer> {
  return solid(16, 16, '#3a7')
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: SECRET, Make: 'Phone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '55/1 35/1 26/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '13/1 0/1 14/1',
      },
    })
    .toBuffer();
}

/** A clean JPEG followed by a second one with GPS: the layout of multi-picture and motion photos. */
export async function jpegThenGpsJpeg(): Promise<Buffer> {
  return Buffer.concat([await solid(16, 16, '#c33').jpeg().toBuffer(), await jpegWithGps()]);
}

/** A PNG with bytes after its IEND. */
export async function pngWithTrailer(): Promise<Buffer> {
  return Buffer.concat([await solid(16, 16, '#33c').png().toBuffer(), Buffer.from(SECRET)]);
}

/** A JPEG with bytes after its end of image. */
export async function jpegWithTrailer(): Promise<Buffer> {
  return Buffer.concat([await solid(16, 16, '#33c').jpeg().toBuffer(), Buffer.from(SECRET)]);
}

/** A WebP with a chunk of an unknown type appended, the RIFF size fixed to include it. */
export async function webpWithUnknownChunk(): Promise<Buffer> {
  const webp = await solid(16, 16, '#cc3').webp().toBuffer();
  const payload = Buffer.from(SECRET);
  const header = Buffer.alloc(8);
  header.write('ZZZZ', 0, 'latin1');
  header.writeUInt32LE(payload.length, 4);
  const out = Buffer.concat([webp, header, payload, Buffer.alloc(payload.length % 2)]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid PNG header claiming `width` × `height` grey pixels, with the first rows compressed
 * (a few hundred bytes; decoding it all would take width × height bytes of memory).
 */
export function hugePng(width = 40_000, height = 40_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc((width + 1) * 4), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A 40 × 20 JPEG, left half red and right half blue, with Exif orientation 6: shown the right
 * way it is 20 × 40, red on top.
 */
export async function jpegTurnedByExif(): Promise<Buffer> {
  const red = await solid(20, 20, '#f00').png().toBuffer();
  return solid(40, 20, '#00f')
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** Whether `data` contains `text` anywhere. */
export const contains = (data: Uint8Array, text: string) =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(Buffer.from(text, 'latin1'));

/** How often the two bytes `a b` occur in `data`. */
export function countMarker(data: Uint8Array, a: number, b: number): number {
  let n = 0;
  for (let i = 0; i + 1 < data.length; i++) if (data[i] === a && data[i + 1] === b) n++;
  return n;
}
