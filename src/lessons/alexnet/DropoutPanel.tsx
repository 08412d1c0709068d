import { useEffect, useRef, useState } from 'react';
import { TrainingControls, useTrainerBinding } from '../../app/TrainingControls';
import { openTrainer } from '../../engine/openTrainer';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import { formatLoss, errorText } from '../../engine/format';
import type { DropoutFacts } from '../../model/dropoutTask';
import { appStore, useAppStore } from '../../state/store';
import { ClassroomPresets } from '../../app/ClassroomPresets';
import { DROPOUT_CLASSROOM, DROPOUT_RATE, DROPOUT_VIEW_ID, dropoutConfig, dropoutSettingsFromParams, gapText, isPreset } from './DropoutSettings';
import { DropoutViews, measurementsOf, RUN_STYLE, type DropoutMeasurement } from './DropoutViews';

/** Least time between two redraws of the charts while training. */
const REDRAW_MS = 500;

interface Opened { trainer: RemoteTrainer<unknown>; facts: DropoutFacts; backend: string; note: string | null }
type Phase = { state: 'loading'; fraction: number; text: string } | { state: 'ready'; opened: Opened } | { state: 'failed'; message: string };

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Dropout, live: the same network with and without dropout on its two hidden layers trains in a Web Worker on
 * the same batches; the page draws both runs' train and test accuracy and the gap between them.
 */
export function DropoutPanel() {
  const backend = useAppStore((s) => s.backend.name);
  const params = useAppStore((s) => s.route.params);
  const settings = dropoutSettingsFromParams(params);
  const settingsKey = JSON.stringify(settings);
  const [phase, setPhase] = useState<Phase>({ state: 'loading', fraction: 0, text: 'starting the training worker' });
  const [latest, setLatest] = useState<DropoutMeasurement | null>(null);
  const [dropoutLoss, setDropoutLoss] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const views = useRef<DropoutViews | null>(null);
  const accuracyRef = useRef<HTMLDivElement>(null);
  const gapRef = useRef<HTMLDivElement>(null);
  const trainer = phase.state === 'ready' ? phase.opened.trainer : null;

  useEffect(() => {
    if (!backend) return;
    let live = true;
    let opened: RemoteTrainer<unknown> | null = null;
    let lastDraw = -Infinity;
    const redraw = (force: boolean) => {
      if (!opened || !live) return;
      const now = performance.now();
      if (!force && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const all = measurementsOf(opened.metrics);
      views.current?.update(all);
      setLatest(all.length ? all[all.length - 1] : null);
    };
    openTrainer<unknown>('dropout', dropoutConfig(settings), backend, {
      onUpdate: (event) => {
        appStore.getState().setTraining(DROPOUT_VIEW_ID, event);
        if (event.step === 0) { setDropoutLoss(null); redraw(true); }
      },
      onMetrics: (_step, values) => {
        if (values['dropout.loss'] !== undefined) setDropoutLoss(values['dropout.loss']);
        redraw(values.evalEpoch !== undefined || opened?.status !== 'running');
      },
      onProgress: (fraction, text) => { if (live) setPhase({ state: 'loading', fraction, text }); },
      onNotice: (text) => { if (live) setNotice(text); },
    }).then(
      (o) => {
        if (!live) { o.trainer.dispose(); return; }
        opened = o.trainer;
        setPhase({ state: 'ready', opened: { trainer: o.trainer, facts: o.ready.facts as unknown as DropoutFacts, backend: o.ready.backend, note: o.note ?? o.ready.notice } });
      },
      (err: unknown) => { if (live) setPhase({ state: 'failed', message: errorText(err) }); },
    );
    return () => {
      live = false;
      opened?.dispose();
      appStore.getState().clearTraining(DROPOUT_VIEW_ID);
    };
    // settingsKey stands for the settings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, settingsKey, attempt]);

  // Charts exist once the panel is in the DOM; they draw what has been measured so far.
  useEffect(() => {
    if (!trainer) return;
    const v = new DropoutViews({ accuracy: accuracyRef.current!, gap: gapRef.current! });
    views.current = v;
    v.update(measurementsOf(trainer.metrics));
    return () => { v.destroy(); views.current = null; };
  }, [trainer]);

  useTrainerBinding(DROPOUT_VIEW_ID, trainer);

  if (phase.state === 'failed') {
    return (
      <div className="panel data-error" role="alert">
        <h3>The dropout comparison could not start</h3>
        <p>{phase.message}</p>
        <button type="button" onClick={() => { setPhase({ state: 'loading', fraction: 0, text: 'starting again' }); setAttempt((a) => a + 1); }}>Try again</button>
      </div>
    );
  }
  const facts = phase.state === 'ready' ? phase.opened.facts : null;
  const dataName = settings.dataset === 'mnist' ? 'MNIST' : 'CIFAR-10';
  const testName = settings.dataset === 'mnist' ? 'MNIST test digits' : 'CIFAR-10 test images (the first 1,000 of the official test set)';
  return (
    <section className="panel dropout-panel" aria-label="Dropout, live">
      <h3>Dropout, live: the same network with and without it</h3>
      <p>
        Two copies of one network — {settings.hidden} and {settings.hidden} ReLU units in two fully connected hidden layers,
        {facts ? ` ${facts.parameters.toLocaleString('en-US')} parameters each,` : ''} the same starting weights — train in turn on
        the same batches of {settings.batchSize} from only {settings.trainCount.toLocaleString('en-US')} {dataName} images, with the
        lecture&apos;s update (momentum 0.9, weight decay 0.0005, ε = {settings.learningRate}). One of them sets each hidden unit to
        zero with probability {DROPOUT_RATE} at every step. Both are measured without dropout on all {settings.trainCount.toLocaleString('en-US')}{' '}
        training images and on {settings.testCount.toLocaleString('en-US')} {testName} every {settings.evalEverySteps} steps.
      </p>
      <ClassroomPresets presets={[DROPOUT_CLASSROOM]} active={isPreset(settings) ? DROPOUT_CLASSROOM : null} />
      {phase.state === 'loading' && (
        <div className="data-progress">
          <label>Loading {dataName} in the training worker — {phase.text}
            <progress max={1} value={phase.fraction} aria-valuetext={`${Math.round(phase.fraction * 100)} percent`} />
          </label>
        </div>
      )}
      {phase.state === 'ready' && (
        <>
          <TrainingControls viewId={DROPOUT_VIEW_ID} trainer={trainer} readoutSuffix={dropoutLoss === null ? '' : ` · dropout ${formatLoss(dropoutLoss)}`} />
          <p className="hint">
            Training on {phase.opened.backend} in {phase.opened.note ? 'the page' : 'a background worker'}; one step = one batch for each network, in turn.
            The loss in the readout is the network without dropout&apos;s; the other is the dropout network&apos;s (measured with its units dropped).
            {phase.opened.note && <> {phase.opened.note}</>}
          </p>
          {notice && <p className="notice" role="status">{notice}</p>}
          {latest && (
            <div className="dropout-gaps">
              <p className="dropout-gap-line" aria-live="polite"><strong>{gapText(latest.gap.plain, latest.gap.dropout)}</strong> (epoch {latest.epoch.toFixed(1)})</p>
              <table className="dropout-table">
                <thead><tr><th scope="col">Run</th><th scope="col">Train accuracy</th><th scope="col">Test accuracy</th><th scope="col">Gap</th></tr></thead>
                <tbody>
                  {(['plain', 'dropout'] as const).map((r) => (
                    <tr key={r}>
                      <th scope="row"><span className="swatch" style={{ background: RUN_STYLE[r].color }} /> {RUN_STYLE[r].label}</th>
                      <td>{percent(latest.trainAccuracy[r])}</td>
                      <td>{percent(latest.testAccuracy[r])}</td>
                      <td>{((latest.gap[r]) * 100).toFixed(1)} points</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h4>Accuracy (solid: training images, dashed: test images)</h4>
          <div ref={accuracyRef} className="chart dropout-accuracy" />
          <h4>Gap: train accuracy − test accuracy</h4>
          <div ref={gapRef} className="chart dropout-gap" />
          <p className="hint">Data: {dataName} ({settings.dataset === 'mnist' ? 'LeCun, Cortes & Burges' : 'Krizhevsky 2009'}), shipped with the app in datasets/.</p>
        </>
      )}
    </section>
  );
}
