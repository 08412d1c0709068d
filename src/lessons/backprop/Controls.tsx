import { POOL_WINDOWS, type BackpropSettings } from './pipeline';
import { setSetting, type StepPooling } from './settings';

/** The network's settings, kept in the URL; a step about one kind of pooling shows that kind fixed. */
export function BackpropControls({ settings, stepPooling }: { settings: BackpropSettings; stepPooling: StepPooling }) {
  return (
    <div className="bp-controls" role="group" aria-label="Network settings">
      <label>Pooling{' '}
        {stepPooling.pool ? (
          <strong>{stepPooling.pool === 'max' ? 'max' : 'average'} (this step)</strong>
        ) : (
          <select aria-label="Pooling" value={settings.pool} onChange={(e) => setSetting({ pool: e.target.value === 'avg' ? 'avg' : 'max' })}>
            <option value="max">max</option>
            <option value="avg">average</option>
          </select>
        )}
      </label>
      <label>Window{' '}
        <select aria-label="Pooling window" value={settings.window} onChange={(e) => setSetting({ window: POOL_WINDOWS.find((w) => w.key === e.target.value)?.key ?? '3s2' })}>
          {POOL_WINDOWS.map((w) => <option key={w.key} value={w.key}>{w.label}</option>)}
        </select>
      </label>
      <label><input type="checkbox" checked={settings.relu} onChange={(e) => setSetting({ relu: e.target.checked })} /> ReLU after the convolution</label>
      <label>Loss{' '}
        <select aria-label="Loss" value={settings.loss} onChange={(e) => setSetting({ loss: e.target.value === 'squared' ? 'squared' : 'errors' })}>
          <option value="errors">errors chosen per output (J = Σ e·out)</option>
          <option value="squared">squared error, J = ½Σ(out − t)²</option>
        </select>
      </label>
    </div>
  );
}
