import { useEffect, useState } from 'react';
import type { MnistSplit } from '../../data/mnist';
import { loadSharedMnistTest } from '../../data/mnistShared';
import { LessonFrame } from '../../app/LessonFrame';
import { updateParams } from '../../app/navigation';
import { intParam } from '../../app/route';
import { useAppStore } from '../../state/store';
import { ArchitectureStack } from './ArchitectureStack';
import { NormalizationCompare } from './NormalizationCompare';
import { PoolingExplorer } from './PoolingExplorer';
import { ResolutionLoss } from './ResolutionLoss';
import { usePoolSettings } from './settings';
import { POOLING_STEPS } from './steps';
import './pooling.css';

const DEFAULT_DIGIT = 0;

/** `#/pooling`: max and average pooling, the argmax map, lost resolution, LCN and LRN, the typical CNN stack. */
export default function PoolingLesson({ step }: { step: number }) {
  const [mnist, setMnist] = useState<MnistSplit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const params = useAppStore((s) => s.route.params);
  const digitParam = intParam(params, 'digit');
  const digit = digitParam !== null && digitParam >= 0 && digitParam < 10_000 ? digitParam : DEFAULT_DIGIT;
  const index = Math.min(Math.max(step, 1), POOLING_STEPS.length) - 1;
  const current = POOLING_STEPS[index];
  const { op } = usePoolSettings({ size: 2, stride: 2, op: 'max' });
  const needsMnist = current.view === 'resolution' || current.view === 'normalize';
  useEffect(() => {
    if (!needsMnist) return;
    let live = true;
    loadSharedMnistTest().then((t) => { if (live) setMnist(t); }, (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [needsMnist]);

  const digitPicker = (
    <p className="hint">
      <label>Test digit #<input className="pool-digit" aria-label="Test digit number" type="number" min={0} max={9999} value={digit}
        onChange={(e) => updateParams({ digit: String(Math.min(9999, Math.max(0, Number(e.target.value) || 0))) })} /></label>{' '}
      <button type="button" onClick={() => updateParams({ digit: String((digit + 1) % 10_000) })}>next test digit</button>
      {' '}· MNIST test set (LeCun, Cortes &amp; Burges)
    </p>
  );
  const needsDigit = (body: React.ReactNode) => (error
    ? <p className="panel error" role="alert">MNIST digits could not be loaded ({error}).</p>
    : mnist ? <>{body}{digitPicker}</> : <p className="loading">Loading MNIST test digits…</p>);

  return (
    <LessonFrame title="Pooling, normalisation and the typical CNN" steps={POOLING_STEPS} step={step}>
      {current.view === 'explorer' && current.defaults && (
        <section className="panel" aria-label="Pooling step-through">
          <PoolingExplorer defaults={current.defaults} showArgmax={!!current.argmax} />
        </section>
      )}
      {current.view === 'resolution' && needsDigit(mnist && <ResolutionLoss mnist={mnist} digit={digit} op={op} />)}
      {current.view === 'normalize' && needsDigit(mnist && <NormalizationCompare mnist={mnist} digit={digit} />)}
      {current.view === 'architecture' && <ArchitectureStack />}
    </LessonFrame>
  );
}
