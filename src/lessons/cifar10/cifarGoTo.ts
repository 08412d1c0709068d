import { navigate } from '../../app/navigation';
import { momentRouteParams } from '../../app/moments/useMomentGoTo';
import type { Moment } from '../../engine/moments';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import type { CifarSnapshot } from '../../model/cifarTask';
import { appStore } from '../../state/store';
import { liveConfig, settingsFromParams, type CifarSettings } from './settings';

/** What a restored CIFAR-10 run continues with, in words. */
export function cifarGoToAfterword(m: Moment): string {
  return `Train goes on with the batches and learning rate that follow step ${m.step.toLocaleString('en-US')}. Plain SGD keeps nothing besides the weights; the moving average of the weights starts again from them (a moment keeps the trained weights only).`;
}

/** Whether a task built with `settings` and `seed` is the one `m` was kept from (seed, training files, batch size). */
export function fitsMoment(m: Moment, settings: CifarSettings, seed: number): boolean {
  const kept = settingsFromParams(m.view.params);
  return m.seed === seed && kept.trainFiles === settings.trainFiles && kept.batchSize === settings.batchSize;
}

/** Puts `m` into `trainer` (its live settings first), changing nothing if the worker refuses the weights. */
export async function restoreCifarMoment(trainer: RemoteTrainer<CifarSnapshot>, m: Moment, was: CifarSettings): Promise<void> {
  await trainer.configure(liveConfig(settingsFromParams(m.view.params)));
  try {
    await trainer.restore(m.step, m.loss, m.weights, m.curve ?? []);
  } catch (err) {
    await trainer.configure(liveConfig(was)).catch(() => {});
    throw err;
  }
}

/**
 * Go to a kept CIFAR-10 moment. With the same seed, data and batch size the worker's run takes the moment's
 * weights and step at once; otherwise the lesson's URL changes to the moment's settings, the lab builds that task
 * (loading its data), and puts the moment into it (`pending`). Answers a message while that is under way.
 */
export async function goToCifarMoment({ trainer, m, settings, seed, pending, onRestored }: {
  trainer: RemoteTrainer<CifarSnapshot>;
  m: Moment;
  settings: CifarSettings;
  seed: number;
  pending: { current: Moment | null };
  onRestored: () => void;
}): Promise<string | void> {
  await trainer.pause();
  const params = momentRouteParams(m.view, appStore.getState().route.params);
  if (fitsMoment(m, settings, seed)) {
    await restoreCifarMoment(trainer, m, settings);
    onRestored();
    navigate({ step: m.view.lessonStep, params });
    return;
  }
  const kept = settingsFromParams(m.view.params);
  pending.current = m;
  navigate({ step: m.view.lessonStep, params });
  return `Building the network for “${m.name}” (seed ${m.seed}, ${(kept.trainFiles * 10_000).toLocaleString('en-US')} training images, batches of ${kept.batchSize}); it is put back at step ${m.step.toLocaleString('en-US')} once built.`;
}
