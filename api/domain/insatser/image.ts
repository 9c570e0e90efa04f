/**
 * Stripping metadata from an uploaded image without decoding it (no image library is installed,
 * and re-encoding is out of scope): the container is parsed and every part that can carry
 * metadata is dropped, anything else needed to show the image is kept as it came.
 *
 * - JPEG: drops APP1–APP13 and APP15 (Exif with GPS and camera, XMP, IPTC/Photoshop, …) and
 *   comments; keeps APP0 (JFIF), APP2 only when it is an ICC profile, APP14 (Adobe colour
 *   transform). Everything from the first scan on is copied. The Exif orientation goes with
 *   Exif: a photo relying on it shows turned.
 * - PNG: keeps only the chunks that draw the image (IHDR, PLTE, IDAT, IEND, transparency,
 *   colour, gamma, pixel size, animation); drops text, time, Exif and anything unknown.
 * - WebP: drops the EXIF and XMP chunks and clears their flags in VP8X.
 *
 * What cannot be parsed is refused, never stored as it came.
 */

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The stripped image, or why it was refused. */
export type StripResult = { ok: true; data: Uint8Array } | { ok: false; message: string };

/** Strips metadata from `data`, which must be of `type`. */
export function stripImageMetadata(type: ImageType, data: Uint8Array): StripResult {
  try {
    switch (type) {
      case 'image/jpeg':
        return stripJpeg(data);
      case 'image/png':
        return stripPng(data);
      case 'image/webp':
        return stripWebp(data);
    }
  } catch {
    return { ok: false, message: `the ${type} image is malformed` };
  }
}

const refuse = (message: string): StripResult => ({ ok: false, message });

function stripJpeg(d: Uint8Array): StripResult {
  if (d.length < 4 || d[0] !== 0xff || d[1] !== 0xd8) return refuse('this is not a JPEG image');
  const out: Uint8Array[] = [d.subarray(0, 2)];
  let i = 2;
  while (i < d.length) {
    if (d[i] !== 0xff) return refuse('the JPEG image is malformed');
    const marker = d[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return refuse('the JPEG image has no picture data');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(d.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > d.length) return refuse('the JPEG image is truncated');
    const length = ((d[i + 2] ?? 0) << 8) | (d[i + 3] ?? 0);
    if (length < 2 || i + 2 + length > d.length) return refuse('the JPEG image is truncated');
    const segment = d.subarray(i, i + 2 + length);
    if (marker === 0xda) {
      // Start of scan: the picture data and everything after it.
      out.push(d.subarray(i));
      return { ok: true, data: concat(out) };
    }
    if (keepJpegSegment(marker, segment.subarray(4))) out.push(segment);
    i += 2 + length;
  }
  return refuse('the JPEG image has no picture data');
}

function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xfe) return false; // comment
  if (marker === 0xe0 || marker === 0xee) return true; // JFIF, Adobe
  if (marker === 0xe2) return ascii(payload, 0, 12) === 'ICC_PROFILE\0';
  if (marker >= 0xe1 && marker <= 0xef) return false; // Exif, XMP, IPTC, …
  return true; // tables, frame headers, restart intervals
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
  'bKGD',
  'acTL',
  'fcTL',
  'fdAT',
]);

function stripPng(d: Uint8Array): StripResult {
  if (d.length < 8 || PNG_SIGNATURE.some((b, i) => d[i] !== b)) return refuse('this is not a PNG image');
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const out: Uint8Array[] = [d.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= d.length) {
    const length = view.getUint32(i);
    const type = ascii(d, i + 4, 4);
    const end = i + 12 + length;
    if (end > d.length) return refuse('the PNG image is truncated');
    if (PNG_KEEP.has(type)) out.push(d.subarray(i, end));
    if (type === 'IEND') return { ok: true, data: concat(out) };
    i = end;
  }
  return refuse('the PNG image is truncated');
}

function stripWebp(d: Uint8Array): StripResult {
  if (d.length < 12 || ascii(d, 0, 4) !== 'RIFF' || ascii(d, 8, 4) !== 'WEBP')
    return refuse('this is not a WebP image');
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const end = 8 + view.getUint32(4, true);
  if (end > d.length) return refuse('the WebP image is truncated');
  const chunks: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= end) {
    const type = ascii(d, i, 4);
    const size = view.getUint32(i + 4, true);
    const next = i + 8 + size + (size % 2);
    if (i + 8 + size > end) return refuse('the WebP image is truncated');
    if (type !== 'EXIF' && type !== 'XMP ') {
      const chunk = d.slice(i, Math.min(next, end));
      if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~0x0c;
      chunks.push(chunk);
    }
    i = next;
  }
  if (i < end) return refuse('the WebP image is truncated');
  if (chunks.length === 0) return refuse('the WebP image has no picture data');
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(d.subarray(0, 4));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  header.set(d.subarray(8, 12), 8);
  return { ok: true, data: concat([header, body]) };
}

function ascii(d: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...d.subarray(start, start + length));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
