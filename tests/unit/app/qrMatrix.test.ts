import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrMatrix, qrPath, type QrMatrix } from '../../../src/app/followAlong/qrMatrix';

/** Paints the matrix (with its quiet zone) as RGBA pixels, `scale` pixels a module, the way the SVG draws it. */
function paint(m: QrMatrix, scale: number) {
  const width = (m.size + 2 * QUIET_ZONE) * scale;
  const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const row = Math.floor(y / scale) - QUIET_ZONE;
      const col = Math.floor(x / scale) - QUIET_ZONE;
      if (row >= 0 && row < m.size && col >= 0 && col < m.size && m.dark[row * m.size + col]) rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { width, rgba };
}

describe('QR matrix', () => {
  const link = 'http://192.168.1.20:4173/#/autoencoder/3?backend=wasm&seed=7&hidden=64';

  it('decodes back to the link (jsQR reads the painted modules)', () => {
    const m = qrMatrix(link);
    const { width, rgba } = paint(m, 4);
    expect(jsQR(rgba, width, width)?.data).toBe(link);
  });

  it('uses level M: 70 bytes need version 5 (37 modules); a longer link grows the symbol', () => {
    expect(link.length).toBe(70);
    // Byte-mode capacity at level M (ISO/IEC 18004 table 7): version 4 holds 62 bytes, version 5 holds 84.
    expect(qrMatrix(link).size).toBe(37);
    expect(qrMatrix('x'.repeat(84)).size).toBe(37);
    expect(qrMatrix('x'.repeat(85)).size).toBe(41);
    expect(qrMatrix('x'.repeat(62)).size).toBe(33);
  });

  it('draws one path whose dark area equals the dark module count', () => {
    const m = qrMatrix(link);
    const d = qrPath(m);
    let area = 0;
    for (const [, , , w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) area += Number(w);
    expect(area).toBe(m.dark.filter(Boolean).length);
    const xs = [...d.matchAll(/M(\d+) /g)].map((x) => Number(x[1]));
    expect(Math.min(...xs)).toBe(QUIET_ZONE);
  });

  it('refuses text that is not printable ASCII', () => {
    expect(() => qrMatrix('http://h/#/é')).toThrow(/ASCII/);
  });
});
