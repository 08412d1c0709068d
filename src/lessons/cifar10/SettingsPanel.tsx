import { useId } from 'react';
import { updateParams } from '../../app/navigation';
import { ClassroomPresets } from '../../app/ClassroomPresets';
import { BATCH_SIZES, PRESETS, TUTORIAL_BATCH, activePreset, type CifarSettings } from './settings';

/**
 * Classroom presets, data size, batch, learning-rate schedule, moving average and distortion; every setting lives
 * in the URL. `onPreset` runs after a preset is chosen (the lab passes Reset, so its times count from a fresh network).
 */
export function CifarSettingsPanel({ settings, seed, parameters, onPreset }: { settings: CifarSettings; seed: number; parameters: number; onPreset?: () => void }) {
  const id = useId();
  return (
    <div className="settings">
      <ClassroomPresets presets={PRESETS} active={activePreset(settings)} onApply={onPreset} />
      <div className="setting">
        <label htmlFor={`${id}-files`}>Training images: <span className="value">{(settings.trainFiles * 10_000).toLocaleString('en-US')}</span></label>
        <input id={`${id}-files`} type="range" min={1} max={5} step={1} value={settings.trainFiles}
          aria-valuetext={`${settings.trainFiles * 10_000} images`}
          onChange={(e) => updateParams({ files: e.target.value === '1' ? null : e.target.value })} />
        <span className="hint">Each 10,000 is one of CIFAR-10&apos;s five training files (about 22 MB). Changing it starts a fresh network.</span>
      </div>
      <div className="setting">
        <label htmlFor={`${id}-batch`}>Batch size</label>
        <select id={`${id}-batch`} value={settings.batchSize} onChange={(e) => updateParams({ batch: e.target.value })}>
          {BATCH_SIZES.map((b) => <option key={b} value={b}>{b}{b === TUTORIAL_BATCH ? ' (the tutorial)' : ''}</option>)}
        </select>
      </div>
      <div className="setting">
        <label htmlFor={`${id}-lr`}>Initial learning rate (SGD): <span className="value">{settings.initialLearningRate}</span></label>
        <input id={`${id}-lr`} type="range" min={-3} max={0} step={0.1} value={Math.log10(settings.initialLearningRate)}
          aria-valuetext={String(settings.initialLearningRate)}
          onChange={(e) => updateParams({ lr: Number((10 ** Number(e.target.value)).toPrecision(2)).toString() })} />
      </div>
      <div className="setting">
        <label htmlFor={`${id}-decay`}>Learning rate ×0.1 every <span className="value">{settings.decaySteps.toLocaleString('en-US')}</span> steps</label>
        <input id={`${id}-decay`} type="number" min={10} max={1000000} step={100} value={settings.decaySteps}
          onChange={(e) => { const v = Math.round(Number(e.target.value)); if (v >= 10) updateParams({ decay: String(v) }); }} />
        <span className="hint">The tutorial waits 350 epochs (136,718 steps of 128 images); a class cannot, so the default is 3,000.</span>
      </div>
      <div className="setting">
        <label htmlFor={`${id}-avg`}>Moving-average decay of the weights: <span className="value">{settings.averageDecay}</span></label>
        <select id={`${id}-avg`} value={settings.averageDecay} onChange={(e) => updateParams({ avg: e.target.value })}>
          {[0.9, 0.99, 0.999, 0.9999].map((d) => <option key={d} value={d}>{d}{d === 0.9999 ? ' (the tutorial)' : ''}</option>)}
        </select>
      </div>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.distort} onChange={(e) => updateParams({ distort: e.target.checked ? null : '0' })} />
          {' '}Distort the training images (random crop, flip, brightness, contrast)
        </label>
      </div>
      <p className="model-facts">
        {parameters.toLocaleString('en-US')} parameters (counted from the built model) · seed{' '}
        <a href={`#/cifar10?${new URLSearchParams({ seed: String(seed) })}`} onClick={(e) => { e.preventDefault(); updateParams({ seed: String(seed) }); }} aria-label={`seed ${seed}: put it in the address so the link reproduces this run`}>{seed}</a>
      </p>
    </div>
  );
}
