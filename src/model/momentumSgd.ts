import * as tf from '@tensorflow/tfjs';

/** Momentum (damping) and weight decay of the update AlexNet used (Krizhevsky, Sutskever & Hinton 2012, §5). */
export interface MomentumSgdOptions {
  /** The learning rate ε. */
  learningRate: number;
  /** Momentum μ (the paper: 0.9). */
  momentum: number;
  /** Weight decay λ (the paper: 0.0005); 0 turns it off. */
  weightDecay: number;
}

export const ALEXNET_SGD: MomentumSgdOptions = { learningRate: 0.01, momentum: 0.9, weightDecay: 0.0005 };

/**
 * SGD with momentum and weight decay exactly as the lecture writes it (AlexNet paper, §5):
 *
 *   v ← μ·v − λ·ε·w − ε·⟨∂L/∂w⟩,   w ← w + v
 *
 * (tfjs's MomentumOptimizer applies v ← μ·v + g, w ← w − ε·v, which differs when ε changes and has no decay).
 * One velocity per variable, created at zero on first use; `dispose()` frees them.
 */
export class LectureMomentumSgd {
  private readonly velocities = new Map<string, tf.Variable>();

  constructor(public options: MomentumSgdOptions) {}

  /** Applies one update to each variable from its gradient (keyed by variable name). Disposes nothing it is given. */
  apply(variables: tf.Variable[], grads: Record<string, tf.Tensor>): void {
    const { learningRate: lr, momentum, weightDecay } = this.options;
    tf.tidy(() => {
      for (const w of variables) {
        const g = grads[w.name];
        if (!g) continue;
        let v = this.velocities.get(w.name);
        if (!v) {
          v = tf.variable(tf.zerosLike(w), false);
          this.velocities.set(w.name, v);
        }
        const decayTerm = weightDecay === 0 ? null : tf.mul(weightDecay * lr, w);
        let next = tf.sub(tf.mul(momentum, v), tf.mul(lr, g));
        if (decayTerm) next = tf.sub(next, decayTerm);
        v.assign(next);
        w.assign(tf.add(w, next));
      }
    });
  }

  /** Sets every velocity back to zero (a fresh start from new weights). */
  resetVelocities(): void {
    for (const v of this.velocities.values()) v.dispose();
    this.velocities.clear();
  }

  dispose(): void {
    this.resetVelocities();
  }
}

/** The same update on plain numbers (the views' step-through and the tests' hand-computed step). */
export function lectureMomentumStep(w: number, v: number, grad: number, o: MomentumSgdOptions): { w: number; v: number } {
  const vNext = o.momentum * v - o.weightDecay * o.learningRate * w - o.learningRate * grad;
  return { w: w + vNext, v: vNext };
}
