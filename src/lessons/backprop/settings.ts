import { updateParams } from '../../app/navigation';
import { useAppStore } from '../../state/store';
import { POOL_WINDOWS, type BackpropSettings, type PoolKind, type PoolWindowKey } from './pipeline';

/** What a step fixes: the pooling kind it is about, and the window it starts from when the URL names none. */
export interface StepPooling {
  pool?: PoolKind;
  window?: PoolWindowKey;
}

/** Parses `vals=1,-0.5,2` (one number per output cell); null when absent or malformed. */
export function parseValues(raw: string | undefined): number[] | null {
  if (raw === undefined || raw === '') return null;
  const values = raw.split(',').map(Number);
  return values.every(Number.isFinite) ? values : null;
}

/** Formats per-cell values for the URL: short, without float noise. */
export function formatValues(values: readonly number[]): string {
  return values.map((v) => String(Number(v.toPrecision(6)))).join(',');
}

/**
 * The network's settings from the URL (`pool`, `win`, `relu`, `loss`, `vals`), so a link reproduces the
 * view; a step about one kind of pooling fixes `pool`, and its window applies when `win` is absent.
 */
export function useBackpropSettings(stepPooling: StepPooling): BackpropSettings {
  const params = useAppStore((s) => s.route.params);
  const pool: PoolKind = stepPooling.pool ?? (params.pool === 'avg' ? 'avg' : 'max');
  const window = POOL_WINDOWS.find((w) => w.key === params.win)?.key ?? stepPooling.window ?? '3s2';
  return {
    pool,
    window,
    relu: params.relu === '1',
    loss: params.loss === 'squared' ? 'squared' : 'errors',
    values: parseValues(params.vals),
  };
}

/** Changing the window or the loss changes what the values mean, so they are reset. */
export function setSetting(patch: { pool?: PoolKind; window?: PoolWindowKey; relu?: boolean; loss?: 'errors' | 'squared' }): void {
  const p: Record<string, string | null> = {};
  if (patch.pool) p.pool = patch.pool === 'max' ? null : 'avg';
  if (patch.window) { p.win = patch.window; p.vals = null; }
  if (patch.relu !== undefined) p.relu = patch.relu ? '1' : null;
  if (patch.loss) { p.loss = patch.loss === 'errors' ? null : 'squared'; p.vals = null; }
  updateParams(p);
}
