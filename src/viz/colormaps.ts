import { interpolateRdBu, interpolateViridis, rgb } from 'd3';

/** An sRGB colour as three bytes, 0..255. */
export type Rgb = [number, number, number];

/** A 256-entry colour lookup table; index 0 is the low end, 255 the high end. */
export type Lut = readonly Rgb[];

/** Number of entries in every lookup table. */
export const LUT_SIZE = 256;

function buildLut(interpolate: (t: number) => string): Lut {
  const table: Rgb[] = [];
  for (let i = 0; i < LUT_SIZE; i++) {
    const c = rgb(interpolate(i / (LUT_SIZE - 1)));
    table.push([Math.round(c.r), Math.round(c.g), Math.round(c.b)]);
  }
  return Object.freeze(table);
}

/** Grey ramp for images: 0 → black, 255 → white. */
export const grayLut: Lut = buildLut((t) => {
  const v = Math.round(t * 255);
  return `rgb(${v},${v},${v})`;
});

/** Viridis (perceptually uniform, colour-blind safe) for magnitudes: low → dark purple, high → yellow. */
export const magnitudeLut: Lut = buildLut(interpolateViridis);

/**
 * ColorBrewer RdBu (colour-blind safe, diverging) for signed values: negative → red,
 * zero → near-white at the middle (index 128), positive → blue.
 */
export const divergingLut: Lut = buildLut(interpolateRdBu);

/** The index a value takes in a table after clamping; NaN and ±Infinity are handled by callers. */
function toIndex(t: number): number {
  if (!(t > 0)) return 0; // also catches NaN
  if (t >= 1) return LUT_SIZE - 1;
  return Math.min(LUT_SIZE - 1, Math.floor(t * LUT_SIZE));
}

/**
 * Lookup-table index for a magnitude: linear from `min` (index 0) to `max` (index 255), clamped.
 * NaN maps to 0; a degenerate range (max <= min) maps everything to 0.
 */
export function colorIndexMagnitude(v: number, min: number, max: number): number {
  if (Number.isNaN(v) || !(max > min)) return 0;
  return toIndex((v - min) / (max - min));
}

/**
 * Lookup-table index for a signed value on a scale symmetric around zero: −maxAbs → 0,
 * 0 → 128 (the neutral middle), +maxAbs → 255, clamped. NaN and a non-positive or
 * non-finite maxAbs map to the middle.
 */
export function colorIndexDiverging(v: number, maxAbs: number): number {
  if (Number.isNaN(v) || !(maxAbs > 0) || !Number.isFinite(maxAbs)) return LUT_SIZE / 2;
  return toIndex((v / maxAbs + 1) / 2);
}

/** CSS `rgb(r, g, b)` string for entry `i` (rounded and clamped to 0..255) of a lookup table. */
export function cssColor(lut: Lut, i: number): string {
  const k = Number.isNaN(i) ? 0 : Math.max(0, Math.min(LUT_SIZE - 1, Math.round(i)));
  const [r, g, b] = lut[k];
  return `rgb(${r}, ${g}, ${b})`;
}
