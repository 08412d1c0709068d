import { describe, expect, it } from 'vitest';
import { MNIST_SIZE, centerOfMass, toMnistInput } from '../../../src/viz/mnistPreprocess';

/** A `w × h` canvas with the rectangle [x0, x0+rw) × [y0, y0+rh) filled with `value`. */
function rect(w: number, h: number, x0: number, y0: number, rw: number, rh: number, value = 1): Float32Array {
  const img = new Float32Array(w * h);
  for (let y = y0; y < y0 + rh; y++) for (let x = x0; x < x0 + rw; x++) img[y * w + x] = value;
  return img;
}

/** Bounding box of values above `t`: [width, height]. */
function inkBox(img: Float32Array, t = 0.05): [number, number] {
  let x0 = MNIST_SIZE, y0 = MNIST_SIZE, x1 = -1, y1 = -1;
  for (let y = 0; y < MNIST_SIZE; y++) {
    for (let x = 0; x < MNIST_SIZE; x++) {
      if (img[y * MNIST_SIZE + x] > t) {
        x0 = Math.min(x0, x); x1 = Math.max(x1, x);
        y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      }
    }
  }
  return [x1 - x0 + 1, y1 - y0 + 1];
}

function expectCentred(img: Float32Array): void {
  const com = centerOfMass(img, MNIST_SIZE, MNIST_SIZE);
  expect(com).not.toBeNull();
  const [cx, cy] = com as [number, number];
  expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
  expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
}

describe('toMnistInput', () => {
  it('returns 784 zeros for an empty drawing', () => {
    const out = toMnistInput(new Float32Array(100 * 100), 100, 100);
    expect(out).toHaveLength(784);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('ignores faint noise below the ink threshold', () => {
    const out = toMnistInput(new Float32Array(50 * 50).fill(0.01), 50, 50);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('scales a centred square to a 20×20 block at the centre', () => {
    const out = toMnistInput(rect(280, 280, 90, 90, 100, 100), 280, 280);
    expect(inkBox(out)).toEqual([20, 20]);
    for (let y = 0; y < MNIST_SIZE; y++) {
      for (let x = 0; x < MNIST_SIZE; x++) {
        const inside = x >= 4 && x < 24 && y >= 4 && y < 24;
        expect(out[y * MNIST_SIZE + x]).toBeCloseTo(inside ? 1 : 0, 6);
      }
    }
    expectCentred(out);
  });

  it('moves an off-centre blob so its centre of mass is at (14, 14)', () => {
    const w = 200, h = 150;
    const img = new Float32Array(w * h);
    // An irregular blob in the top-left corner: a disc with a heavier tail to the right.
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const d = Math.hypot(x - 30, y - 25);
        if (d < 18) img[y * w + x] = 1;
        else if (x > 30 && x < 75 && Math.abs(y - 30) < 4) img[y * w + x] = 0.7;
      }
    }
    const out = toMnistInput(img, w, h);
    expectCentred(out);
    expect(Math.max(...inkBox(out))).toBe(20);
  });

  it('keeps the aspect ratio of a tall thin stroke', () => {
    const out = toMnistInput(rect(300, 300, 200, 40, 20, 200), 300, 300); // 1:10
    const [bw, bh] = inkBox(out);
    expect(bh).toBe(20);
    expect(bw).toBe(2);
    expectCentred(out);
  });

  it('keeps values in [0, 1] and treats NaN and overshoot safely', () => {
    const img = rect(64, 64, 10, 10, 30, 20, 3);
    img[0] = NaN;
    const out = toMnistInput(img, 64, 64);
    expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(inkBox(out)).toEqual([20, 13]);
  });

  it('enlarges a small drawing', () => {
    const out = toMnistInput(rect(10, 10, 4, 4, 2, 2), 10, 10);
    expect(inkBox(out)).toEqual([20, 20]);
    expectCentred(out);
  });

  it('rejects a buffer smaller than width × height', () => {
    expect(() => toMnistInput(new Float32Array(10), 5, 5)).toThrow(RangeError);
  });
});
