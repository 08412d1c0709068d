import type { LabeledPoint } from '../math/linearClassifier';
import { mulberry32 } from '../model/random';

/** The square of the input plane the classifier lesson shows: [lo, hi]². */
export const TOY_DOMAIN: [number, number] = [-4, 4];
const BLOB_CENTRES: [number, number][] = [[-1.0, -0.8], [1.1, 0.8], [-1.5, 2.1]];
const BLOB_SPREAD = 1.0;
const POINTS_PER_CLASS = 15;
export const TOY_SEED = 7;

/** Three seeded Gaussian clusters of labelled 2-D points (Box–Muller), rounded to 2 decimals, inside TOY_DOMAIN. */
export function examplePoints(seed = TOY_SEED): LabeledPoint[] {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const clamp = (v: number) => Math.round(Math.min(TOY_DOMAIN[1] - 0.1, Math.max(TOY_DOMAIN[0] + 0.1, v)) * 100) / 100;
  return BLOB_CENTRES.flatMap(([cx, cy], label) => Array.from({ length: POINTS_PER_CLASS }, () => ({
    x1: clamp(cx + BLOB_SPREAD * gauss()), x2: clamp(cy + BLOB_SPREAD * gauss()), label,
  })));
}

export interface BinaryWeights { w: [number, number]; b: number }
export interface MultiWeights { W: [number, number][]; b: number[] }

/** A deliberately poor first guess, so fitting has something to do. */
export const START_BINARY: BinaryWeights = { w: [0.4, -1.0], b: 0.5 };
export const START_MULTI: MultiWeights = { W: [[0.5, -0.8], [-0.6, 0.3], [0.2, 0.6]], b: [0.2, 0, -0.3] };
