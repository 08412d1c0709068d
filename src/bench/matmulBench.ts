import * as tf from '@tensorflow/tfjs';

/**
 * Square float32 matrix products on the active backend, the yardstick the training rows are compared with:
 * C = A·B with A, B uniform in [0, 1) of size n×n costs 2·n³ floating-point operations (n³ multiplies, n³ adds).
 * Each timed product is read back with `await data()`, so the time includes finishing the work and copying C
 * out (4·n² bytes), as a training step's read-back does.
 */
export interface MatmulResult {
  n: number;
  runs: number;
  seconds: number;
  msPerMatmul: number;
  gflops: number;
}

const WARMUP_RUNS = 2;
const MIN_RUNS = 3;

export async function benchMatmul(n: number, seconds: number): Promise<MatmulResult> {
  const [a, b] = tf.tidy(() => [tf.randomUniform([n, n], 0, 1, 'float32', 1), tf.randomUniform([n, n], 0, 1, 'float32', 2)]);
  const once = async () => {
    const c = tf.matMul(a, b);
    try {
      await c.data();
    } finally {
      c.dispose();
    }
  };
  try {
    for (let i = 0; i < WARMUP_RUNS; i++) await once();
    const start = performance.now();
    let runs = 0;
    while (runs < MIN_RUNS || performance.now() - start < seconds * 1000) {
      await once();
      runs++;
    }
    const elapsed = (performance.now() - start) / 1000;
    return { n, runs, seconds: elapsed, msPerMatmul: (elapsed * 1000) / runs, gflops: (2 * n ** 3 * runs) / elapsed / 1e9 };
  } finally {
    tf.dispose([a, b]);
  }
}
