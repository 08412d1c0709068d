import * as tf from '@tensorflow/tfjs';

/**
 * The timing loop of the benchmark's training rows: untimed warm-up steps (WebGL compiles its shaders then,
 * WASM and the JIT settle), then steps until `seconds` have passed. Every step's loss is read back with
 * `await data()` before the next step starts: WebGL queues work and returns at once, so without it the deadline
 * would be checked against queued, not finished, steps (a CIFAR step on a software GPU takes most of a minute).
 * The convolutional steps take tens of milliseconds or more, so one read-back per step costs little.
 */
export interface TimedSteps {
  steps: number;
  seconds: number;
  /** Loss of the last timed step, to show the network was learning and not producing NaN. */
  lastLoss: number;
}

/** Runs `count` steps or until `deadline` (performance.now() ms) once `minSteps` are done; returns the steps done and the last loss. */
async function run(step: () => tf.Scalar, count: number, deadline: number, minSteps: number): Promise<{ done: number; lastLoss: number }> {
  let done = 0;
  let last: tf.Scalar | null = null;
  try {
    while (done < count && (done < minSteps || performance.now() < deadline)) {
      last?.dispose();
      last = step();
      done++;
      await last.data();
    }
    const lastLoss = last ? (await last.data())[0] : NaN;
    return { done, lastLoss };
  } finally {
    last?.dispose();
  }
}

export async function timeSteps(step: () => tf.Scalar, opts: { warmupSteps: number; seconds: number; minSteps?: number }): Promise<TimedSteps> {
  await run(step, opts.warmupSteps, Infinity, 0);
  const start = performance.now();
  const { done, lastLoss } = await run(step, Infinity, start + opts.seconds * 1000, opts.minSteps ?? 1);
  return { steps: done, seconds: (performance.now() - start) / 1000, lastLoss };
}

/** Seconds of one step, timed on the second of two (the first pays for shader compilation and first-use allocation). */
export async function timeOneStep(step: () => tf.Scalar): Promise<number> {
  const once = async () => {
    const t0 = performance.now();
    const loss = step();
    await loss.data();
    loss.dispose();
    return (performance.now() - t0) / 1000;
  };
  await once();
  return once();
}
