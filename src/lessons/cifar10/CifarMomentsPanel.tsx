import { useCallback, useEffect, useId, useState } from 'react';
import type { CifarSet } from '../../data/cifar10';
import { defaultMomentName, deleteMoment, listMoments, loadMoment, saveMoment, type Moment, type MomentSummary } from '../../engine/moments';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import type { CifarEvaluation, CifarSnapshot } from '../../model/cifarTask';
import { appStore, useAppStore } from '../../state/store';
import { CifarMomentCompare } from './CifarMomentCompare';
import { CIFAR_MOMENT_LESSON, cifarMoment, cifarMomentMismatch } from './cifarMoments';
import { CIFAR_VIEW_ID } from './settings';
import '../autoencoder/moments.css';

/** Test images offered for the feature maps: the first few of the shipped test subset. */
const IMAGE_CHOICES = 20;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

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
  const id = useId();
  const step = useAppStore((s) => s.training[CIFAR_VIEW_ID]?.step ?? 0);
  const epochs = (s: number) => (s * batchSize) / trainImages;
  const [typed, setTyped] = useState<string | null>(null);
  const [list, setList] = useState<MomentSummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<{ a: string; b: string }>({ a: '', b: '' });
  const [pair, setPair] = useState<{ a: Moment; b: Moment } | null>(null);
  const [image, setImage] = useState(0);
  const name = typed ?? defaultMomentName(step, epochs(step));

  const refresh = useCallback(() => listMoments(CIFAR_MOMENT_LESSON).then(
    (all) => setList(all),
    (err: unknown) => setMessage(`The kept moments could not be read: ${errorText(err)}`),
  ), []);
  useEffect(() => { void refresh(); }, [refresh]);

  const save = async () => {
    const key = name.trim();
    if (!key) { setMessage('Give the moment a name first.'); return; }
    setBusy(true);
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
      setTyped(null);
      setMessage(`Kept “${key}” (step ${at.toLocaleString('en-US')}, ${(evaluation.raw * 100).toFixed(1)}% of ${evaluation.count.toLocaleString('en-US')} test images right) in this browser.`);
    } catch (err) {
      setMessage(`Nothing was kept: ${errorText(err)}`);
    } finally {
      if (wasRunning) trainer.start();
      setBusy(false);
    }
  };

  const remove = async (key: string) => {
    try {
      await deleteMoment(CIFAR_MOMENT_LESSON, key);
      if (choice.a === key || choice.b === key) { setPair(null); setChoice((c) => ({ a: c.a === key ? '' : c.a, b: c.b === key ? '' : c.b })); }
      await refresh();
      setMessage(`Deleted “${key}”.`);
    } catch (err) {
      setMessage(`“${key}” was not deleted: ${errorText(err)}`);
    }
  };

  const compare = async (next: { a: string; b: string }) => {
    setChoice(next);
    setPair(null);
    if (!next.a || !next.b) return;
    try {
      const [a, b] = await Promise.all([loadMoment(CIFAR_MOMENT_LESSON, next.a), loadMoment(CIFAR_MOMENT_LESSON, next.b)]);
      const problem = cifarMomentMismatch(a) ?? cifarMomentMismatch(b);
      if (problem) { setMessage(`They cannot be compared: ${problem}.`); return; }
      setPair({ a, b });
      setMessage(null);
    } catch (err) {
      setMessage(`They cannot be compared: ${errorText(err)}`);
    }
  };

  return (
    <section className="panel moments-panel" data-panel="moments" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Moments: keep this network, compare two</h3>
      <div className="buttons">
        <label htmlFor={`${id}-name`}>Keep as</label>
        <input id={`${id}-name`} type="text" value={name} onChange={(e) => setTyped(e.target.value)} size={32} />
        <button type="button" onClick={() => void save()} disabled={busy}>Keep this moment</button>
      </div>
      <p className="hint">Kept in this browser (IndexedDB): all weights, the step, the seed and settings, and the test accuracy measured when kept.</p>
      {list.length > 0 && (
        <ul className="moment-list">
          {list.map((m) => (
            <li key={m.name}>
              <span className="moment-name">{m.name}</span>{' '}
              <span className="hint">(step {m.step.toLocaleString('en-US')}, {m.epoch.toFixed(2)} epochs{m.metrics?.testAccuracy !== undefined ? `, ${(m.metrics.testAccuracy * 100).toFixed(1)}% test accuracy` : ''}, seed {m.seed})</span>{' '}
              <button type="button" disabled={busy} aria-label={`Delete ${m.name}`} onClick={() => void remove(m.name)}>Delete</button>
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && (
        <div className="moment-choose">
          {(['a', 'b'] as const).map((side) => (
            <label key={side}>
              Moment {side.toUpperCase()}{' '}
              <select value={choice[side]} onChange={(e) => void compare({ ...choice, [side]: e.target.value })}>
                <option value="">choose…</option>
                {list.map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
              </select>
            </label>
          ))}
          {test && (
            <label>
              Test image{' '}
              <select value={image} onChange={(e) => setImage(Number(e.target.value))}>
                {Array.from({ length: Math.min(IMAGE_CHOICES, test.count) }, (_, i) => <option key={i} value={i}>{i + 1}: {test.classes[test.labels[i]]}</option>)}
              </select>
            </label>
          )}
        </div>
      )}
      {message && <p className="notice" aria-live="polite">{message}</p>}
      {pair && test && <CifarMomentCompare a={pair.a} b={pair.b} test={test} index={image} />}
    </section>
  );
}
