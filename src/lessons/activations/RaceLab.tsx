import { useEffect, useRef, useState } from 'react';
import { openTrainer } from '../../engine/openTrainer';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import { RACE_LAYERS } from '../../model/raceNet';
import type { RaceCrossings, RaceFacts } from '../../model/raceTask';
import { appStore, useAppStore } from '../../state/store';
import { TrainingControls, useTrainerBinding } from '../../app/TrainingControls';
import { RACE_VIEW_ID, raceConfig, type RaceSettings } from './settings';
import { RaceViews } from './raceViews';
import { otherLossesText, summaryFromMetrics, type RaceSummary } from './raceSummary';
import { RaceResult } from './RaceResult';
import { RaceSettingsPanel } from './RaceSettingsPanel';
import { errorText } from '../../engine/format';

/** Least time between two redraws of the charts while training. */
const REDRAW_MS = 500;

interface Opened { trainer: RemoteTrainer<unknown>; facts: RaceFacts; backend: string; note: string | null }
type Phase = { state: 'loading'; fraction: number; text: string } | { state: 'ready'; opened: Opened } | { state: 'failed'; message: string };

/** WASM and CPU finish a step before returning, so each run's own time can be measured; WebGL and WebGPU queue work. */
function timesRunsApart(backend: string): boolean {
  return backend === 'wasm' || backend === 'cpu';
}

/**
 * The race: three copies of one network (ReLU, tanh, sigmoid) train in a Web Worker, a batch each in turn on
 * the same batches; the page draws their error, loss and gradient sizes and the epochs each took to reach the threshold.
 */
export function RaceLab({ settings, seed }: { settings: RaceSettings; seed: number }) {
  const backend = useAppStore((s) => s.backend.name);
  const [phase, setPhase] = useState<Phase>({ state: 'loading', fraction: 0, text: 'starting the training worker' });
  const [summary, setSummary] = useState<RaceSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const views = useRef<RaceViews | null>(null);
  const summaryRef = useRef<RaceSummary | null>(null);
  const thresholdRef = useRef(settings.threshold);
  const errorEpochRef = useRef<HTMLDivElement>(null);
  const errorTimeRef = useRef<HTMLDivElement>(null);
  const lossRef = useRef<HTMLDivElement>(null);
  const gradRefs = useRef<Record<string, HTMLDivElement | null>>({});
  const trainer = phase.state === 'ready' ? phase.opened.trainer : null;
  const workerBackend = phase.state === 'ready' ? phase.opened.backend : null;
  const { dataset, trainCount, width, batchSize, learningRates } = settings;
  const lrKey = `${learningRates.relu},${learningRates.tanh},${learningRates.sigmoid}`;

  // A new worker (and fresh networks) for each data set, size, width, batch, rates, seed and backend.
  useEffect(() => {
    if (!backend) return;
    let live = true;
    let opened: RemoteTrainer<unknown> | null = null;
    let lastDraw = -Infinity;
    let ownTime = true;
    const redraw = (force: boolean) => {
      if (!opened || !live) return;
      const now = performance.now();
      if (!force && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const s = summaryRef.current;
      if (s) views.current?.refresh(opened, thresholdRef.current, s.crossings, ownTime);
      setSummary(s);
    };
    openTrainer<unknown>('race', raceConfig(settings, seed), backend, {
      onUpdate: (event) => {
        appStore.getState().setTraining(RACE_VIEW_ID, event);
        if (event.step === 0) { summaryRef.current = null; redraw(true); }
      },
      onMetrics: (_step, values) => {
        summaryRef.current = summaryFromMetrics(values);
        redraw(opened?.status !== 'running');
      },
      onProgress: (fraction, text) => { if (live) setPhase({ state: 'loading', fraction, text }); },
      onNotice: (text) => { if (live) setNotice(text); },
    }).then(
      (o) => {
        if (!live) { o.trainer.dispose(); return; }
        opened = o.trainer;
        ownTime = timesRunsApart(o.ready.backend);
        setPhase({ state: 'ready', opened: { trainer: o.trainer, facts: o.ready.facts as unknown as RaceFacts, backend: o.ready.backend, note: o.note ?? o.ready.notice } });
      },
      (err: unknown) => { if (live) setPhase({ state: 'failed', message: errorText(err) }); },
    );
    return () => {
      live = false;
      opened?.dispose();
      summaryRef.current = null;
      appStore.getState().clearTraining(RACE_VIEW_ID);
    };
    // The threshold and the cap apply live (below); these rebuild.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, seed, dataset, trainCount, width, batchSize, lrKey, attempt]);

  // Charts exist once the panels are in the DOM.
  useEffect(() => {
    if (!trainer || !workerBackend) return;
    const grads = Object.fromEntries(RACE_LAYERS.map((l) => [l, gradRefs.current[l]!])) as unknown as Record<(typeof RACE_LAYERS)[number], HTMLElement>;
    const v = new RaceViews({ errorByEpoch: errorEpochRef.current!, errorByTime: errorTimeRef.current!, loss: lossRef.current!, gradients: grads },
      timesRunsApart(workerBackend) ? "each run's own time (s)" : 'race time (s), shared by the three runs');
    views.current = v;
    return () => { v.destroy(); views.current = null; };
  }, [trainer, workerBackend]);

  // Threshold and cap apply at once; the crossings are recomputed in the worker from every step kept.
  useEffect(() => {
    thresholdRef.current = settings.threshold;
    if (!trainer) return;
    let live = true;
    void trainer.configure({ threshold: settings.threshold, epochCap: settings.epochCap })
      .then(() => trainer.read<RaceCrossings>('crossings'))
      .then((r) => {
        if (!live) return;
        const s = { runs: summaryRef.current?.runs ?? {}, crossings: r.crossings };
        summaryRef.current = s;
        setSummary(s);
        if (workerBackend) views.current?.refresh(trainer, r.threshold, r.crossings, timesRunsApart(workerBackend));
      })
      .catch(() => {});
    return () => { live = false; };
  }, [trainer, workerBackend, settings.threshold, settings.epochCap]);

  useTrainerBinding(RACE_VIEW_ID, trainer);

  if (phase.state === 'failed') {
    return (
      <div className="panel data-error" role="alert">
        <h3>The race could not start</h3>
        <p>{phase.message}</p>
        <button type="button" onClick={() => { setPhase({ state: 'loading', fraction: 0, text: 'starting again' }); setAttempt((a) => a + 1); }}>Try again</button>
      </div>
    );
  }
  const facts = phase.state === 'ready' ? phase.opened.facts : null;
  return (
    <>
      <RaceSettingsPanel settings={settings} seed={seed} facts={facts} />
      {phase.state === 'loading' && (
        <div className="panel data-progress">
          <label>Loading {dataset === 'mnist' ? 'MNIST' : 'CIFAR-10'} in the training worker — {phase.text}
            <progress max={1} value={phase.fraction} aria-valuetext={`${Math.round(phase.fraction * 100)} percent`} />
          </label>
        </div>
      )}
      {phase.state === 'ready' && (
        <>
          <section className="panel race-controls" aria-label="Race controls">
            <TrainingControls viewId={RACE_VIEW_ID} trainer={trainer} readoutSuffix={otherLossesText(summary)} />
            <p className="hint">
              Training on {phase.opened.backend} in {phase.opened.note ? 'the page' : 'a background worker'}; one step = one batch of {batchSize} for each run, in turn.
              {phase.opened.note && <> {phase.opened.note}</>}
            </p>
            {notice && <p className="notice" role="status">{notice}</p>}
          </section>
          <RaceResult summary={summary} settings={settings} />
          <section className="panel race-charts" aria-label="Race curves">
            <h3>Training error</h3>
            <div className="race-chart-pair">
              <div ref={errorEpochRef} className="chart" />
              <div ref={errorTimeRef} className="chart" />
            </div>
            <h3>Loss (over the same window)</h3>
            <div ref={lossRef} className="chart" />
          </section>
          <section className="panel race-gradients" aria-label="Gradient sizes">
            <h3>How big the gradients are, layer by layer</h3>
            <p className="hint">Root-mean-square of ∂L/∂w over each layer&apos;s weights, averaged over the steps between two read-backs. Log scale.</p>
            <div className="race-gradient-grid">
              {RACE_LAYERS.map((l) => <div key={l} ref={(el) => { gradRefs.current[l] = el; }} className="chart" />)}
            </div>
          </section>
        </>
      )}
    </>
  );
}
