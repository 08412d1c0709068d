import { useCallback, useEffect, useId, useState } from 'react';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import { deleteModel, incompatibility, listModels, loadModel, saveModel, type SavedSummary } from '../../engine/savedModels';
import { CIFAR_VARIABLES } from '../../model/cifar10Net';
import type { CifarSnapshot } from '../../model/cifarTask';
import { loadPretrained, pretrainedInfo, type PretrainedInfo } from './pretrained';
import { errorText } from '../../engine/format';

export const CIFAR_MODEL_ID = 'cifar10-tutorial';
/** Layout version of the saved variables (names, shapes, HWIO order); bump when it changes. */
export const CIFAR_MODEL_VERSION = 1;
/** Every variable's shape, by name: what a saved or shipped network must match. */
export const CIFAR_SHAPES: Record<string, number[]> = Object.fromEntries(CIFAR_VARIABLES.map((v) => [v.name, v.shape]));

/**
 * Save the network to this browser (IndexedDB) and load it back: loading resets the run and starts it from the
 * saved weights. A record from another model or layout is refused with the reason; nothing is replaced then.
 */
export function SavePanel({ trainer, seed, note, onLoaded }: {
  trainer: RemoteTrainer<CifarSnapshot>;
  seed: number;
  note: string | null;
  onLoaded: (text: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<SavedSummary[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pretrained, setPretrained] = useState<PretrainedInfo | null>(null);
  const refresh = useCallback(() => listModels(CIFAR_MODEL_ID).then(setSaved, (e: unknown) => setMessage(errorText(e))), []);
  useEffect(() => { void refresh(); }, [refresh]);
  useEffect(() => {
    let live = true;
    void pretrainedInfo().then((info) => { if (live) setPretrained(info); });
    return () => { live = false; };
  }, []);

  /** Resets the run and starts it from `weights`, then measures the loss they give. */
  const startFrom = async (weights: Record<string, Float32Array>, text: string) => {
    await trainer.reset();
    await trainer.read('setWeights', { weights });
    await trainer.measure();
    setMessage(text);
    onLoaded(text);
  };

  const startPretrained = async (info: PretrainedInfo) => {
    setBusy(true);
    try {
      const weights = await loadPretrained(info);
      await startFrom(weights, `Started from the shipped network: ${info.epochs} epochs (${info.step.toLocaleString('en-US')} steps of ${info.batchSize}) by ${info.command}, ${(Math.max(info.testAccuracy.raw, info.testAccuracy.averaged) * 100).toFixed(1)}% on the ${info.testAccuracy.images.toLocaleString('en-US')} test images. Steps count from 0 again.`);
    } catch (err) {
      setMessage(`The pretrained network could not be loaded: ${errorText(err)}. Nothing was changed.`);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const step = trainer.completedSteps;
      const weights = await trainer.read<Record<string, Float32Array>>('weights');
      const key = name.trim() || `step ${step}`;
      await saveModel({ name: key, model: CIFAR_MODEL_ID, version: CIFAR_MODEL_VERSION, savedAt: new Date().toISOString(), step, seed, shapes: CIFAR_SHAPES, weights, note: note ?? undefined });
      setMessage(`Saved “${key}” in this browser.`);
      setName('');
      await refresh();
    } catch (err) {
      setMessage(`Saving failed: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const load = async (key: string) => {
    setBusy(true);
    try {
      const record = await loadModel(key);
      const problem = incompatibility(record, { model: CIFAR_MODEL_ID, version: CIFAR_MODEL_VERSION, shapes: CIFAR_SHAPES });
      if (problem) { setMessage(`“${key}” cannot be loaded: ${problem}. Nothing was changed.`); return; }
      await startFrom(record.weights, `Loaded “${key}” (trained ${record.step.toLocaleString('en-US')} steps before it was saved); steps count from 0 again.`);
    } catch (err) {
      setMessage(`Loading failed: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="save-panel">
      {pretrained && (
        <div className="pretrained">
          <button type="button" onClick={() => void startPretrained(pretrained)} disabled={busy}>Load the network shipped with the app</button>
          <p className="hint">
            Shipped with the app: {pretrained.epochs} epochs on all 50,000 training images ({pretrained.trainingHours} h on {pretrained.machine}),
            {' '}{(Math.max(pretrained.testAccuracy.raw, pretrained.testAccuracy.averaged) * 100).toFixed(1)}% on the {pretrained.testAccuracy.images.toLocaleString('en-US')} test images
            {' '}(measured by <code>{pretrained.command}</code>; the tutorial reaches about 86% after long GPU training).
          </p>
        </div>
      )}
      <h4>Keep this network</h4>
      <div className="buttons">
        <label htmlFor={`${id}-name`} className="sr-only">Name</label>
        <input id={`${id}-name`} type="text" placeholder="a name (default: the step)" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="button" onClick={() => void save()} disabled={busy}>Save in this browser</button>
      </div>
      {saved.length > 0 && (
        <ul className="saved-list">
          {saved.map((s) => (
            <li key={s.name}>
              {s.name} <span className="hint">(step {s.step.toLocaleString('en-US')}{s.note ? `, ${s.note}` : ''})</span>{' '}
              <button type="button" onClick={() => void load(s.name)} disabled={busy} aria-label={`Load ${s.name}`}>Load</button>{' '}
              <button type="button" onClick={() => void deleteModel(s.name).then(refresh)} disabled={busy} aria-label={`Delete ${s.name}`}>Delete</button>
            </li>
          ))}
        </ul>
      )}
      {message && <p className="notice" aria-live="polite">{message}</p>}
    </div>
  );
}
