import qrcode from 'qrcode-generator';

/** The quiet zone around a QR symbol, in modules: the QR standard (ISO/IEC 18004) asks for 4. */
export const QUIET_ZONE = 4;

/** A QR symbol's modules, row-major: `dark[row * size + col]`. */
export interface QrMatrix {
  size: number;
  dark: boolean[];
}

/**
 * Encodes `text` (ASCII, as URLs are) in byte mode at error-correction level M (about 15% of the symbol
 * can be lost, e.g. to a projector's glare), the smallest version that fits. qrcode-generator builds it.
 */
export function qrMatrix(text: string): QrMatrix {
  if (/[^\x20-\x7e]/.test(text)) throw new Error('Only printable ASCII can be encoded here; percent-encode the link first.');
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const dark: boolean[] = [];
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) dark.push(qr.isDark(row, col));
  return { size, dark };
}

/**
 * The dark modules as one SVG path in module units, offset by the quiet zone: draw it in a
 * `viewBox="0 0 (size + 2·QUIET_ZONE)²"` on a light background. Runs of dark modules in a row are merged.
 */
export function qrPath(m: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < m.size; row++) {
    let col = 0;
    while (col < m.size) {
      if (!m.dark[row * m.size + col]) { col++; continue; }
      const start = col;
      while (col < m.size && m.dark[row * m.size + col]) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}
