import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { defaultMomentName, listMoments, momentKey, momentProblem, saveMoment, storageErrorText, summaryOf, type Moment } from '../../../src/engine/moments';
import { Trainer, type TrainTask } from '../../../src/engine/trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function moment(patch: Partial<Moment> = {}): Moment {
  return {
    name: 'early', lesson: 'autoencoder', model: 'autoencoder-dense', version: 1,
    step: 20, epoch: 20 * 64 / 60000, loss: 0.25, seed: 1,
    view: { lessonStep: 3, params: { seed: '1', hidden: '2' } },
    shapes: { w: [2, 3], b: [3] },
    weights: { w: Float32Array.from([1, 2, 3, 4, 5, 6]), b: Float32Array.from([0, 0.5, -1]) },
    savedAt: '2026-11-28T16:40:00.000Z',
    ...patch,
  };
}

describe('moment records', () => {
  it('accepts a complete record and keys it by lesson and name', () => {
    expect(momentProblem(moment())).toBeNull();
    expect(momentProblem(moment({ loss: null, metrics: { testAccuracy: 0.41 } }))).toBeNull();
    expect(momentKey('autoencoder', 'early')).toBe('autoencoder/early');
  });

  it('names what is wrong with a damaged record', () => {
    expect(momentProblem(null)).toMatch(/not a moment/);
    expect(momentProblem(moment({ name: '  ' }))).toMatch(/no name/);
    expect(momentProblem(moment({ step: -1 }))).toMatch(/step/);
    expect(momentProblem(moment({ step: 2.5 }))).toMatch(/step/);
    expect(momentProblem(moment({ loss: Number.NaN }))).toMatch(/loss/);
    expect(momentProblem(moment({ savedAt: 'yesterday' }))).toMatch(/time of saving/);
    expect(momentProblem(moment({ view: { lessonStep: 0, params: {} } }))).toMatch(/lesson view/);
    expect(momentProblem(moment({ metrics: { testAccuracy: Number.POSITIVE_INFINITY } }))).toMatch(/measurements/);
    expect(momentProblem(moment({ weights: { w: new Float32Array(5), b: new Float32Array(3) } }))).toBe('its w holds 5 values, its shape 2×3 needs 6');
    expect(momentProblem(moment({ weights: { w: Float32Array.from([1, 2, 3, 4, 5, Number.NaN]), b: new Float32Array(3) } }))).toMatch(/w contains values that are not finite/);
    expect(momentProblem(moment({ weights: { w: [1, 2, 3, 4, 5, 6] as unknown as Float32Array, b: new Float32Array(3) } }))).toMatch(/no values for w/);
    expect(momentProblem(moment({ shapes: { w: [2, 3], b: [3] }, weights: { w: new Float32Array(6), b: new Float32Array(3), extra: new Float32Array(1) } }))).toMatch(/extra has no shape/);
    expect(momentProblem(moment({ shapes: {}, weights: {} }))).toMatch(/no weights/);
    expect(momentProblem(moment({ curve: [{ step: 0, loss: Number.NaN }] }))).toMatch(/loss curve/);
    expect(momentProblem(moment({ curve: [{ step: 0, loss: 2 }, { step: 20, loss: 0.25 }] }))).toBeNull();
  });

  it('a summary is the record without its weights', () => {
    const m = moment();
    const s = summaryOf(m);
    expect('weights' in s).toBe(false);
    expect(s).toEqual(Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'weights')));
    expect(m.weights.w).toHaveLength(6); // the record itself is untouched
  });

  it('default names count batches and epochs', () => {
    expect(defaultMomentName(240, 240 * 64 / 60000)).toBe('after 240 batches (0.26 epochs)');
    expect(defaultMomentName(1, 64 / 60000)).toBe('after 1 batch (0.00 epochs)');
    expect(defaultMomentName(9375, 10)).toBe('after 9,375 batches (10.00 epochs)');
  });

  it('storage failures read as something a student can act on', () => {
    expect(storageErrorText(new DOMException('quota', 'QuotaExceededError'))).toMatch(/storage for this site is full/);
    expect(storageErrorText(new DOMException('denied', 'SecurityError'))).toMatch(/does not let the page keep data/);
    expect(storageErrorText(new Error('disk on fire'))).toBe('disk on fire');
  });

  it('without IndexedDB (as in Node) saving and listing fail with that reason; an invalid record is refused first', async () => {
    expect(typeof indexedDB).toBe('undefined');
    await expect(saveMoment(moment())).rejects.toThrow(/no IndexedDB, so moments cannot be kept/);
    await expect(listMoments('autoencoder')).rejects.toThrow(/no IndexedDB/);
    await expect(saveMoment(moment({ step: -3 }))).rejects.toThrow(/cannot be kept: its step/);
  });
});

/** w → 3 by gradient descent on (w − 3)², recording which step numbers it was asked for. */
class QuadraticTask implements TrainTask {
  w = tf.variable(tf.scalar(0));
  optimizer = tf.train.sgd(0.1);
  steps: number[] = [];
  trainStep(step: number): tf.Scalar {
    this.steps.push(step);
    return this.optimizer.minimize(() => tf.square(tf.sub(this.w, 3)) as tf.Scalar, true) as tf.Scalar;
  }
  evaluateLoss(): tf.Scalar { return tf.tidy(() => tf.square(tf.sub(this.w, 3)) as tf.Scalar); }
  reset(): void { tf.tidy(() => this.w.assign(tf.scalar(0))); }
  dispose(): void { this.w.dispose(); this.optimizer.dispose(); }
}

describe('Trainer.restore', () => {
  it('puts the run at the kept step with the kept loss; the next step is the one after it; no tensor is left behind', async () => {
    const task = new QuadraticTask();
    const events: { step: number; loss: number | null; status: string }[] = [];
    const trainer = new Trainer({ task, onUpdate: (e) => events.push(e) });
    await trainer.step();
    await trainer.step();
    const before = tf.memory().numTensors;
    trainer.restore(20, 0.125, () => tf.tidy(() => task.w.assign(tf.scalar(2.5))));
    expect(trainer.completedSteps).toBe(20);
    expect(trainer.loss).toBe(0.125);
    expect(trainer.status).toBe('paused');
    expect(trainer.history).toEqual([{ step: 20, loss: 0.125, trainingMs: 0 }]);
    expect(events.at(-1)).toEqual({ status: 'paused', step: 20, loss: 0.125, pauseReason: null });
    expect(tf.memory().numTensors).toBe(before); // nothing was pending: step() had read its loss back and freed it
    await trainer.step();
    expect(task.steps).toEqual([0, 1, 20]);
    expect(trainer.completedSteps).toBe(21);
    // From w = 2.5 one SGD step (lr 0.1) on (w − 3)² gives w = 2.6: the loss read back is (2.5 − 3)² = 0.25.
    expect(trainer.loss).toBeCloseTo(0.25, 6);
    expect(await task.w.data()).toEqual(Float32Array.from([2.6]));
    trainer.restore(5, 0.5, () => {}, [{ step: 0, loss: 9 }, { step: 4, loss: 1 }, { step: 7, loss: 0.1 }]);
    expect(trainer.history.map((p) => p.step)).toEqual([0, 4, 5]); // points after the kept step are dropped
    trainer.restore(0, null, () => task.reset());
    expect(trainer.status).toBe('idle');
    expect(trainer.history).toEqual([]);
    trainer.dispose();
    task.dispose();
  });
});
