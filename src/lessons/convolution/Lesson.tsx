import { useEffect, useState } from 'react';
import type { MnistSplit } from '../../data/mnist';
import { loadSharedMnistTest } from '../../data/mnistShared';
import { LessonFrame } from '../../app/LessonFrame';
import { updateParams } from '../../app/navigation';
import { useAppStore } from '../../state/store';
import { intParam } from '../../app/route';
import { ConvolutionExplorer } from './ConvolutionExplorer';
import { FeatureMaps } from './FeatureMaps';
import { ParameterCalculator } from './ParameterCalculator';
import { RgbConvolution } from './RgbConvolution';
import { CONVOLUTION_STEPS } from './steps';

/** `#/convolution`: from fully connected to shared weights, the convolution formula, padding, stride, several maps. */
export default function ConvolutionLesson({ step }: { step: number }) {
  const [mnist, setMnist] = useState<MnistSplit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const digit = intParam(useAppStore((s) => s.route.params), 'digit');
  useEffect(() => {
    let live = true;
    loadSharedMnistTest().then((t) => { if (live) setMnist(t); }, (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, []);
  const index = Math.min(Math.max(step, 1), CONVOLUTION_STEPS.length) - 1;
  const view = CONVOLUTION_STEPS[index].view;
  return (
    <LessonFrame title="Convolution: local, shared, sliding" steps={CONVOLUTION_STEPS} step={step}>
      {error && <p className="panel error" role="alert">MNIST digits could not be loaded ({error}); the 7×7 example still works.</p>}
      {view === 'calculator' && <ParameterCalculator />}
      {view === 'explorer' && <section className="panel" aria-label="Convolution step-through"><ConvolutionExplorer mnist={mnist} /></section>}
      {view === 'maps' && (mnist ? (
        <>
          <FeatureMaps mnist={mnist} digit={digit ?? 0} />
          <p className="hint">
            Another digit: <button type="button" onClick={() => updateParams({ digit: String(((digit ?? 0) + 1) % 10_000) })}>next test digit</button>
          </p>
          <RgbConvolution />
        </>
      ) : <p className="loading">Loading MNIST test digits…</p>)}
    </LessonFrame>
  );
}
