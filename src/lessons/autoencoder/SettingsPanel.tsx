import { useId } from 'react';
import { updateParams } from '../../app/navigation';
import { MATLAB_EXAMPLE } from '../../model/autoencoder';
import { ClassroomPresets } from '../../app/ClassroomPresets';
import { HIDDEN_SIZES, PRESETS, activePreset, type AutoencoderSettings } from './settings';

const LR_MIN_EXP = -4;
const LR_MAX_EXP = -1;

/**
 * Classroom presets, learning rate, hidden size, sparsity penalty and input noise; every setting lives in the URL.
 * `onPreset` runs after a preset is chosen (the lab passes Reset, so the preset's times count from a fresh network).
 */
export function SettingsPanel({ settings, seed, parameters, onPreset }: { settings: AutoencoderSettings; seed: number; parameters: number | null; onPreset?: () => void }) {
  const id = useId();
  const lrExp = Math.log10(settings.learningRate);
  const hiddenIndex = Math.max(0, HIDDEN_SIZES.findIndex((h) => h >= settings.hiddenSize));
  return (
    <div className="settings">
      <ClassroomPresets presets={PRESETS} active={activePreset(settings)} onApply={onPreset} />
      <div className="setting">
        <label htmlFor={`${id}-lr`}>Learning rate (Adam): <span className="value">{settings.learningRate.toPrecision(2)}</span></label>
        <input id={`${id}-lr`} type="range" min={LR_MIN_EXP} max={LR_MAX_EXP} step={0.05} value={lrExp}
          aria-valuetext={settings.learningRate.toPrecision(2)}
          onChange={(e) => updateParams({ lr: (10 ** Number(e.target.value)).toPrecision(2) })} />
      </div>
      <div className="setting">
        <label htmlFor={`${id}-hidden`}>Hidden units: <span className="value">{settings.hiddenSize}</span></label>
        <input id={`${id}-hidden`} type="range" min={0} max={HIDDEN_SIZES.length - 1} step={1} value={hiddenIndex}
          aria-valuetext={`${settings.hiddenSize} hidden units`}
          onChange={(e) => updateParams({ hidden: String(HIDDEN_SIZES[Number(e.target.value)]) })} />
        <span className="hint">Changing it starts a fresh network.</span>
      </div>
      <div className="setting">
        <label>
          <input type="checkbox" checked={settings.sparse} onChange={(e) => updateParams({ sparse: e.target.checked ? null : '0' })} />
          {' '}Sparsity + weight penalty (MATLAB&apos;s example: ρ = {MATLAB_EXAMPLE.sparsityTarget}, β = {MATLAB_EXAMPLE.sparsityWeight}, λ = {MATLAB_EXAMPLE.l2Weight})
        </label>
      </div>
      <div className="setting">
        <label htmlFor={`${id}-noise`}>Input noise (denoising): <span className="value">{Math.round(settings.inputNoise * 100)}% of pixels dropped</span></label>
        <input id={`${id}-noise`} type="range" min={0} max={0.9} step={0.05} value={settings.inputNoise}
          aria-valuetext={`${Math.round(settings.inputNoise * 100)} percent`}
          onChange={(e) => updateParams({ noise: Number(e.target.value) > 0 ? e.target.value : null })} />
      </div>
      <p className="model-facts">
        784 → {settings.hiddenSize} → 784, sigmoid units ·{' '}
        {parameters === null ? '…' : `${parameters.toLocaleString('en-US')} parameters (counted from the model)`} · seed{' '}
        <a href={`#/autoencoder?${new URLSearchParams({ seed: String(seed) })}`} onClick={(e) => { e.preventDefault(); updateParams({ seed: String(seed) }); }} title="Put this seed in the address so a link reproduces this run" aria-label={`seed ${seed}: put it in the address so the link reproduces this run`}>{seed}</a>
      </p>
    </div>
  );
}
