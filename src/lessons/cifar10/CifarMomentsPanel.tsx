import { useState } from 'react';
import type { CifarSet } from '../../data/cifar10';
import { formatLoss } from '../../engine/format';
import { defaultMomentName, loadMoment, saveMoment, type Moment } from '../../engine/moments';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import type { CifarEvaluation, CifarSnapshot } from '../../model/cifarTask';
import { appStore, useAppStore } from '../../state/store';
import { GoToMomentButton, KeepMomentForm, MomentChooser, MomentList, MomentMessage, MomentsSection, ReplaceLiveRunConfirm } from '../../app/moments/MomentPieces';
import { useMomentGoTo } from '../../app/moments/useMomentGoTo';
import { useMomentList } from '../../app/moments/useMomentList';
import { CifarMomentCompare } from './CifarMomentCompare';
import { CIFAR_MOMENT_LESSON, cifarMoment, cifarMomentMismatch, cifarMomentRestoreProblem } from './cifarMoments';
import { cifarGoToAfterword } from './cifarGoTo';
import { CIFAR_VIEW_ID } from './settings';

/** Test images offered for the feature maps: the first few of the shipped test subset. */
const IMAGE_CHOICES = 20;

/**
 * Moments of the CIFAR-10 run: keep the network (weights, step, test accuracy measured on the spot) under a name,
 * then put two side by side — conv1's filters and its maps of one test image, from each moment's own weights —
 * or go back to one (`goTo`, which replaces the live run, so the panel offers to keep the live run first).
 */
export function CifarMomentsPanel({ trainer, seed, batchSize, trainImages, test, goTo }: {
  trainer: RemoteTrainer<CifarSnapshot>;
  seed: number;
  batchSize: number;
  trainImages: number;
  test: CifarSet | null;
  /** Puts a kept moment into the live run; may answer a message while it is under way (a rebuild). */
  goTo: (m: Moment) => Promise<string | void>;
}) {
  const step = useAppStore((s) => s.training[CIFAR_VIEW_ID]?.step ?? 0);
  const epochs = (s: number) => (s * batchSize) / trainImages;
  const defaultName = defaultMomentName(step, epochs(step));
  const moments = useMomentList(CIFAR_MOMENT_LESSON, defaultName, cifarMomentMismatch);
  const { list, refresh, setMessage, busy, whileBusy, pair } = moments;
  const [image, setImage] = useState(0);

  /** Keeps the live run under `key`; answers the step it was kept at and its measured accuracy. */
  const keep = async (key: string): Promise<{ step: number; evaluation: CifarEvaluation }> => {
    setMessage('Measuring the test accuracy of these weights…');
    const wasRunning = trainer.status === 'running';
    try {
      // Paused, the weights, the accuracy and the step all belong to the same moment; training resumes after.
      if (wasRunning) await trainer.pause();
      const weights = await trainer.read<Record<string, Float32Array>>('weights');
      const evaluation = await trainer.read<CifarEvaluation>('evaluate');
      const at = evaluation.step;
      const point = trainer.history.find((p) => p.step === at);
      const route = appStore.getState().route;
      const m = cifarMoment({
        name: key, step: at, epoch: epochs(at), loss: point ? point.loss : null, seed, view: { lessonStep: route.step, params: route.params },
        weights, accuracy: { raw: evaluation.raw, averaged: evaluation.averaged, images: evaluation.count }, curve: trainer.history,
      });
      await saveMoment(m);
      await refresh();
      return { step: at, evaluation };
    } finally {
      if (wasRunning) trainer.start();
    }
  };

  const save = () => moments.keep(async (key) => {
    const { step: at, evaluation } = await keep(key);
    return `Kept “${key}” (step ${at.toLocaleString('en-US')}, ${(evaluation.raw * 100).toFixed(1)}% of ${evaluation.count.toLocaleString('en-US')} test images right) in this browser.`;
  });

  const going = useMomentGoTo({
    list, step, whileBusy, setMessage, goTo,
    problem: cifarMomentRestoreProblem,
    load: (key) => loadMoment(CIFAR_MOMENT_LESSON, key),
    keepLive: async () => { await keep(defaultName); return defaultName; },
    afterword: cifarGoToAfterword,
  });

  return (
    <MomentsSection title="Moments: keep this network, compare two">
      <KeepMomentForm name={moments.name} onName={moments.setTyped} onKeep={() => void save()} busy={busy} />
      <p className="hint">Kept in this browser (IndexedDB): all weights, the step, the seed and settings, and the test accuracy measured when kept. Go to puts the run back there (the weights’ moving average starts again from the kept weights).</p>
      <MomentList
        list={list}
        busy={busy}
        onDelete={(key) => void whileBusy(() => moments.remove(key))}
        details={(m) => `step ${m.step.toLocaleString('en-US')}, ${m.epoch.toFixed(2)} epochs, loss ${m.loss === null ? '–' : formatLoss(m.loss)}${m.metrics?.testAccuracy !== undefined ? `, ${(m.metrics.testAccuracy * 100).toFixed(1)}% test accuracy` : ''}, seed ${m.seed}`}
        actions={(m) => <GoToMomentButton name={m.name} busy={busy} onClick={() => going.ask(m.name)} />}
        below={(m) => going.confirming === m.name && (
          <ReplaceLiveRunConfirm name={m.name} step={step} onKeepFirst={() => void going.go(m.name, true)} onReplace={() => void going.go(m.name, false)} onCancel={going.cancel} />
        )}
      />
      <MomentChooser list={list} choice={moments.choice} onChoose={(next) => void moments.compare(next)}>
        {test && (
          <label>
            Test image{' '}
            <select value={image} onChange={(e) => setImage(Number(e.target.value))}>
              {Array.from({ length: Math.min(IMAGE_CHOICES, test.count) }, (_, i) => <option key={i} value={i}>{i + 1}: {test.classes[test.labels[i]]}</option>)}
            </select>
          </label>
        )}
      </MomentChooser>
      <MomentMessage message={moments.message} />
      {pair && test && <CifarMomentCompare a={pair.a} b={pair.b} test={test} index={image} />}
    </MomentsSection>
  );
}
