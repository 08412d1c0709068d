import * as tf from '@tensorflow/tfjs';
import { CIFAR_INPUT_SIZE, CifarNet, cifarForward } from './cifar10Net';

export interface ForwardRun {
  /** tfjs's name of the backend that ran it. */
  backend: string;
  /** Shape of every activation `cifarForward` returns, and of the input. */
  shapes: Record<string, number[]>;
  /** Milliseconds for one forward pass after a warm-up pass (which compiles WebGL shaders). */
  ms: number;
}

const RUN_SEED = 1;

/**
 * Builds the tutorial network (seed 1), runs `cifarForward` on one random 24×24×3 image on the current backend
 * and returns plain numbers: each activation's shape and the time of a warm pass. Disposes every tensor it made.
 */
export async function runCifarForwardOnce(): Promise<ForwardRun> {
  const net = new CifarNet(RUN_SEED);
  const x = tf.randomUniform([1, CIFAR_INPUT_SIZE, CIFAR_INPUT_SIZE, 3], 0, 1, 'float32', RUN_SEED) as tf.Tensor4D;
  const shapes: Record<string, number[]> = { input: x.shape };
  const pass = () => tf.tidy(() => {
    const acts = cifarForward(net.params(), x);
    for (const [name, t] of Object.entries(acts)) shapes[name] = t.shape;
    return acts.logits;
  });
  try {
    const warm = pass();
    await warm.data();
    warm.dispose();
    const start = performance.now();
    const logits = pass();
    await logits.data();
    const ms = performance.now() - start;
    logits.dispose();
    return { backend: tf.getBackend(), shapes, ms };
  } finally {
    x.dispose();
    net.dispose();
  }
}
