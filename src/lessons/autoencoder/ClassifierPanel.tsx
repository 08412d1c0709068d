import { useEffect, useRef, useState } from 'react';
import type { MnistData } from '../../data/mnist';
import type { AutoencoderTask } from '../../model/autoencoderTask';
import { DEFAULT_CLASSIFICATION, runCodeClassification, type ClassificationPhase, type ClassificationResult } from '../../model/codeClassifier';
import { appStore, useAppStore } from '../../state/store';
import { MAIN_VIEW_ID } from './settings';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** What the autoencoder was trained to do (its penalties and noise), to tell when a result is out of date. */
function objectiveKey(task: AutoencoderTask | null): string {
  if (!task) return '';
  const { sparse, inputNoise, hiddenSize } = task.model.config;
  return `${hiddenSize}/${sparse}/${inputNoise}`;
}

/**
 * The lecture's MATLAB example, classifying with the codes: a softmax layer on the frozen encoder's codes,
 * then the stack fine-tuned, beside the same softmax layer on raw pixels. All accuracies are measured here.
 */
export function ClassifierPanel({ task, data, seed }: { task: AutoencoderTask | null; data: MnistData; seed: number }) {
  const [phase, setPhase] = useState<{ name: ClassificationPhase; fraction: number } | null>(null);
  // A result belongs to the network it measured; a rebuilt network (new size or seed) hides it.
  const [result, setResult] = useState<(ClassificationResult & { atStep: number; task: AutoencoderTask; objective: string }) | null>(null);
  const step = useAppStore((s) => s.training[MAIN_VIEW_ID]?.step ?? 0);
  // A reset (step went back) or another objective makes the table describe a network that is gone.
  const current = result !== null && result.task === task && step >= result.atStep && result.objective === objectiveKey(task);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Leaving, or a rebuilt network (new size or seed), cancels a run in progress.
  useEffect(() => () => abort.current?.abort(), [task]);

  const run = async () => {
    if (!task || !data.train) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setResult(null);
    const atStep = appStore.getState().training[MAIN_VIEW_ID]?.step ?? 0;
    try {
      const r = await runCodeClassification(task.model, data.train, data.test, { ...DEFAULT_CLASSIFICATION, seed },
        (name, fraction) => setPhase({ name, fraction }), controller.signal);
      if (!controller.signal.aborted) setResult({ ...r, atStep, task, objective: objectiveKey(task) });
    } catch (err) {
      if (!controller.signal.aborted) setError(err instanceof Error ? err.message : String(err));
    } finally {
      if (abort.current === controller) { abort.current = null; setPhase(null); }
    }
  };

  const busy = phase !== null;
  return (
    <section className="panel classifier-panel" data-panel="classify" aria-labelledby="ae-cls-title">
      <h3 id="ae-cls-title">Classify with the codes</h3>
      <p className="hint">
        Trains three softmax classifiers on {DEFAULT_CLASSIFICATION.trainCount.toLocaleString('en-US')} labelled training images
        ({DEFAULT_CLASSIFICATION.epochs} epochs each) and tests them on all 10,000 MNIST test images. Uses the autoencoder as it is now.
      </p>
      <button type="button" onClick={() => void run()} disabled={!task || busy}>
        {busy ? 'Classifying…' : 'Run the classification experiment'}
      </button>
      {busy && (
        <div className="progress-line">
          <label>
            Training on {phase.name}: <progress max={1} value={phase.fraction} aria-label={`Training the softmax layer on ${phase.name}`} />
          </label>
        </div>
      )}
      {error && <p role="alert" className="error">The experiment stopped: {error}</p>}
      {result && current && (
        <table className="results">
          <caption>Test accuracy on {result.testCount.toLocaleString('en-US')} MNIST test images (measured in this browser, autoencoder after {result.atStep} steps)</caption>
          <thead><tr><th scope="col">Softmax layer on…</th><th scope="col">Accuracy</th></tr></thead>
          <tbody>
            <tr><td>raw pixels (784 inputs)</td><td>{pct(result.rawPixels)}</td></tr>
            <tr><td>the autoencoder&apos;s codes ({task?.model.config.hiddenSize} inputs, encoder frozen)</td><td>{pct(result.codes)}</td></tr>
            <tr><td>codes, with encoder and softmax fine-tuned together</td><td>{pct(result.fineTuned)}</td></tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
