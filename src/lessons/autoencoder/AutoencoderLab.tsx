import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MnistData } from '../../data/mnist';
import { Trainer } from '../../engine/trainer';
import { AutoencoderTask } from '../../model/autoencoderTask';
import { countParameters, readEncoderFilters } from '../../model/autoencoderReadout';
import { appStore } from '../../state/store';
import { TrainingControls, useTrainerBinding } from '../../app/TrainingControls';
import { AutoencoderLiveViews, SHOWN_DIGITS } from './liveViews';
import { modelConfig, type AutoencoderSettings } from './settings';
import { SettingsPanel } from './SettingsPanel';
import { DrawPanel } from './DrawPanel';
import { ClassifierPanel } from './ClassifierPanel';
import { FeatureReplay } from './FeatureReplay';
import { MomentsPanel } from './MomentsPanel';
import { useMoments } from './useMoments';

import { MAIN_VIEW_ID } from './settings';
import type { Moment } from '../../engine/moments';
import { momentHiddenSize } from './momentRecord';
import { restoreMoment } from './useMoments';
/** Least time between two redraws of the live pictures while training. */
const REDRAW_MS = 500;
/** Steps between two kept copies of the encoder weights (for the replay slider). */
const SNAPSHOT_EVERY_STEPS = 200;

/**
 * The autoencoder's live training view: one Trainer over an AutoencoderTask, the shared controls and
 * readout, and the pictures that update while it learns. Tensors stay inside the task; React only holds
 * the task and trainer objects and numbers.
 */
export function AutoencoderLab({ data, settings, seed, focus }: { data: MnistData; settings: AutoencoderSettings; seed: number; focus: string }) {
  const train = data.train!;
  const [task, setTask] = useState<AutoencoderTask | null>(null);
  const [trainer, setTrainer] = useState<Trainer<Float32Array> | null>(null);
  const [parameters, setParameters] = useState<number | null>(null);
  const views = useRef<AutoencoderLiveViews | null>(null);
  const originalsRef = useRef<HTMLDivElement>(null);
  const noisyRef = useRef<HTMLDivElement>(null);
  const reconstructionsRef = useRef<HTMLDivElement>(null);
  const filtersRef = useRef<HTMLDivElement>(null);
  const lossRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(0);
  /** A moment to put into the next task built (going to it changed the seed, so the task is rebuilt first). */
  const pendingMomentRef = useRef<Moment | null>(null);

  // Build the task and trainer once per (hidden size, seed); dispose both on change or unmount.
  const { hiddenSize } = settings;
  useEffect(() => {
    const config = modelConfig(settings, seed);
    const t = new AutoencoderTask(train, data.test, config);
    let lastDraw = -Infinity;
    const tr = new Trainer<Float32Array>({
      task: t,
      // Keep the encoder weights every few hundred steps, so the student can replay how the features formed.
      snapshot: { everySteps: SNAPSHOT_EVERY_STEPS, take: () => readEncoderFilters(t.model), maxKept: 60 },
      onUpdate: (event) => {
        appStore.getState().setTraining(MAIN_VIEW_ID, event);
        const now = performance.now();
        if (event.status !== 'running' || now - lastDraw >= REDRAW_MS) {
          lastDraw = now;
          void views.current?.refresh(tr.history);
        }
      },
    });
    // The task owns tensors, so it is made here (not during render) and disposed by this effect's cleanup;
    // state hands it to the views.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTask(t);
    setTrainer(tr);
    setParameters(countParameters(t.model));
    return () => {
      tr.dispose();
      t.dispose();
    };
    // Settings other than size and seed apply live (next effect); the task is rebuilt only for these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [train, data.test, hiddenSize, seed]);

  // Learning rate, sparsity and noise take effect on the next step without losing the weights.
  useEffect(() => {
    if (!task) return;
    const objectiveChanged = task.model.config.sparse !== settings.sparse;
    task.model.updateConfig({ learningRate: settings.learningRate, sparse: settings.sparse, inputNoise: settings.inputNoise });
    // Before the first step the readout shows the untrained loss; a different objective gives a different one.
    if (objectiveChanged && trainer?.completedSteps === 0) void trainer.measureInitialLoss();
  }, [task, trainer, settings.learningRate, settings.sparse, settings.inputNoise]);

  // The live pictures: created once the DOM and the first task exist.
  useEffect(() => {
    if (!task) return;
    if (!views.current) {
      views.current = new AutoencoderLiveViews(
        { originals: originalsRef.current!, noisy: noisyRef.current!, reconstructions: reconstructionsRef.current!, filters: filtersRef.current!, loss: lossRef.current!, code: codeRef.current! },
        task, data.test, setSelected,
      );
    } else {
      views.current.setTask(task);
    }
    void views.current.refresh(trainer?.history ?? []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [task]);
  useEffect(() => () => { views.current?.destroy(); views.current = null; }, []);
  // A new trainer's first readout: the step-0 loss, or the moment being gone to (its seed rebuilt the task). Done
  // here, after the commit in which the old trainer's readout was cleared, so a quick backend's answer is not wiped.
  useEffect(() => {
    if (!task || !trainer) return;
    const pending = pendingMomentRef.current;
    if (pending && pending.seed === task.model.config.seed && momentHiddenSize(pending) === task.model.config.hiddenSize) {
      pendingMomentRef.current = null;
      restoreMoment(trainer, task, pending);
    } else {
      void trainer.measureInitialLoss();
    }
  }, [task, trainer]);
  useEffect(() => { views.current?.select(selected); }, [selected]);

  useTrainerBinding(MAIN_VIEW_ID, trainer);
  useScrollToFocus(focus);
  const showReplay = useCallback((snap: { step: number; filters: Float32Array } | null) => views.current?.showReplay(snap), []);

  const epochs = useMemo(() => (task ? (s: number) => task.epochsAfter(s) : () => 0), [task]);
  const moments = useMoments({ task, trainer, seed, hiddenSize, test: data.test, pendingMomentRef, beforeRestore: (t) => views.current?.setTask(t) });

  return (
    <div className="lab" data-focus={focus}>
      <section className="panel controls-panel" aria-labelledby="ae-train-title">
        <h3 id="ae-train-title">Train the autoencoder</h3>
        <TrainingControls viewId={MAIN_VIEW_ID} trainer={trainer} />
        <EpochNote epochs={epochs} />
        <SettingsPanel settings={settings} seed={seed} parameters={parameters} onPreset={() => void trainer?.reset()} />
      </section>
      <section className="panel loss-panel" data-panel="loss" aria-labelledby="ae-loss-title">
        <h3 id="ae-loss-title">Loss</h3>
        <div ref={lossRef} className="chart-host" />
      </section>
      <section className="panel recon-panel" data-panel="reconstructions" aria-labelledby="ae-recon-title">
        <h3 id="ae-recon-title">
          {settings.inputNoise > 0 ? 'Test digits (top), the damaged inputs the network gets (middle), its reconstructions (bottom)' : 'Test digits (top) and their reconstructions (bottom)'}
        </h3>
        <div ref={originalsRef} className="grid-host" />
        <div ref={noisyRef} className="grid-host" hidden />
        <div ref={reconstructionsRef} className="grid-host" />
        <p className="hint">The first {SHOWN_DIGITS} images of the MNIST test set (LeCun, Cortes, Burges); the network never trains on them. Click one to see its code.</p>
      </section>
      <section className="panel filters-panel" data-panel="filters" aria-labelledby="ae-filters-title">
        <h3 id="ae-filters-title">What the {settings.hiddenSize} hidden units learned</h3>
        <FeatureReplay trainer={trainer} onShow={showReplay} />
        <div ref={filtersRef} className="grid-host" />
        <p className="hint">Each tile is one hidden unit&apos;s 784 input weights drawn as a 28×28 image (blue positive, red negative, each tile scaled to its own largest weight).</p>
      </section>
      <section className="panel code-panel" data-panel="code" aria-labelledby="ae-code-title">
        <h3 id="ae-code-title">The code of the selected digit</h3>
        <div ref={codeRef} className="grid-host" />
        <p className="hint">{settings.hiddenSize} numbers between 0 and 1 (dark = 0, yellow = 1): all the decoder gets to rebuild 784 pixels.</p>
      </section>
      <DrawPanel task={task} />
      <ClassifierPanel task={task} data={data} seed={seed} />
      <MomentsPanel {...moments} hiddenSize={hiddenSize} epochsAfter={epochs} />
    </div>
  );
}

/** How far through the training set the trainer is, read from the store (not re-rendered per batch). */
function EpochNote({ epochs }: { epochs: (steps: number) => number }) {
  const [text, setText] = useState('');
  useEffect(() => appStore.subscribe((s) => {
    const ev = s.training[MAIN_VIEW_ID];
    const t = ev ? `${epochs(ev.step).toFixed(2)} passes through the 60,000 training images` : '';
    setText((old) => (old === t ? old : t));
  }), [epochs]);
  return <p className="epoch-note">{text}</p>;
}

/** Brings the panel the current step talks about into view when the step changes (not on first render). */
function useScrollToFocus(focus: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    const selector = focus === 'controls' ? '.lab .controls-panel' : `.lab [data-panel="${focus}"]`;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    document.querySelector(selector)?.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [focus]);
}
