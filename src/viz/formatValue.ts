import { format } from 'd3';

const SIGNIFICANT = format('.3~g');
const SI = format('.3~s');

/** Formats a number for text alternatives and tooltips: 3 significant digits, SI prefixes from 10⁴. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 ? SI(v) : SIGNIFICANT(v);
}
