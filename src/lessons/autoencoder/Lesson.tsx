import { useEffect, useState } from 'react';
import type { LoadProgress, MnistData } from '../../data/mnist';
import { LessonFrame } from '../../app/LessonFrame';
import { useSeedInUse } from '../../app/followAlong/useSeedInUse';
import { useAppStore } from '../../state/store';
import { AutoencoderLab } from './AutoencoderLab';
import { loadSharedMnist } from '../../data/mnistShared';
import { settingsFromParams } from './settings';
import { AUTOENCODER_STEPS } from './steps';

type Load = { state: 'loading'; progress: LoadProgress | null } | { state: 'ready'; data: MnistData } | { state: 'failed'; message: string };

/** `#/autoencoder`: the lecture's MATLAB autoencoder (784 → 100 → 784 on unlabelled MNIST), trained live. */
export default function AutoencoderLesson({ step }: { step: number }) {
  const params = useAppStore((s) => s.route.params);
  const settings = settingsFromParams(params);
  // Without ?seed= the lesson draws one and shows it, so any run can be reproduced by its link.
  const [fallbackSeed] = useState(() => Math.floor(Math.random() * 1_000_000));
  const seed = settings.seed ?? fallbackSeed;
  useSeedInUse('autoencoder', seed);
  const [load, setLoad] = useState<Load>({ state: 'loading', progress: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const { promise, unsubscribe } = loadSharedMnist((progress) => { if (live) setLoad({ state: 'loading', progress }); });
    promise.then(
      (data) => { if (live) setLoad({ state: 'ready', data }); },
      (err: unknown) => { if (live) setLoad({ state: 'failed', message: err instanceof Error ? err.message : String(err) }); },
    );
    return () => { live = false; unsubscribe(); };
  }, [attempt]);

  const stepIndex = Math.min(Math.max(step, 1), AUTOENCODER_STEPS.length) - 1;
  return (
    <LessonFrame title="Autoencoder: learning MNIST without labels" steps={AUTOENCODER_STEPS} step={step}>
      {load.state === 'ready' && <AutoencoderLab data={load.data} settings={settings} seed={seed} focus={AUTOENCODER_STEPS[stepIndex].focus} />}
      {load.state === 'loading' && <DataProgress progress={load.progress} />}
      {load.state === 'failed' && (
        <div className="panel data-error" role="alert">
          <h3>MNIST could not be loaded</h3>
          <p>{load.message}</p>
          <p>The rest of the app still works. The files belong in <code>datasets/mnist/</code> of the project.</p>
          <button type="button" onClick={() => { setLoad({ state: 'loading', progress: null }); setAttempt((a) => a + 1); }}>Try again</button>
        </div>
      )}
    </LessonFrame>
  );
}

function DataProgress({ progress }: { progress: LoadProgress | null }) {
  const fraction = progress?.fraction ?? 0;
  const phase = progress ? `${progress.phase === 'download' ? 'downloading' : progress.phase === 'decompress' ? 'decompressing' : progress.phase === 'verify' ? 'checking' : 'ready:'} ${progress.file}` : 'starting';
  return (
    <div className="panel data-progress">
      <label>
        Loading MNIST (11.4 MB compressed, 70,000 digits) — {phase}
        <progress max={1} value={fraction} aria-valuetext={`${Math.round(fraction * 100)} percent`} />
      </label>
    </div>
  );
}
