import { formatCell } from '../../app/ValueGrid';

/** A number for a TeX sum: short form, negatives in brackets. */
export function texNumber(v: number): string {
  const s = withLeadingZero(formatCell(v));
  return v < 0 ? `(${s})` : s;
}

/** A number for running text, with a true minus sign. */
export function plainNumber(v: number): string {
  return withLeadingZero(formatCell(v)).replace('-', '−');
}

/** A number at the end of a TeX sum: no brackets. */
export function texResult(v: number): string {
  return withLeadingZero(formatCell(v));
}

/** The grids write .25 to save room; sentences and formulas write 0.25. */
function withLeadingZero(s: string): string {
  return s.replace(/^(-?)\./, (_, sign: string) => `${sign}0.`);
}

/** Row and column as a student reads them (1-based). */
export function cellName(y: number, x: number): string {
  return `row ${y + 1}, column ${x + 1}`;
}

/** A difference such as 1.2e-7 for the TensorFlow.js check line; 0 stays 0. */
export function formatDifference(v: number): string {
  if (!Number.isFinite(v)) return 'shapes differ';
  return v === 0 ? '0' : v.toExponential(1);
}
