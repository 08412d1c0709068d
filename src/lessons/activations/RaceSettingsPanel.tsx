import { updateParams } from '../../app/navigation';
import { RACE_ACTIVATIONS, raceParameterCount } from '../../model/raceNet';
import type { RaceFacts } from '../../model/raceTask';
import { ClassroomPresets } from '../../app/ClassroomPresets';
import { BATCH_SIZES, CLASSROOM_PRESETS, WIDTHS, matchingPreset, type RaceSettings } from './settings';
import { RUN_STYLE } from './raceViews';

const SUBSETS: Record<RaceSettings['dataset'], number[]> = { mnist: [2_000, 5_000, 10_000, 30_000, 60_000], cifar10: [2_000, 5_000, 10_000, 20_000, 50_000] };

/** Presets, the data set and size, width, batch, threshold, cap and each run's learning rate; all in the URL. */
export function RaceSettingsPanel({ settings, seed, facts }: { settings: RaceSettings; seed: number; facts: RaceFacts | null }) {
  const preset = matchingPreset(settings);
  const side = settings.dataset === 'mnist' ? 28 : 32;
  const channels = settings.dataset === 'mnist' ? 1 : 3;
  const [w1, w2, w3] = WIDTHS[settings.width];
  const params = raceParameterCount({ side, channels, widths: WIDTHS[settings.width], classes: 10 });
  return (
    <section className="panel race-settings" aria-label="Race settings">
      <ClassroomPresets presets={CLASSROOM_PRESETS} active={CLASSROOM_PRESETS.find((p) => p.id === preset?.id) ?? null} />
      <div className="race-fields">
        <label>Data{' '}
          <select value={settings.dataset} onChange={(e) => updateParams({ data: e.target.value, n: null })}>
            <option value="mnist">MNIST digits (28×28)</option>
            <option value="cifar10">CIFAR-10 (32×32 colour)</option>
          </select>
        </label>
        <label>Training images{' '}
          <select value={settings.trainCount} onChange={(e) => updateParams({ n: e.target.value })}>
            {[...new Set([...SUBSETS[settings.dataset], settings.trainCount])].sort((a, b) => a - b).map((n) => <option key={n} value={n}>{n.toLocaleString('en')}</option>)}
          </select>
        </label>
        <label>Width{' '}
          <select value={settings.width} onChange={(e) => updateParams({ width: e.target.value })}>
            <option value="narrow">narrow: {WIDTHS.narrow.join('-')} maps</option>
            <option value="full">full: {WIDTHS.full.join('-')} maps</option>
          </select>
        </label>
        <label>Batch{' '}
          <select value={settings.batchSize} onChange={(e) => updateParams({ batch: e.target.value })}>
            {BATCH_SIZES.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        <label>Threshold (%){' '}
          <input type="number" min={1} max={95} step={1} value={Math.round(settings.threshold * 100)} onChange={(e) => updateParams({ thr: e.target.value })} />
        </label>
        <label>Epoch cap{' '}
          <input type="number" min={0.5} max={500} step={0.5} value={settings.epochCap} onChange={(e) => updateParams({ cap: e.target.value })} />
        </label>
        {RACE_ACTIVATIONS.map((a) => (
          <label key={a}>ε {RUN_STYLE[a].label}{' '}
            <input type="number" min={0.00001} max={10} step="any" value={settings.learningRates[a]} onChange={(e) => updateParams({ [`lr${a}`]: e.target.value })} />
          </label>
        ))}
      </div>
      <p className="hint">
        The network: conv 5×5×{w1} → f → max pool 3×3/2 → conv 5×5×{w2} → f → pool → conv 5×5×{w3} → f → pool → fully connected 10 → softmax,
        with f = ReLU, tanh or sigmoid. {params.toLocaleString('en')} parameters per run (counted from the layer shapes
        {facts ? `; the worker built ${facts.parameters.toLocaleString('en')}` : ''}). The paper does not give its four-layer network&apos;s
        layout; this one follows the style of Krizhevsky&apos;s cuda-convnet examples. SGD with the lecture&apos;s momentum rule
        (v ← 0.9·v − ε·∇L, w ← w + v), no weight decay and no dropout, as the paper&apos;s figure used no regularisation.
        {facts && <> {facts.trainCount.toLocaleString('en')} images, {facts.batchesPerEpoch} batches an epoch.</>} Seed {seed} (add <code>?seed={seed}</code> to repeat this race).
      </p>
    </section>
  );
}
