import { useCallback, useMemo, type RefObject } from 'react';
import { navigate } from '../../app/navigation';
import { momentRouteParams } from '../../app/moments/useMomentGoTo';
import { mnistBatchToFloat, type MnistSplit } from '../../data/mnist';
import type { Moment } from '../../engine/moments';
import type { Trainer } from '../../engine/trainer';
import type { AutoencoderTask } from '../../model/autoencoderTask';
import { readAutoencoderWeights, writeAutoencoderWeights } from '../../model/autoencoderWeights';
import { appStore } from '../../state/store';
import { SHOWN_DIGITS } from './liveViews';
import { autoencoderMoment, momentHiddenSize } from './momentRecord';

/**
 * Puts a kept moment into the live run: fresh optimizer state (Adam's running averages are not kept), the
 * moment's weights, its step count and its loss in the readout.
 */
export function restoreMoment<Extra>(trainer: Trainer<Extra>, task: AutoencoderTask, m: Moment): void {
  trainer.restore(m.step, m.loss, () => {
    task.reset();
    writeAutoencoderWeights(task.model, { w1: m.weights.w1, b1: m.weights.b1, w2: m.weights.w2, b2: m.weights.b2 });
  }, m.curve ?? []);
}

/** What the moments panel needs from the live autoencoder run: capture it, go back to a moment, the digits to compare. */
export function useMoments({ task, trainer, seed, hiddenSize, test, pendingMomentRef, beforeRestore }: {
  task: AutoencoderTask | null;
  trainer: Trainer<Float32Array> | null;
  seed: number;
  hiddenSize: number;
  test: MnistSplit;
  pendingMomentRef: RefObject<Moment | null>;
  beforeRestore: (task: AutoencoderTask) => void;
}) {
  const digits = useMemo(() => mnistBatchToFloat(test.images, Array.from({ length: SHOWN_DIGITS }, (_, i) => i)), [test]);
  const labels = useMemo(() => test.labels.slice(0, SHOWN_DIGITS), [test]);

  const capture = useCallback(async (name: string): Promise<Moment> => {
    if (!task || !trainer) throw new Error('the network is not built yet');
    // Pausing reads back the newest loss, so step, loss and weights belong to the same moment; training resumes after.
    const wasRunning = trainer.status === 'running';
    if (wasRunning) await trainer.pause();
    try {
      const step = trainer.completedSteps;
      const weights = await readAutoencoderWeights(task.model);
      const route = appStore.getState().route;
      return autoencoderMoment({
        name, step, epoch: task.epochsAfter(step), loss: trainer.loss, seed, hiddenSize: task.model.config.hiddenSize,
        view: { lessonStep: route.step, params: route.params }, weights, curve: trainer.history,
      });
    } finally {
      if (wasRunning) trainer.start();
    }
  }, [task, trainer, seed]);

  const goTo = useCallback(async (m: Moment): Promise<void> => {
    if (!task || !trainer) throw new Error('the network is not built yet');
    await trainer.pause();
    const current = appStore.getState().route;
    // The backend stays the one this device uses.
    const params = momentRouteParams(m.view, current.params);
    // Another seed rebuilds the task; the lab puts the moment into the rebuilt one.
    const rebuild = m.seed !== seed || momentHiddenSize(m) !== hiddenSize;
    if (rebuild) pendingMomentRef.current = m;
    navigate({ step: m.view.lessonStep, params });
    if (!rebuild) {
      // The live views drop the replaced run's loss terms first; the restore's update then redraws them.
      beforeRestore(task);
      restoreMoment(trainer, task, m);
    }
  }, [task, trainer, seed, hiddenSize, pendingMomentRef, beforeRestore]);

  return { capture, goTo, digits, labels };
}
