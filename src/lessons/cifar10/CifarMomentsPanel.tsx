import { useState } from 'react';
import type { CifarSet } from '../../data/cifar10';
import { defaultMomentName, saveMoment } from '../../engine/moments';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import type { CifarEvaluation, CifarSnapshot } from '../../model/cifarTask';
import { appStore, useAppStore } from '../../state/store';
import { KeepMomentForm, MomentChooser, MomentList, MomentMessage, MomentsSection } from '../../app/moments/MomentPieces';
import { useMomentList } from '../../app/moments/useMomentList';
import { CifarMomentCompare } from './CifarMomentCompare';
import { CIFAR_MOMENT_LESSON, cifarMoment, cifarMomentMismatch } from './cifarMoments';
import { CIFAR_VIEW_ID } from './settings';

/** Test images offered for the feature maps: the first few of the shipped test subset. */
const IMAGE_CHOICES = 20;

/**
 * Moments of the CIFAR-10 run: keep the network (weights, step, test accuracy measured on the spot) under a name,
 * then put two side by side — conv1's filters and its maps of one test image, from each moment's own weights.
 */
export function CifarMomentsPanel({ trainer, seed, batchSize, trainImages, test }: {
  trainer: RemoteTrainer<CifarSnapshot>;
  seed: number;
  batchSize: number;
  trainImages: number;
  test: CifarSet | null;
}) {
  const step = useAppStore((s) => s.training[CIFAR_VIEW_ID]?.step ?? 0);
  const epochs = (s: number) => (s * batchSize) / trainImages;
  const moments = useMomentList(CIFAR_MOMENT_LESSON, defaultMomentName(step, epochs(step)), cifarMomentMismatch);
  const { list, refresh, setMessage, busy, pair } = moments;
  const [image, setImage] = useState(0);

  const save = () => moments.keep(async (key) => {
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
      return `Kept “${key}” (step ${at.toLocaleString('en-US')}, ${(evaluation.raw * 100).toFixed(1)}% of ${evaluation.count.toLocaleString('en-US')} test images right) in this browser.`;
    } finally {
      if (wasRunning) trainer.start();
    }
  });

  return (
    <MomentsSection title="Moments: keep this network, compare two">
      <KeepMomentForm name={moments.name} onName={moments.setTyped} onKeep={() => void save()} busy={busy} />
      <p className="hint">Kept in this browser (IndexedDB): all weights, the step, the seed and settings, and the test accuracy measured when kept.</p>
      <MomentList
        list={list}
        busy={busy}
        onDelete={(key) => void moments.remove(key)}
        details={(m) => `step ${m.step.toLocaleString('en-US')}, ${m.epoch.toFixed(2)} epochs${m.metrics?.testAccuracy !== undefined ? `, ${(m.metrics.testAccuracy * 100).toFixed(1)}% test accuracy` : ''}, seed ${m.seed}`}
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
