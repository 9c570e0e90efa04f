/**
 * A QR code as an inline SVG path (no inline styles: the CSP forbids them), error correction M so
 * a poster still scans when a corner is torn or scribbled on.
 */
import qrcode from 'qrcode-generator';

/** The light border the standard asks for around the code, in modules. */
const QUIET_ZONE = 4;

/** The QR code of `text`: the side in modules (quiet zone included) and an SVG path of the dark modules. */
export function qrPath(text: string): { size: number; d: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      // One rectangle per run of dark modules in a row: a much shorter path than one per module.
      const start = col;
      while (col < count && qr.isDark(row, col)) col++;
      const run = col - start;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE, d: parts.join('') };
}

/** The QR code of `link`, named for screen readers by `label`; `data-link` is exactly what it encodes. */
export function QrCode({ link, label, lang }: { link: string; label: string; lang?: string }) {
  const { size, d } = qrPath(link);
  return (
    <svg
      class="poster-qr"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      lang={lang}
      data-link={link}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
