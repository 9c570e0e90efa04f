/**
 * An uploaded insats image, decoded and encoded anew with sharp (libvips), so that nothing of
 * the original file is kept but its pixels: no Exif (GPS, camera, time), XMP, IPTC, ICC profile,
 * comments, unknown PNG or WebP chunks, second pictures (multi-picture and motion photos put a
 * whole JPEG with its own Exif after the first one) or any bytes after the end of the image.
 * Parsing the container and copying the parts that looked harmless kept all of those that the
 * parser did not know about; re-encoding keeps only what the encoder writes.
 *
 * - Only JPEG, PNG and WebP, recognised by their first bytes before any decoder sees them, and
 *   the bytes must be the type they are sent as. No other libvips loader (SVG, TIFF, HEIF, PDF…)
 *   is ever reached.
 * - At most MAX_INPUT_PIXELS: the header is read first and a larger picture is refused before
 *   it is decoded (a 194 KB PNG can claim 40,000 × 40,000 px, ~6 GB decoded).
 * - The Exif orientation is applied to the pixels before the metadata goes, so a phone photo
 *   shows the right way up without it.
 * - At most MAX_EDGE px on the longer side and MAX_OUTPUT_BYTES out; animations keep their first
 *   frame only.
 */
import type { Sharp, SharpOptions } from 'sharp';

/** sharp loads libvips (seconds on a busy machine): only when the first image comes, not at start. */
let loaded: Promise<(input: Buffer, options: SharpOptions) => Sharp> | undefined;
const sharpOf = () => {
  loaded ??= import('sharp').then((m) => m.default);
  return loaded;
};

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The re-encoded image, or why it was refused. */
export type ImageResult = { ok: true; data: Uint8Array } | { ok: false; message: string };

/** Pixels a picture may have before it is decoded (e.g. 6000 × 4000, a 24-megapixel photo). */
export const MAX_INPUT_PIXELS = 24_000_000;
/** The longer side of a stored image, in pixels: larger ones are scaled down. */
export const MAX_EDGE = 2048;
/** Bytes of a stored image. */
export const MAX_OUTPUT_BYTES = 1_000_000;

const FORMAT: Record<ImageType, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** The type the first bytes of `d` say it is, if it is one of ours. */
export function sniffImageType(d: Uint8Array): ImageType | undefined {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => d[i + k] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return undefined;
}

const refuse = (message: string): ImageResult => ({ ok: false, message });

/**
 * Decodes `data`, which must be of `type`, and encodes its pixels again as `type`, oriented,
 * scaled to fit MAX_EDGE and without any metadata.
 */
export async function reencodeImage(type: ImageType, data: Uint8Array): Promise<ImageResult> {
  const sniffed = sniffImageType(data);
  if (sniffed === undefined) return refuse(`this is not a ${type} image`);
  if (sniffed !== type) return refuse(`this is a ${sniffed} image, not ${type}; send it as ${sniffed}`);
  const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const sharp = await sharpOf();
  // failOn 'error': a warning (e.g. bytes after the end of a JPEG, as phones write them) is no
  // reason to refuse, since those bytes are not kept anyway; a picture that cannot be decoded is.
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', pages: 1 } as const;
  let width: number;
  let height: number;
  try {
    // The header only: nothing is decoded here, so the limit is checked below with a message
    // that says the size; the decoder is given the same limit in case a header lies.
    const meta = await sharp(input, { ...options, limitInputPixels: false }).metadata();
    if (meta.format !== FORMAT[type]) return refuse(`this is not a ${type} image`);
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch {
    return refuse(`the ${type} image is malformed`);
  }
  if (width * height > MAX_INPUT_PIXELS)
    return refuse(
      `the image is ${width} × ${height} pixels; send one of at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels`,
    );
  // Smaller sizes until the file fits; a photo of 2048 px fits at once as JPEG or WebP, a PNG
  // of noise may need a few steps.
  for (const edge of [MAX_EDGE, 1600, 1200, 800]) {
    let out: Buffer;
    try {
      out = await encode(sharp(input, options), type, edge);
    } catch {
      return refuse(`the ${type} image is malformed`);
    }
    if (out.length <= MAX_OUTPUT_BYTES) return { ok: true, data: new Uint8Array(out) };
  }
  return refuse(`the image is too detailed to store in ${MAX_OUTPUT_BYTES} bytes; send a smaller one`);
}

/** `image` oriented, fitted within `edge` px and encoded as `type`, with no metadata. */
function encode(image: Sharp, type: ImageType, edge: number): Promise<Buffer> {
  // No withMetadata/keepMetadata: sharp writes none (and converts to sRGB) unless asked.
  const fitted = image
    .autoOrient()
    .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true });
  switch (type) {
    case 'image/jpeg':
      return fitted.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    case 'image/png':
      return fitted.png({ compressionLevel: 9 }).toBuffer();
    case 'image/webp':
      return fitted.webp({ quality: 80 }).toBuffer();
  }
}
