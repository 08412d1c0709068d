import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { Trainer, type TrainTask, type TrainerEvent } from '../../../src/engine/trainer';
import { formatLoss, statusText } from '../../../src/engine/format';
import { HIDDEN_TAB_REASON, pauseWhenHidden } from '../../../src/engine/visibility';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A real (tiny) task: fits w to minimise (w - 3)^2, counting its calls. */
class QuadraticTask implements TrainTask {
  w = tf.variable(tf.scalar(0));
  optimizer = tf.train.sgd(0.1);
  steps: number[] = [];
  resets = 0;
  failAt: number | null = null;
  trainStep(step: number): tf.Scalar {
    if (this.failAt === step) throw new Error('context lost');
    this.steps.push(step);
    return this.optimizer.minimize(() => tf.square(tf.sub(this.w, 3)) as tf.Scalar, true) as tf.Scalar;
  }
  evaluateLoss(): tf.Scalar {
    return tf.tidy(() => tf.square(tf.sub(this.w, 3)) as tf.Scalar);
  }
  reset(): void {
    this.resets++;
    this.steps = [];
    tf.tidy(() => this.w.assign(tf.scalar(0)));
  }
  dispose(): void {
    this.w.dispose();
    this.optimizer.dispose();
  }
}

/** A manual frame clock: the loop advances only when the test says so. */
function manualFrames() {
  const waiting: (() => void)[] = [];
  return {
    nextFrame: () => new Promise<void>((r) => waiting.push(r)),
    async tick(n = 1) {
      for (let i = 0; i < n; i++) {
        await new Promise((r) => setTimeout(r, 0));
        waiting.shift()?.();
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  };
}

describe('Trainer', () => {
  it('step() runs exactly one batch and reads the loss back', async () => {
    const task = new QuadraticTask();
    const events: TrainerEvent[] = [];
    const trainer = new Trainer({ task, onUpdate: (e) => events.push(e) });
    await trainer.step();
    expect(task.steps).toEqual([0]);
    expect(trainer.completedSteps).toBe(1);
    expect(trainer.loss).toBeCloseTo(9, 5); // loss before the update: (0 - 3)^2
    await trainer.step();
    expect(task.steps).toEqual([0, 1]);
    expect(trainer.loss).toBeCloseTo((0.6 - 3) ** 2, 5);
    expect(trainer.status).toBe('paused');
    expect(events.at(-1)).toMatchObject({ step: 2, status: 'paused' });
    trainer.dispose();
    task.dispose();
  });

  it('start() loops between frames, pause() stops it and reads back the latest loss', async () => {
    const task = new QuadraticTask();
    const frames = manualFrames();
    const trainer = new Trainer({ task, nextFrame: frames.nextFrame, readbackIntervalMs: 1e9, frameBudgetMs: 0 });
    trainer.start();
    expect(trainer.status).toBe('running');
    await frames.tick(4);
    const during = trainer.completedSteps;
    expect(during).toBeGreaterThanOrEqual(4);
    await trainer.pause();
    expect(trainer.status).toBe('paused');
    const paused = trainer.completedSteps;
    await frames.tick(5);
    expect(trainer.completedSteps).toBe(paused); // the stale loop never writes again
    expect(trainer.history.at(-1)!.step).toBe(paused);
    expect(trainer.loss).toBeGreaterThan(0);
    trainer.dispose();
    task.dispose();
  });

  it('start() twice does not start two loops', async () => {
    const task = new QuadraticTask();
    const frames = manualFrames();
    const trainer = new Trainer({ task, nextFrame: frames.nextFrame, frameBudgetMs: 0 });
    trainer.start();
    trainer.start();
    await frames.tick(3);
    await trainer.pause();
    // One loop: one step per frame (plus the first before any frame).
    expect(trainer.completedSteps).toBeLessThanOrEqual(4);
    expect(task.steps).toEqual(Array.from({ length: task.steps.length }, (_, i) => i));
    trainer.dispose();
    task.dispose();
  });

  it('reset() cancels the loop, re-initialises the task, clears history and reports the step-0 loss', async () => {
    const task = new QuadraticTask();
    const frames = manualFrames();
    const trainer = new Trainer({ task, nextFrame: frames.nextFrame });
    trainer.start();
    await frames.tick(3);
    await trainer.reset();
    expect(trainer.status).toBe('idle');
    expect(trainer.completedSteps).toBe(0);
    expect(task.resets).toBe(1);
    expect(trainer.history).toEqual([{ step: 0, loss: 9, trainingMs: 0 }]);
    expect(trainer.loss).toBe(9);
    await frames.tick(3);
    expect(trainer.completedSteps).toBe(0);
    trainer.dispose();
    task.dispose();
  });

  it('a failing step pauses with a reason instead of throwing', async () => {
    const task = new QuadraticTask();
    task.failAt = 2;
    const frames = manualFrames();
    const trainer = new Trainer({ task, nextFrame: frames.nextFrame, frameBudgetMs: 0 });
    trainer.start();
    await frames.tick(4);
    expect(trainer.status).toBe('paused');
    expect(trainer.completedSteps).toBe(2);
    expect(trainer.pauseReason).toMatch(/context lost/);
    trainer.dispose();
    task.dispose();
  });

  it('a non-finite loss pauses and never reaches the readout', async () => {
    const task = new QuadraticTask();
    task.optimizer = tf.train.sgd(1e20);
    const trainer = new Trainer({ task });
    await trainer.step();
    await trainer.step();
    await trainer.step();
    expect(trainer.status).toBe('paused');
    expect(trainer.pauseReason).toMatch(/learning rate/);
    expect(Number.isFinite(trainer.loss ?? 0)).toBe(true);
    trainer.dispose();
    task.dispose();
  });

  it('pauses when the tab is hidden, with a reason', async () => {
    const task = new QuadraticTask();
    const frames = manualFrames();
    const trainer = new Trainer({ task, nextFrame: frames.nextFrame });
    const doc = new EventTarget() as EventTarget & { visibilityState: string };
    doc.visibilityState = 'visible';
    const stop = pauseWhenHidden(() => [trainer], doc as unknown as Document);
    trainer.start();
    await frames.tick(2);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await frames.tick(1);
    expect(trainer.status).toBe('paused');
    expect(trainer.pauseReason).toBe(HIDDEN_TAB_REASON);
    stop();
    trainer.dispose();
    task.dispose();
  });

  it('leaves no tensors behind', async () => {
    const task = new QuadraticTask();
    task.trainStep(0).dispose(); // SGD keeps its learning-rate scalar from the first step on
    const before = tf.memory().numTensors;
    const trainer = new Trainer({ task, nextFrame: () => new Promise((r) => setTimeout(r, 0)), readbackIntervalMs: 0 });
    trainer.start();
    await new Promise((r) => setTimeout(r, 50));
    await trainer.pause();
    await trainer.step();
    await trainer.reset();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    task.dispose();
  });
});

describe('status text', () => {
  it('reads step <n> · loss <value> in plain decimal notation', () => {
    expect(statusText(0, null)).toBe('step 0 · loss …');
    expect(statusText(120, 0.0213)).toBe('step 120 · loss 0.02130');
    expect(statusText(12345, 1.5)).toBe('step 12345 · loss 1.500');
    expect(formatLoss(2.5e-8)).not.toMatch(/e/i);
    expect(Number(formatLoss(2.5e-8))).toBeCloseTo(2.5e-8, 12);
    expect(formatLoss(NaN)).toBe('not a number');
  });
});

describe('Trainer against a storm of clicks', () => {
  it('a Step that was waiting for a pause does not run after a Reset, and no stale loss is written', async () => {
    const task = new QuadraticTask();
    const frames = manualFrames();
    const trainer = new Trainer({ task, nextFrame: frames.nextFrame, readbackIntervalMs: 0 });
    trainer.start();
    await frames.tick(3);
    const stepping = trainer.step(); // pauses first (awaits a read-back)…
    const resetting = trainer.reset(); // …while Reset arrives
    await Promise.all([stepping, resetting]);
    await frames.tick(3);
    expect(trainer.completedSteps).toBe(0);
    expect(trainer.status).toBe('idle');
    expect(trainer.history.map((p) => p.step)).toEqual([0]);
    expect(trainer.loss).toBe(9);
    trainer.dispose();
    task.dispose();
  });
});

describe('Trainer: Step then Train', () => {
  it('a Train pressed while a Step waits for its pause keeps training', async () => {
    const task = new QuadraticTask();
    const frames = manualFrames();
    const trainer = new Trainer({ task, nextFrame: frames.nextFrame, readbackIntervalMs: 0, frameBudgetMs: 0 });
    trainer.start();
    await frames.tick(2);
    const stepping = trainer.step();
    trainer.start();
    await stepping;
    const before = trainer.completedSteps;
    await frames.tick(4);
    expect(trainer.status).toBe('running');
    expect(trainer.completedSteps).toBeGreaterThan(before);
    await trainer.pause();
    trainer.dispose();
    task.dispose();
  });

  it('a failing snapshot pauses with a reason instead of killing the loop silently', async () => {
    const task = new QuadraticTask();
    const frames = manualFrames();
    const trainer = new Trainer<number>({
      task, nextFrame: frames.nextFrame, readbackIntervalMs: 0, frameBudgetMs: 0,
      snapshot: { everySteps: 1, take: () => Promise.reject(new Error('GPU gone')) },
    });
    trainer.start();
    await frames.tick(3);
    expect(trainer.status).toBe('paused');
    expect(trainer.pauseReason).toMatch(/GPU gone/);
    trainer.dispose();
    task.dispose();
  });
});

describe('Trainer frame budget', () => {
  it('runs several quick steps per frame, up to the cap, then yields', async () => {
    const task = new QuadraticTask();
    const frames = manualFrames();
    const trainer = new Trainer({ task, nextFrame: frames.nextFrame, readbackIntervalMs: 1e9, frameBudgetMs: 1e6, maxStepsPerFrame: 5 });
    trainer.start();
    await frames.tick(1);
    await new Promise((r) => setTimeout(r, 0));
    // First frame: 5 steps (capped), then one frame released: 5 more.
    expect(trainer.completedSteps).toBe(10);
    await trainer.pause();
    trainer.dispose();
    task.dispose();
  });
});

describe('Trainer: a task that finishes', () => {
  it('pauses with the task reason once, and Train continues past it', async () => {
    const task = new QuadraticTask();
    let said = false;
    const finishing = Object.assign(task, {
      finished: () => {
        if (task.steps.length >= 3 && !said) { said = true; return 'reached the cap'; }
        return null;
      },
    });
    const frames = manualFrames();
    const trainer = new Trainer({ task: finishing, nextFrame: frames.nextFrame, frameBudgetMs: 0 });
    trainer.start();
    await frames.tick(5);
    expect(trainer.status).toBe('paused');
    expect(trainer.pauseReason).toBe('reached the cap');
    expect(trainer.completedSteps).toBe(3);
    trainer.start();
    await frames.tick(3);
    expect(trainer.status).toBe('running');
    expect(trainer.completedSteps).toBeGreaterThan(3);
    await trainer.pause();
    trainer.dispose();
    task.dispose();
  });
});
