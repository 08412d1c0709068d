import { useEffect, useMemo, useRef, useState } from 'react';
import { loadSharedCifarTest, type CifarSet } from '../../data/cifar10';
import { openTrainer } from '../../engine/openTrainer';
import type { RemoteTrainer } from '../../engine/remoteTrainer';
import type { CifarEvaluation, CifarPreview, CifarSnapshot, CifarFilters } from '../../model/cifarTask';
import { appStore, useAppStore } from '../../state/store';
import { TrainingControls, useTrainerBinding } from '../../app/TrainingControls';
import { CifarLiveViews } from './liveViews';
import { CIFAR_VIEW_ID, liveConfig, taskConfig, type CifarSettings } from './settings';
import { CifarSettingsPanel } from './SettingsPanel';
import { FiltersPanel, type FilterWeights } from './FiltersPanel';
import { FeatureMapsPanel } from './FeatureMapsPanel';
import { HistogramPanel } from './HistogramPanel';
import { AccuracyPanel } from './AccuracyPanel';
import { SavePanel } from './SavePanel';
import { CifarMomentsPanel } from './CifarMomentsPanel';
import { errorText } from '../../engine/format';
import type { Moment } from '../../engine/moments';
import { cifarGoToAfterword, fitsMoment, goToCifarMoment } from './cifarGoTo';

/** Least time between two redraws (and read-outs) while training. */
const REDRAW_MS = 1000;
/** Least time between two live feature-map updates while training. */
const FEATURES_MS = 3000;
const PREVIEW_COUNT = 8;
/** Timeline snapshots kept on the page: 60 × ~430 KB ≈ 26 MB at most (see CifarSnapshot). */
export const MAX_SNAPSHOTS = 60;

interface Opened {
  trainer: RemoteTrainer<CifarSnapshot>;
  parameters: number;
  trainImages: number;
  testImages: number;
  classes: string[];
  backend: string;
  inWorker: boolean;
  note: string | null;
}

type Phase = { state: 'loading'; fraction: number; text: string } | { state: 'ready'; opened: Opened } | { state: 'failed'; message: string };

/**
 * The live CIFAR-10 lab: the tutorial's network trains in a Web Worker (engine/openTrainer.ts), and the page
 * draws the copies it sends back — loss terms and learning rate, filters, inputs, feature maps, histograms,
 * test accuracy — so the page keeps painting however long a step takes. A timeline replays kept snapshots.
 */
export function CifarLab({ settings, seed }: { settings: CifarSettings; seed: number }) {
  const backend = useAppStore((s) => s.backend.name);
  const [phase, setPhase] = useState<Phase>({ state: 'loading', fraction: 0, text: 'starting the training worker' });
  const [notice, setNotice] = useState<string | null>(null);
  const [evaluation, setEvaluation] = useState<CifarEvaluation | null>(null);
  const [evaluating, setEvaluating] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [liveFilters, setLiveFilters] = useState<FilterWeights | null>(null);
  const [snapshotVersion, setSnapshotVersion] = useState(0);
  const [featureTick, setFeatureTick] = useState(0);
  /** Index into the kept snapshots, or null for the live network. */
  const [timeline, setTimeline] = useState<number | null>(null);
  const [test, setTest] = useState<CifarSet | null>(null);
  const views = useRef<CifarLiveViews | null>(null);
  const lossRef = useRef<HTMLDivElement>(null);
  const lrRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  /** A moment to put into the next task built (going to it needed another seed, data or batch size). */
  const pendingMoment = useRef<Moment | null>(null);
  const { trainFiles, batchSize } = settings;
  const trainer = phase.state === 'ready' ? phase.opened.trainer : null;

  useEffect(() => {
    let live = true;
    loadSharedCifarTest().then((t) => { if (live) setTest(t); }, () => {});
    return () => { live = false; };
  }, []);

  // One worker per (seed, data size, batch size, backend): those need a fresh network; other settings apply live.
  useEffect(() => {
    if (!backend) return;
    let live = true;
    let opened: RemoteTrainer<CifarSnapshot> | null = null;
    let lastDraw = -Infinity;
    let lastFeatures = -Infinity;
    const redraw = (tr: RemoteTrainer<CifarSnapshot>, force: boolean) => {
      const now = performance.now();
      if (!force && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      views.current?.refreshCharts(tr);
      void tr.read<CifarFilters>('filters').then((f) => { if (live) setLiveFilters(f); }, () => {});
      void tr.read<CifarPreview>('preview', { count: PREVIEW_COUNT }).then((p) => { if (live) views.current?.showPreview(p); }, () => {});
      if (force || now - lastFeatures >= FEATURES_MS) {
        lastFeatures = now;
        setFeatureTick((t) => t + 1);
      }
    };
    openTrainer<CifarSnapshot>('cifar10', taskConfig(settings, seed), backend, {
      maxSnapshots: MAX_SNAPSHOTS,
      onUpdate: (event) => {
        appStore.getState().setTraining(CIFAR_VIEW_ID, event);
        if (opened && live) redraw(opened, event.status !== 'running');
      },
      onSnapshot: () => { if (live) setSnapshotVersion((v) => v + 1); },
      onProgress: (fraction, text) => { if (live) setPhase({ state: 'loading', fraction, text }); },
      onNotice: (text) => { if (live) setNotice(text); },
    }).then(
      (o) => {
        if (!live) { o.trainer.dispose(); return; }
        opened = o.trainer;
        const m = pendingMoment.current;
        pendingMoment.current = null;
        if (m && fitsMoment(m, settings, seed)) {
          o.trainer.restore(m.step, m.loss, m.weights, m.curve ?? []).then(
            () => { if (live) { setTimeline(null); setEvaluation(null); setSnapshotVersion((v) => v + 1); setNotice(`Back at “${m.name}”: step ${m.step.toLocaleString('en-US')}, its weights, settings and lesson step. ${cifarGoToAfterword(m)}`); } },
            (err: unknown) => { if (live) setNotice(`“${m.name}” could not be put back (${errorText(err)}); this is a fresh run with its settings.`); },
          );
        }
        const f = o.ready.facts as { parameters: number; trainImages: number; testImages: number; classes: string[] };
        setPhase({ state: 'ready', opened: { trainer: o.trainer, ...f, backend: o.ready.backend, inWorker: o.inWorker, note: o.note ?? o.ready.notice } });
        redraw(o.trainer, true);
      },
      (err: unknown) => { if (live) setPhase({ state: 'failed', message: errorText(err) }); },
    );
    return () => {
      live = false;
      opened?.dispose();
      appStore.getState().clearTraining(CIFAR_VIEW_ID);
    };
    // Live settings go through configure (below); these rebuild.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, seed, trainFiles, batchSize, attempt]);

  // Learning-rate schedule, averaging and distortion apply from the next step.
  useEffect(() => {
    if (!trainer) return;
    void trainer.configure(liveConfig(settings)).catch(() => {});
    // The live settings only (a new settings object is made on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trainer, settings.initialLearningRate, settings.decaySteps, settings.averageDecay, settings.distort]);

  // Charts and the input strip exist once the panels are in the DOM (after the data has loaded).
  const classes = phase.state === 'ready' ? phase.opened.classes : null;
  useEffect(() => {
    if (!classes || !trainer) return;
    const v = new CifarLiveViews({ loss: lossRef.current!, learningRate: lrRef.current!, preview: previewRef.current! }, classes);
    views.current = v;
    v.refreshCharts(trainer);
    void trainer.read<CifarPreview>('preview', { count: PREVIEW_COUNT }).then((p) => v.showPreview(p), () => {});
    return () => { v.destroy(); views.current = null; };
  }, [classes, trainer]);

  useTrainerBinding(CIFAR_VIEW_ID, trainer);
  // A new array only when a snapshot arrives (or the trainer changes), so panels do not redraw for nothing.
  const snapshotList = useMemo(() => (trainer ? trainer.snapshots.map((s) => s.data) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trainer, snapshotVersion]);

  if (phase.state === 'failed') {
    return (
      <div className="panel data-error" role="alert">
        <h3>The CIFAR-10 network could not start</h3>
        <p>{phase.message}</p>
        <p>The other lessons still work. The data belongs in <code>datasets/cifar10/</code> of the project.</p>
        <button type="button" onClick={() => { setPhase({ state: 'loading', fraction: 0, text: 'starting the training worker' }); setAttempt((a) => a + 1); }}>Try again</button>
      </div>
    );
  }
  if (phase.state === 'loading') {
    return (
      <div className="panel data-progress">
        <label>
          Loading CIFAR-10 ({(trainFiles * 10_000).toLocaleString('en-US')} training images, {(trainFiles * 21.6).toFixed(0)} MB of PNG) — {phase.text}
          <progress max={1} value={phase.fraction} aria-valuetext={`${Math.round(phase.fraction * 100)} percent`} />
        </label>
      </div>
    );
  }
  const o = phase.opened;
  const snapshots = snapshotList;
  const replay = timeline !== null && timeline < snapshots.length ? snapshots[timeline] : null;
  const shownFilters: FilterWeights | null = replay ? { step: replay.step, conv1: replay.conv1, conv2: replay.conv2 } : liveFilters;
  const measure = async () => {
    setEvaluating(true);
    try {
      setEvaluation(await o.trainer.read<CifarEvaluation>('evaluate'));
    } catch (err) {
      setNotice(`Measuring the test accuracy failed: ${errorText(err)}`);
    } finally {
      setEvaluating(false);
    }
  };
  // The replaced run's accuracy, replay position and snapshots no longer apply.
  const afterRestore = () => { setNotice(null); setTimeline(null); setEvaluation(null); setSnapshotVersion((v) => v + 1); };
  const accuracyNote = evaluation ? `${(evaluation.averaged * 100).toFixed(1)}% on the test images at step ${evaluation.step}` : null;
  return (
    <div className="lab cifar-lab">
      <section className="panel controls-panel" aria-labelledby="cifar-train-title">
        <h3 id="cifar-train-title">Train the tutorial&apos;s network</h3>
        <TrainingControls viewId={CIFAR_VIEW_ID} trainer={o.trainer} />
        <p className="where-it-runs">
          {o.inWorker ? 'Training runs in a Web Worker' : 'Training runs on the page'} on <strong>{o.trainer.backend || o.backend}</strong>
          {' '}· {o.trainImages.toLocaleString('en-US')} training images · batches of {batchSize} · <Epoch batchSize={batchSize} images={o.trainImages} />
        </p>
        {o.note && <p className="notice" role="note">{o.note}</p>}
        {notice && <p className="notice" role="alert">{notice}</p>}
        <CifarSettingsPanel settings={settings} seed={seed} parameters={o.parameters} onPreset={() => { o.trainer.reset().catch(() => {}); }} />
        <SavePanel trainer={o.trainer} seed={seed} note={accuracyNote} onLoaded={() => { setNotice(null); setTimeline(null); setEvaluation(null); }} />
      </section>
      <section className="panel timeline-panel" aria-labelledby="cifar-timeline-title">
        <h3 id="cifar-timeline-title">Timeline</h3>
        <label htmlFor="cifar-timeline">
          {replay ? <>Showing step <strong>{replay.step.toLocaleString('en-US')}</strong></> : <>Showing the <strong>live</strong> network</>}
          {' '}({snapshots.length} moments kept, every 10 steps, thinned evenly past {MAX_SNAPSHOTS})
        </label>
        <input id="cifar-timeline" type="range" min={0} max={snapshots.length} step={1} value={timeline ?? snapshots.length}
          disabled={snapshots.length === 0}
          aria-valuetext={replay ? `step ${replay.step}` : 'live'}
          onChange={(e) => { const v = Number(e.target.value); setTimeline(v >= snapshots.length ? null : v); }} />
        <p className="hint">Drag back to see the filters, feature maps and histograms as they were; the far right is live.</p>
      </section>
      <section className="panel loss-panel" aria-labelledby="cifar-loss-title">
        <h3 id="cifar-loss-title">Loss: cross-entropy + weight decay</h3>
        <div ref={lossRef} className="chart-host" />
        <h4>Learning rate</h4>
        <div ref={lrRef} className="chart-host" />
      </section>
      <FiltersPanel filters={shownFilters} replaying={replay !== null} />
      <section className="panel preview-panel" aria-labelledby="cifar-preview-title">
        <h3 id="cifar-preview-title">What the network is fed next</h3>
        <div ref={previewRef} className="grid-host" />
        <p className="hint">Random 24×24 crops, flips and contrast, then each image standardised to mean 0 and deviation 1 (drawn stretched).</p>
      </section>
      <FeatureMapsPanel trainer={o.trainer} test={test} classes={o.classes} snapshot={replay} refresh={featureTick} />
      <HistogramPanel snapshots={snapshots} version={snapshotVersion} highlight={replay?.step ?? null} />
      <AccuracyPanel evaluation={evaluation} measuring={evaluating} onMeasure={() => void measure()} test={test} classes={o.classes} testCount={o.testImages} />
      <CifarMomentsPanel trainer={o.trainer} seed={seed} batchSize={batchSize} trainImages={o.trainImages} test={test}
        goTo={(m) => goToCifarMoment({ trainer: o.trainer, m, settings, seed, pending: pendingMoment, onRestored: afterRestore })} />
    </div>
  );
}

/** The epoch count, re-rendered on its own as steps arrive (the lab itself does not re-render per step). */
function Epoch({ batchSize, images }: { batchSize: number; images: number }) {
  const step = useAppStore((s) => s.training[CIFAR_VIEW_ID]?.step ?? 0);
  return <>epoch {((step * batchSize) / images).toFixed(2)}</>;
}
